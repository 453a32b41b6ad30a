package io.tokenctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The escalation matrix across two orgs (issue 11). Given org acme with its admin, who also made org staging and
 * made sam staging's admin, when sam tries each of 20 actions on a token of acme only, on an all-orgs token of
 * acme's admin, and on a token fixed to acme and staging, then sam sees what reaches staging and may cut staging
 * out of its reach, and nothing more: every result is asserted; on a refusal the store is as it was and the
 * refusal is audited as sam's.
 */
class CrossOrgMatrixTest {
    @TempDir
    Path dir;

    /** The world each case starts from. */
    static final class World {
        final Tokenctl admin;
        final Tokenctl sam;
        final Tokenctl.Made acmeOnly;
        final Tokenctl.Made allOrgs;
        final Tokenctl.Made twoOrgs;

        World(Path dir) {
            admin = new Tokenctl(dir);
            admin.setup();
            admin.run("org", "create", "staging").expect(0);
            admin.run("user", "create", "sam", "--org", "staging", "--role", "admin").expect(0);
            String samSecret = admin.create("--user", "sam", "--org", "staging", "--all-access");
            acmeOnly = admin.make("--org", "acme", "--read-buckets", "--description", "acme only");
            allOrgs = admin.make("--all-orgs", "--all-access", "--description", "all orgs");
            twoOrgs = admin.make("--org", "acme", "--org", "staging", "--read-buckets", "--description", "two orgs");
            sam = new Tokenctl(dir);
            sam.clock.set(admin.clock.instant());
            sam.env.put("TOKENCTL_TOKEN", samSecret);
        }

        Tokenctl.Made target(String which) {
            return switch (which) {
                case "acme-only" -> acmeOnly;
                case "all-orgs" -> allOrgs;
                default -> twoOrgs;
            };
        }

        /** Everything a refusal must leave as it was: tokens (with their scopes and status), users, apps. */
        String state() {
            StringBuilder s = new StringBuilder(admin.run("auth", "list", "--json", "--limit", "1000").expect(0).out());
            s.append(admin.run("user", "list", "--json").expect(0).out());
            for (Tokenctl.Made m : List.of(acmeOnly, allOrgs, twoOrgs)) {
                s.append(admin.run("auth", "apps", m.id(), "--json").expect(0).out());
            }
            return s.toString();
        }

        JsonNode lastAuditEvent() {
            JsonNode events = admin.json("audit", "list", "--limit", "10000");
            return events.get(events.size() - 1);
        }
    }

    /** An action: the command sam runs on a token, and stdin (a secret) when it reads one. */
    record Action(String name, Function<Tokenctl.Made, String[]> args, boolean secretOnStdin) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Action act(String name, Function<Tokenctl.Made, String[]> args) {
        return new Action(name, args, false);
    }

    static Stream<Arguments> matrix() {
        // action, then the exit for a token of acme only, an all-orgs token, a token fixed to acme and staging
        Object[][] rows = {
            {act("show", t -> new String[] {"auth", "show", t.id()}), 5, 0, 0},
            {act("apps", t -> new String[] {"auth", "apps", t.id()}), 5, 0, 0},
            {new Action("find by secret", t -> new String[] {"auth", "find"}, true), 5, 0, 0},
            {act("update --description", t -> new String[] {"auth", "update", t.id(), "--description", "mine"}), 5, 4, 4},
            {act("update --expires", t -> new String[] {"auth", "update", t.id(), "--expires", "1d"}), 5, 4, 4},
            {act("update --owner sam", t -> new String[] {"auth", "update", t.id(), "--owner", "sam"}), 5, 4, 4},
            {act("deactivate", t -> new String[] {"auth", "deactivate", t.id()}), 5, 4, 4},
            {act("activate", t -> new String[] {"auth", "activate", t.id()}), 5, 4, 4},
            {act("retire", t -> new String[] {"auth", "retire", t.id()}), 5, 4, 4},
            {new Action("retire by secret", t -> new String[] {"auth", "retire", "--secret-stdin"}, true), 5, 4, 4},
            {act("delete", t -> new String[] {"auth", "delete", t.id(), "--yes"}), 5, 4, 4},
            {act("regenerate", t -> new String[] {"auth", "regenerate", t.id()}), 5, 4, 4},
            {act("clone", t -> new String[] {"auth", "clone", t.id()}), 5, 4, 4},
            {act("clone --read-buckets", t -> new String[] {"auth", "clone", t.id(), "--read-buckets"}), 5, 4, 4},
            {act("promote", t -> new String[] {"auth", "promote", t.id()}), 5, 4, 4},
            {act("approve-app", t -> new String[] {"auth", "approve-app", t.id(), "grafana"}), 5, 4, 4},
            {act("deny-app", t -> new String[] {"auth", "deny-app", t.id(), "grafana"}), 5, 4, 4},
            {act("revoke-org --org staging", t -> new String[] {"auth", "revoke-org", t.id(), "--org", "staging"}), 5, 0, 0},
            {act("revoke-org --org acme", t -> new String[] {"auth", "revoke-org", t.id(), "--org", "acme"}), 5, 5, 5},
            {act("list --org acme", t -> new String[] {"auth", "list", "--org", "acme"}), 5, 5, 5},
        };
        List<Arguments> cases = new ArrayList<>();
        String[] targets = {"acme-only", "all-orgs", "two-orgs"};
        for (Object[] row : rows) {
            for (int i = 0; i < targets.length; i++) {
                cases.add(Arguments.of(row[0], targets[i], row[i + 1]));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "sam (staging admin): {0} on the {1} token -> exit {2}")
    @MethodSource("matrix")
    void anAdminOfOneOrgGetsExactlyWhatTheMatrixSays(Action action, String which, int expected) {
        World w = new World(dir);
        Tokenctl.Made target = w.target(which);
        String before = w.state();
        Tokenctl.Result r = w.sam.runWithStdin(action.secretOnStdin() ? target.secret() : "", action.args().apply(target))
                .expect(expected);
        assertFalse(Tokenctl.SECRET.matcher(r.err()).find(), "a secret on stderr");
        if (expected == 0) {
            return;
        }
        assertEquals(before, w.state(), "a refusal writes nothing");
        JsonNode last = w.lastAuditEvent();
        assertEquals("denied", last.get("outcome").asText(), last.toString());
        assertEquals("sam", last.get("actorUser").asText(), last.toString());
        assertFalse(last.get("reason").asText().isEmpty());
        if (expected == 4) {
            assertTrue(r.err().contains("revoke-org"), "a refusal names what sam may do instead: " + r.err());
        }
    }

    @ParameterizedTest(name = "cutting staging out of the {0} token leaves it working in acme")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"all-orgs", "two-orgs"})
    void cuttingAnOrgOutLeavesTheTokenWorkingElsewhereAndIsAuditedInBoth(String which) {
        World w = new World(dir);
        Tokenctl.Made target = w.target(which);
        w.admin.runWithStdin(target.secret(), "auth", "verify", "--org", "staging").expect(0);
        JsonNode cut = w.sam.json("auth", "revoke-org", target.id(), "--org", "staging");
        String stagingId = orgId(w, "staging");
        if (which.equals("all-orgs")) {
            assertEquals(stagingId, cut.get("excludedOrgIDs").get(0).asText(), cut.toString());
        } else {
            assertFalse(cut.get("orgIDs").toString().contains(stagingId), cut.toString());
        }
        w.admin.runWithStdin(target.secret(), "auth", "verify", "--org", "staging").expect(4);
        w.admin.runWithStdin(target.secret(), "auth", "verify", "--org", "acme").expect(0);
        w.sam.run("auth", "show", target.id()).expect(5); // it no longer reaches sam's org
        JsonNode events = w.admin.json("audit", "list", "--target", target.id());
        List<String> orgs = new ArrayList<>();
        events.forEach(e -> {
            if (e.get("action").asText().equals("revoke-org")) {
                orgs.add(e.get("orgID").asText());
            }
        });
        assertEquals(List.of(stagingId, orgId(w, "acme")), orgs, "audited in the org cut out and in its home org");
        // it stays cut out: the next time is a no-op, and its permissions (all access, if any) never reach staging
        w.admin.run("auth", "revoke-org", target.id(), "--org", "staging").expect(0);
    }

    static String orgId(World w, String name) {
        for (JsonNode o : w.admin.json("org", "list")) {
            if (o.get("name").asText().equals(name)) {
                return o.get("id").asText();
            }
        }
        throw new AssertionError("no org " + name);
    }
}
