package io.tokenctl.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.tokenctl.api.Results.AppUse;
import io.tokenctl.api.Results.AuditEvent;
import io.tokenctl.api.Results.ErrorBody;
import io.tokenctl.api.Results.Me;
import io.tokenctl.api.Results.Member;
import io.tokenctl.api.Results.Org;
import io.tokenctl.api.Results.SetupResult;
import io.tokenctl.api.Results.SigningKey;
import io.tokenctl.api.Results.UserDeleted;
import io.tokenctl.api.Results.Verification;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One wire format, both directions: every api record written by databind reads back equal, and the CLI's
 * streaming writer (its cold --json path) writes exactly the shape databind writes.
 */
class WireFormatTest {
    static final Instant T = Instant.parse("2026-11-23T12:00:00.123Z");

    interface Streamed {
        void write(JsonGenerator g) throws IOException;
    }

    static JsonNode streamed(Streamed w) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            w.write(g);
        }
        return Json.mapper().readTree(out.toString());
    }

    static JsonNode bound(Object value) throws IOException {
        return Json.mapper().readTree(Json.write(value));
    }

    static <T> void roundTrips(T value, Class<T> type) {
        assertEquals(value, Json.read(Json.write(value), type, "test"), type.getSimpleName());
    }

    static Token token(boolean full) {
        return new Token("0123456789abcdef", "CI \u00e9crit \uD83D\uDD11", full ? TokenKind.ACCOUNT : TokenKind.USER,
                full ? TokenStatus.INACTIVE : TokenStatus.ACTIVE, full ? null : "00000000000000b1", full ? null : "alice",
                "00000000000000a1", "acme", !full, full ? List.of("00000000000000a1", "00000000000000a2") : List.of(),
                List.of(Permission.parse("read:buckets"), Permission.parse("write:buckets/0a1b2c")), "sha256:0123456789abcdef",
                T, T.plusSeconds(5), full ? T.plusSeconds(86_400) : null, full ? "retired by admin" : null,
                full ? TokenFormat.JWT : TokenFormat.OPAQUE, full ? AppState.PENDING : AppState.ALLOW,
                full ? List.of("10.0.0.0/8", "2001:db8::/32") : List.of(), full, full ? 42 : 0,
                full ? T.plusSeconds(60) : null, full ? "10.1.2.3" : null, full ? "grafana" : null,
                full ? List.of("00000000000000a3") : List.of(), full ? "admin" : null, full);
    }

    @Test
    void aTokenReadsBackEqualAndTheCliWritesTheSameShape() throws IOException {
        for (boolean full : new boolean[] {false, true}) {
            Token t = token(full);
            roundTrips(t, Token.class);
            assertEquals(bound(t), streamed(g -> ApiJson.writeToken(g, t, null)));
            CreatedToken c = new CreatedToken(t, "tctl_secret");
            roundTrips(c, CreatedToken.class);
            assertEquals(bound(c), streamed(g -> ApiJson.writeToken(g, t, "tctl_secret")));
        }
    }

    @Test
    void aPermissionCarriesItsTokensOrgAsInfluxDbWritesIt() throws IOException {
        JsonNode p = bound(token(false)).get("permissions").get(1);
        assertEquals("write", p.get("action").asText());
        assertEquals("buckets", p.get("resource").get("type").asText());
        assertEquals("0a1b2c", p.get("resource").get("id").asText());
        assertEquals("00000000000000a1", p.get("resource").get("orgID").asText());
    }

    @Test
    void aVerificationReadsBackEqualAndIsWrittenOnceForBoth() throws IOException {
        List<Verification> answers = List.of(
                new Verification(true, null, null, "0123456789abcdef", TokenKind.USER, "00000000000000b1",
                        List.of("00000000000000a1"), List.of(Permission.parse("read:buckets")), T.plusSeconds(3600), T,
                        "grafana"),
                new Verification(true, null, null, "0123456789abcdef", TokenKind.ACCOUNT, null, List.of(), List.of(),
                        null, T, null),
                Verification.refused(ErrorCode.FORBIDDEN, "token lacks write:buckets", "0123456789abcdef"),
                Verification.refused(ErrorCode.UNAUTHENTICATED, "unknown, expired or revoked token", null));
        for (Verification v : answers) {
            roundTrips(v, Verification.class);
            assertEquals(bound(v), streamed(g -> ApiJson.writeVerification(g, v)));
        }
        JsonNode active = bound(answers.get(0));
        assertEquals(T.plusSeconds(3600).getEpochSecond(), active.get("exp").asLong(), "exp is a number");
        assertEquals("read:buckets", active.get("scope").asText(), "scope is space-separated text");
        assertEquals("grafana", active.get("client_id").asText());
    }

    @Test
    void everyOtherResultReadsBackEqualAndMatchesTheCli() throws IOException {
        Member m = new Member("00000000000000b1", "alice", "00000000000000a1", "acme", Role.READ_ONLY);
        roundTrips(m, Member.class);
        assertEquals(bound(m), streamed(g -> ApiJson.writeMember(g, m)));
        for (Org o : List.of(new Org("00000000000000a1", "acme", Role.ADMIN), new Org("00000000000000a2", "beta", null))) {
            roundTrips(o, Org.class);
            assertEquals(bound(o), streamed(g -> ApiJson.writeOrg(g, o)));
        }
        UserDeleted d = new UserDeleted("00000000000000b1", "alice", List.of("acme"), List.of("0123456789abcdef"));
        roundTrips(d, UserDeleted.class);
        assertEquals(bound(d), streamed(g -> ApiJson.writeUserDeleted(g, d)));
        AuditEvent e = new AuditEvent(7, T, null, "(another org)", "00000000000000a1", "verify", "0123456789abcdef",
                "denied", "why \u202e");
        roundTrips(e, AuditEvent.class);
        assertEquals(bound(e), streamed(g -> ApiJson.writeAuditEvent(g, e)));
        AppUse a = new AppUse("grafana", AppState.DENY, T, T.plusSeconds(9));
        roundTrips(a, AppUse.class);
        assertEquals(bound(a), streamed(g -> ApiJson.writeAppUse(g, a)));
        SigningKey k = new SigningKey("00000000000000c1", "00000000000000a1", "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo", T);
        roundTrips(k, SigningKey.class);
        assertEquals(bound(java.util.Map.of("keys", List.of(k))), streamed(g -> ApiJson.writeJwks(g, List.of(k))));
        Me me = new Me("00000000000000b1", "alice", "0123456789abcdef", TokenKind.USER, "00000000000000a1", "acme",
                List.of(new Org("00000000000000a1", "acme", Role.NORMAL)), List.of(Permission.parse("read:buckets")),
                java.time.Instant.parse("2026-12-31T00:00:00Z"));
        roundTrips(me, Me.class);
        assertEquals(bound(me), streamed(g -> ApiJson.writeMe(g, me)));
        ErrorBody err = new ErrorBody("not found", "no token with id \"x\"");
        roundTrips(err, ErrorBody.class);
        assertEquals(bound(err), streamed(g -> ApiJson.writeError(g, err)));
        SetupResult s = new SetupResult("00000000000000a1", "acme", "00000000000000b1", "admin",
                new CreatedToken(token(false), "tctl_secret"));
        roundTrips(s, SetupResult.class);
    }

    @Test
    void requestsReadBackEqualTooSoTheRemoteClientAndTheServerAgree() {
        roundTrips(new Requests.CreateToken("d", "alice", List.of("acme", "beta"), false, false, false,
                List.of(Permission.parse("read:buckets")), Expiry.parse("expires", "30d"), TokenFormat.JWT,
                AppState.PENDING, List.of("10.0.0.0/8")), Requests.CreateToken.class);
        roundTrips(new Requests.CreateToken(null, null, null, true, false, true, List.of(), new Expiry(null, T), null,
                null, null), Requests.CreateToken.class);
        roundTrips(new Requests.UpdateToken("0123456789abcdef", "d", Expiry.NEVER, "bob", TokenStatus.INACTIVE),
                Requests.UpdateToken.class);
        roundTrips(new Requests.Regenerate("0123456789abcdef", Duration.ofHours(24), null, true), Requests.Regenerate.class);
        roundTrips(new Requests.Regenerate("0123456789abcdef", null, T, false), Requests.Regenerate.class);
        roundTrips(new Requests.Setup("admin", "acme", true), Requests.Setup.class);
        roundTrips(new Requests.CreateUser("bob", "acme", Role.ADMIN), Requests.CreateUser.class);
        roundTrips(new Requests.Verify("tctl_x", "grafana", "10.1.2.3", List.of(Permission.parse("read:buckets/b1")),
                "acme"), Requests.Verify.class);
    }
}
