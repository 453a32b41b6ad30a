package io.tokenctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuthCreateTest extends AdminStore {


    @Test
    void createPrintsTheSecretOnceAndTheStoreNeverHoldsIt() throws Exception {
        Tokenctl.Result r = admin.run("auth", "create", "--read-buckets").expect(0);
        String secret = r.secret();
        assertTrue(r.out().contains("shown only this once"), r.out());
        assertFalse(admin.storeFilesContain(secret));
        assertFalse(admin.storeFilesContain(secret.substring(5, 35)), "not even the random part");
        String listing = admin.run("auth", "list", "--json").expect(0).out() + admin.run("auth", "list").out();
        assertFalse(listing.contains(secret));
    }

    @Test
    void quietPrintsOnlyTheSecretForScripts() {
        String secret = admin.create("--read-buckets");
        assertTrue(secret.matches("tctl_[0-9A-Za-z]{36}"));
    }

    @Test
    void jsonCarriesTheFixedFieldNamesAndTheSecretOnlyOnCreate() throws Exception {
        JsonNode created = admin.json("auth", "create", "--read-buckets", "--write-bucket", "0a1b2c");
        String secret = created.get("token").asText();
        assertTrue(secret.startsWith("tctl_"));
        for (String f : List.of("id", "description", "kind", "status", "userID", "orgID", "permissions", "hash",
                "createdAt", "updatedAt", "expiresAt")) {
            assertTrue(created.has(f), f);
        }
        JsonNode shown = admin.json("auth", "show", created.get("id").asText());
        assertFalse(shown.has("token"));
        assertTrue(shown.get("hash").asText().matches("sha256:[0-9a-f]{16}"));
        assertEquals("user", shown.get("kind").asText());
        assertEquals("active", shown.get("status").asText());
        assertTrue(shown.get("expiresAt").isNull());
        JsonNode perms = shown.get("permissions");
        assertEquals(2, perms.size());
        assertEquals("read", perms.get(0).get("action").asText());
        assertEquals("buckets", perms.get(0).get("resource").get("type").asText());
        assertTrue(perms.get(0).get("resource").get("id").isNull());
        assertEquals(shown.get("orgID").asText(), perms.get(0).get("resource").get("orgID").asText());
        assertEquals("write", perms.get(1).get("action").asText());
        assertEquals("0a1b2c", perms.get(1).get("resource").get("id").asText());
    }

    @Test
    void everyResourceTypeHasItsReadAndWriteFlags() throws Exception {
        List<String> args = new ArrayList<>(List.of("auth", "create"));
        for (io.tokenctl.api.ResourceType type : io.tokenctl.api.ResourceType.values()) {
            args.add("--read-" + type.pluralFlag());
            args.add("--write-" + type.singularFlag());
            args.add("id-" + type.ordinal());
        }
        JsonNode created = admin.json(args.toArray(String[]::new));
        assertEquals(io.tokenctl.api.ResourceType.values().length * 2, created.get("permissions").size());
    }

    @Test
    void singularFlagsRepeat() throws Exception {
        JsonNode created = admin.json("auth", "create", "--read-bucket", "b1", "--read-bucket", "b2", "--write-dashboard", "d1");
        assertEquals(3, created.get("permissions").size());
        assertEquals("Read buckets b1 Read buckets b2 Write dashboards d1", created.get("description").asText());
    }

    @Test
    void theDescriptionIsMadeFromThePermissionsWhenNoneIsGiven() throws Exception {
        assertEquals("Read buckets Write buckets _tasks",
                admin.json("auth", "create", "--read-buckets", "--write-bucket", "_tasks").get("description").asText());
        assertEquals("All access", admin.json("auth", "create", "--all-access").get("description").asText());
        assertEquals("CI writer", admin.json("auth", "create", "--read-buckets", "--description", "CI writer")
                .get("description").asText());
    }

    @Test
    void aTypeWideFlagSwallowsTheSameTypesSingleIds() throws Exception {
        JsonNode created = admin.json("auth", "create", "--read-buckets", "--read-bucket", "b1");
        assertEquals(1, created.get("permissions").size());
    }

    @Test
    void noPermissionIsAUsageError() {
        Tokenctl.Result r = admin.run("auth", "create", "--description", "nothing").expect(2);
        assertTrue(r.err().contains("at least one permission"), r.err());
    }

    @Test
    void allAccessWithAnotherPermissionIsAUsageError() {
        admin.run("auth", "create", "--all-access", "--read-buckets").expect(2);
        admin.run("auth", "create", "--all-access", "--write-bucket", "x").expect(2);
    }

    @ParameterizedTest
    @CsvSource({"90s,PT1M30S", "15m,PT15M", "12h,PT12H", "30d,PT720H", "2w,PT336H"})
    void expiresTakesShortDurations(String flag, String duration) throws Exception {
        JsonNode created = admin.json("auth", "create", "--read-buckets", "--expires", flag);
        assertEquals(admin.clock.instant().plus(Duration.parse(duration)), Instant.parse(created.get("expiresAt").asText()));
    }

    @Test
    void expiresTakesAnIsoTimeOrNever() throws Exception {
        assertEquals("2027-01-31T00:00:00Z",
                admin.json("auth", "create", "--read-buckets", "--expires", "2027-01-31T00:00:00Z").get("expiresAt").asText());
        assertEquals("2027-01-31T00:00:00Z",
                admin.json("auth", "create", "--read-buckets", "--expires", "2027-01-31T01:00:00+01:00").get("expiresAt").asText());
        assertTrue(admin.json("auth", "create", "--read-buckets", "--expires", "never").get("expiresAt").isNull());
    }

    @Test
    void anExpiryInThePastIsAUsageError() {
        Tokenctl.Result r = admin.run("auth", "create", "--read-buckets", "--expires", "2020-01-01T00:00:00Z").expect(2);
        assertTrue(r.err().contains("in the past"), r.err());
    }

    @Test
    void aMalformedExpiryNamesTheValueAndWhatIsAccepted() {
        Tokenctl.Result r = admin.run("auth", "create", "--read-buckets", "--expires", "30x").expect(2);
        assertEquals("error: --expires: \"30x\" is not a duration; use e.g. 30d, 12h, an ISO-8601 time, or never\n",
                r.err());
        assertEquals("", r.out());
    }

    @Test
    void descriptionsLongerThanTheMaximumAreRefused() {
        admin.run("auth", "create", "--read-buckets", "--description", "x".repeat(256)).expect(0);
        Tokenctl.Result r = admin.run("auth", "create", "--read-buckets", "--description", "x".repeat(257)).expect(2);
        assertTrue(r.err().contains("256"), r.err());
    }

    @Test
    void resourceIdsAreCheckedForLengthAndCharacters() {
        admin.run("auth", "create", "--read-bucket", "0a1b2c_-.~").expect(0);
        admin.run("auth", "create", "--read-bucket", "has space").expect(2);
        admin.run("auth", "create", "--read-bucket", "x".repeat(65)).expect(2);
        admin.run("auth", "create", "--read-bucket", "semi;colon").expect(2);
    }

    @Test
    void aRefusedCreateWritesNoToken() throws Exception {
        int before = admin.json("auth", "list").size();
        admin.run("auth", "create", "--read-buckets", "--expires", "bogus").expect(2);
        admin.run("auth", "create").expect(2);
        admin.run("auth", "create", "--read-buckets", "--user", "nobody").expect(5);
        assertEquals(before, admin.json("auth", "list").size());
    }

    @Test
    void aTokenCannotGrantMoreThanTheOperatorTokenHolds() throws Exception {
        String reader = admin.create("--read-authorizations", "--write-authorizations", "--read-buckets");
        admin.env.put("TOKENCTL_TOKEN", reader);
        admin.create("--read-buckets");
        Tokenctl.Result r = admin.run("auth", "create", "--write-buckets").expect(4);
        assertTrue(r.err().contains("write:buckets"), r.err());
        admin.run("auth", "create", "--all-access").expect(4);
    }

    @Test
    void aTokenWithoutWriteAuthorizationsCreatesNothing() {
        admin.env.put("TOKENCTL_TOKEN", admin.create("--read-buckets"));
        Tokenctl.Result r = admin.run("auth", "create", "--read-buckets").expect(4);
        assertTrue(r.err().contains("write:authorizations"), r.err());
        admin.run("auth", "list").expect(4);
    }

    @Test
    void anExpiredTokenListsAsExpired() throws Exception {
        String id = admin.json("auth", "create", "--read-buckets", "--expires", "1h").get("id").asText();
        admin.clock.advance(Duration.ofHours(2));
        assertEquals("expired", admin.json("auth", "show", id).get("status").asText());
        assertNull(null);
    }
}
