package io.tokenctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** JWT tokens (seed 004): signed by the org's Ed25519 key, revocable online, checkable offline against a JWKS. */
class JwtTest extends AdminStore {
    String jwt(String... flags) {
        String[] args = new String[flags.length + 5];
        args[0] = "auth";
        args[1] = "create";
        args[2] = "-q";
        args[3] = "--format";
        args[4] = "jwt";
        System.arraycopy(flags, 0, args, 5, flags.length);
        String out = admin.run(args).expect(0).out().strip();
        assertTrue(out.matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+"), out);
        return out;
    }

    Path jwks(String org) throws Exception {
        Path f = Files.createTempFile(dir, org, ".jwks");
        Files.writeString(f, admin.run("org", "keys", "jwks", org).expect(0).out());
        return f;
    }

    Tokenctl.Result online(String token) {
        return admin.runWithStdin(token, "auth", "verify");
    }

    Tokenctl.Result offline(String token, Path jwks) {
        return admin.runWithStdin(token, "auth", "verify", "--offline", "--jwks", jwks.toString());
    }

    static JsonNode part(String jwt, int i) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[i]));
    }

    @Test
    void aJwtCarriesTheFixedClaimsAndVerifiesOnlineAndOffline() throws Exception {
        String token = jwt("--read-buckets", "--expires", "1h");
        JsonNode header = part(token, 0);
        assertEquals("EdDSA", header.get("alg").asText());
        JsonNode claims = part(token, 1);
        assertEquals("tokenctl", claims.get("iss").asText());
        String id = JSON.readTree(online(token).expect(0).out()).get("id").asText();
        assertEquals(id, claims.get("jti").asText());
        JsonNode shown = JSON.readTree(admin.run("auth", "show", id, "--json").out());
        assertEquals("jwt", shown.get("format").asText());
        assertEquals(shown.get("userID").asText(), claims.get("sub").asText());
        assertEquals(shown.get("orgID").asText(), claims.get("org").asText());
        assertEquals(admin.clock.instant().getEpochSecond(), claims.get("iat").asLong());
        assertEquals(admin.clock.instant().getEpochSecond() + 3600, claims.get("exp").asLong());
        offline(token, jwks("acme")).expect(0);
        assertFalse(admin.storeFilesContain(token), "only the JWT's hash is stored");
    }

    @Test
    void aTamperedPayloadFailsBothWays() throws Exception {
        String token = jwt("--read-buckets");
        String[] p = token.split("\\.");
        String forged = new String(Base64.getUrlDecoder().decode(p[1]), StandardCharsets.UTF_8)
                .replace("\"iss\":\"tokenctl\"", "\"iss\":\"tokenctl\",\"admin\":true");
        String tampered = p[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(forged.getBytes()) + "." + p[2];
        online(tampered).expect(3);
        assertTrue(JSON.readTree(offline(tampered, jwks("acme")).expect(3).out()).get("reason").asText().contains("signature"));
    }

    @Test
    void aSignatureFromAnotherOrgsKeyFails() throws Exception {
        admin.run("org", "create", "beta").expect(0);
        String acme = jwt("--read-buckets");
        String beta = jwt("--read-buckets", "--org", "beta");
        String[] a = acme.split("\\.");
        String[] b = beta.split("\\.");
        String swapped = a[0] + "." + a[1] + "." + b[2];
        offline(swapped, jwks("acme")).expect(3);
        offline(acme, jwks("beta")).expect(3);
        online(swapped).expect(3);
    }

    @Test
    void anExpiredJwtFailsOfflineToo() throws Exception {
        String token = jwt("--read-buckets", "--expires", "10m");
        Path keys = jwks("acme");
        admin.clock.advance(Duration.ofMinutes(10));
        assertTrue(JSON.readTree(offline(token, keys).expect(3).out()).get("reason").asText().contains("expired"));
        online(token).expect(3);
    }

    @Test
    void rotatedKeysKeepVerifyingUntilRemoved() throws Exception {
        String old = jwt("--read-buckets");
        String oldKid = part(old, 0).get("kid").asText();
        admin.clock.advance(Duration.ofSeconds(1));
        String newKid = admin.run("org", "keys", "rotate", "acme").expect(0).out().strip();
        String fresh = jwt("--read-buckets");
        assertEquals(newKid, part(fresh, 0).get("kid").asText(), "the newest key signs");
        assertEquals(2, JSON.readTree(Files.readString(jwks("acme"))).get("keys").size());
        online(old).expect(0);
        offline(old, jwks("acme")).expect(0);
        admin.run("org", "keys", "remove", "acme", oldKid, "--yes").expect(0);
        assertTrue(JSON.readTree(online(old).expect(3).out()).get("reason").asText().contains("removed"));
        offline(old, jwks("acme")).expect(3);
        online(fresh).expect(0);
        admin.run("org", "keys", "remove", "acme", "0000000000000000", "--yes").expect(5);
    }

    @Test
    void revocationIsSeenOnlineOnlyByDesign() throws Exception {
        String token = jwt("--read-buckets");
        String id = JSON.readTree(online(token).out()).get("id").asText();
        admin.run("auth", "retire", id).expect(0);
        online(token).expect(3);
        offline(token, jwks("acme")).expect(0);
    }

    @Test
    void aJwtWorksAsAnOperatorTokenAndRegeneratesWithTheSameId() throws Exception {
        String op = jwt("--all-access");
        Tokenctl t = new Tokenctl(dir);
        t.env.put("TOKENCTL_TOKEN", op);
        String id = JSON.readTree(online(op).out()).get("id").asText();
        t.run("auth", "list").expect(0);
        admin.clock.advance(Duration.ofSeconds(5));
        String again = admin.run("auth", "regenerate", id, "-q").expect(0).out().strip();
        assertEquals(id, part(again, 1).get("jti").asText());
        online(again).expect(0);
        online(op).expect(3);
    }

    @Test
    void onlyAdminsRotateKeysAndOfflineNeedsAJwks() throws Exception {
        admin.run("user", "create", "alice").expect(0);
        Tokenctl a = new Tokenctl(dir);
        a.env.put("TOKENCTL_TOKEN", admin.create("--user", "alice", "--read-orgs", "--read-authorizations"));
        a.run("org", "keys", "rotate", "acme").expect(4);
        String token = jwt("--read-buckets");
        admin.runWithStdin(token, "auth", "verify", "--offline").expect(2);
        Path notJwks = Files.writeString(dir.resolve("bad.jwks"), "not json");
        admin.runWithStdin(token, "auth", "verify", "--offline", "--jwks", notJwks.toString()).expect(2);
        admin.run("auth", "create", "--read-buckets", "--format", "paseto").expect(2);
    }
}
