package io.tokenctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokenctl.api.ResourceType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Given org acme with admin "admin", normal user "alice" and read-only user "rob", each holding a token with
 * everything their role allows, when each tries each action, then the exit code is the one in the matrix; on a
 * refusal nothing is written and the refusal is in the audit log.
 */
class EscalationMatrixTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** The world each case starts from. */
    static final class World {
        final Tokenctl admin;
        final Map<String, String> secrets = new java.util.HashMap<>();
        final Map<String, String> ownTokenIds = new java.util.HashMap<>();
        String adminTokenId;

        World(Path dir) {
            admin = new Tokenctl(dir);
            admin.setup();
            adminTokenId = admin.make("--read-buckets").id();
            admin.run("user", "create", "alice", "--role", "normal").expect(0);
            admin.run("user", "create", "rob", "--role", "read-only").expect(0);
            admin.run("user", "create", "carol", "--role", "normal").expect(0);
            secrets.put("admin", admin.make("--all-access").secret());
            Tokenctl.Made alice = admin.make(flags("alice", true));
            Tokenctl.Made rob = admin.make(flags("rob", false));
            secrets.put("alice", alice.secret());
            secrets.put("rob", rob.secret());
            ownTokenIds.put("admin", adminTokenId);
            ownTokenIds.put("alice", alice.id());
            ownTokenIds.put("rob", rob.id());
        }

        /** Everything a role allows: normal writes all but users and orgs; read-only reads all. */
        static String[] flags(String user, boolean write) {
            List<String> f = new ArrayList<>(List.of("--user", user));
            for (ResourceType t : ResourceType.values()) {
                f.add("--read-" + t.pluralFlag());
                if (write && t != ResourceType.USERS && t != ResourceType.ORGS) {
                    f.add("--write-" + t.pluralFlag());
                }
            }
            return f.toArray(String[]::new);
        }

        Tokenctl as(Path dir, String who) {
            Tokenctl t = new Tokenctl(dir);
            t.env.put("TOKENCTL_TOKEN", secrets.get(who));
            return t;
        }

        String state() {
            return admin.run("auth", "list", "--json", "--limit", "1000").expect(0).out()
                    + admin.run("user", "list", "--json").expect(0).out();
        }

        JsonNode lastAuditEvent() throws Exception {
            JsonNode events = JSON.readTree(admin.run("audit", "list", "--json", "--limit", "10000").expect(0).out());
            return events.get(events.size() - 1);
        }
    }

    record Action(String name, Function<World, String[]> args) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Action action(String name, Function<World, String[]> args) {
        return new Action(name, args);
    }

    static final String OTHER = "carol's token";

    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        // action, then expected exit for admin, alice (normal), rob (read-only)
        Object[][] rows = {
            {action("create read:buckets", w -> new String[] {"auth", "create", "--read-buckets"}), 0, 0, 4},
            {action("create write:buckets", w -> new String[] {"auth", "create", "--write-buckets"}), 0, 0, 4},
            {action("create write:users", w -> new String[] {"auth", "create", "--write-users"}), 0, 4, 4},
            {action("create --all-access", w -> new String[] {"auth", "create", "--all-access"}), 0, 4, 4},
            {action("create --account", w -> new String[] {"auth", "create", "--account", "--read-buckets"}), 0, 4, 4},
            {action("create for another user", w -> new String[] {"auth", "create", "--user", "carol", "--read-buckets"}), 0, 4, 4},
            {action("create write for read-only rob", w -> new String[] {"auth", "create", "--user", "rob", "--write-buckets"}), 4, 4, 4},
            {action("clone own token", w -> new String[] {"auth", "clone", "OWN"}), 0, 0, 4},
            {action("clone another's token", w -> new String[] {"auth", "clone", "OTHER"}), 0, 5, 5},
            {action("regenerate own token", w -> new String[] {"auth", "regenerate", "OWN"}), 0, 0, 4},
            {action("regenerate another's token", w -> new String[] {"auth", "regenerate", "OTHER"}), 0, 5, 5},
            {action("retire own token", w -> new String[] {"auth", "retire", "OWN"}), 0, 0, 4},
            {action("retire another's token", w -> new String[] {"auth", "retire", "OTHER"}), 0, 5, 5},
            {action("promote own token", w -> new String[] {"auth", "promote", "OWN"}), 0, 4, 4},
            {action("list tokens", w -> new String[] {"auth", "list"}), 0, 0, 0},
            {action("show another's token", w -> new String[] {"auth", "show", "OTHER"}), 0, 5, 5},
            {action("user create", w -> new String[] {"user", "create", "dave", "--role", "normal"}), 0, 4, 4},
            {action("user delete", w -> new String[] {"user", "delete", "carol", "--yes"}), 0, 4, 4},
            {action("org create", w -> new String[] {"org", "create", "beta"}), 0, 4, 4},
            {action("audit list", w -> new String[] {"audit", "list"}), 0, 4, 4},
        };
        String[] who = {"admin", "alice", "rob"};
        for (Object[] row : rows) {
            for (int i = 0; i < 3; i++) {
                cases.add(Arguments.of(who[i], row[0], row[i + 1]));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {1} -> exit {2}")
    @MethodSource("matrix")
    void eachRoleGetsExactlyWhatTheMatrixSays(String who, Action action, int expected) throws Exception {
        World w = new World(dir);
        String carolToken = w.admin.make("--user", "carol", "--read-buckets").id();
        String[] args = action.args().apply(w).clone();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("OWN")) {
                args[i] = w.ownTokenIds.get(who);
            } else if (args[i].equals("OTHER")) {
                args[i] = carolToken;
            }
        }
        String before = w.state();
        Tokenctl.Result r = w.as(dir, who).run(args).expect(expected);
        assertFalse(Tokenctl.SECRET.matcher(r.err()).find());
        if (expected != 0) {
            assertEquals(before, w.state(), "a refusal writes nothing");
            JsonNode last = w.lastAuditEvent();
            assertEquals("denied", last.get("outcome").asText(), last.toString());
            assertEquals(who, last.get("actorUser").asText());
            assertFalse(last.get("reason").asText().isEmpty());
        }
    }
}
