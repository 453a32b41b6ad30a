package io.tokenctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenctl.cli.Prompter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: every destructive command asks the person at a terminal first, and without a terminal does nothing
 * unless --yes (the pty itself is driven in InstalledLauncherIT, through script(1)).
 */
class ConfirmationTest extends AdminStore {
    private final List<String> asked = new ArrayList<>();

    private Prompter answering(String answer) {
        return new Prompter() {
            @Override
            public boolean interactive() {
                return true;
            }

            @Override
            public String ask(String question) {
                asked.add(question);
                return answer;
            }
        };
    }

    @Test
    void withoutATerminalNothingIsDeletedUnlessYesSaysSo() throws Exception {
        Tokenctl.Made t = admin.make("--read-buckets", "--description", "ci writer");
        admin.run("user", "create", "bob").expect(0);
        String kid = admin.run("org", "keys", "rotate", "acme").expect(0).out().strip();
        String[][] destructive = {
            {"auth", "delete", t.id()}, {"user", "delete", "bob"}, {"org", "keys", "remove", "acme", kid},
            {"config", "delete", "default"},
        };
        for (String[] args : destructive) {
            Tokenctl.Result r = admin.run(args).expect(2);
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().contains("nothing was") && r.err().contains("--yes"), r.err());
        }
        admin.run("auth", "show", t.id()).expect(0);
        admin.run("user", "list").expect(0);
        assertTrue(admin.run("user", "list").out().contains("bob"));
        assertTrue(admin.run("org", "keys", "jwks", "acme").out().contains(kid));
        admin.run("auth", "delete", t.id(), "--yes").expect(0);
        admin.run("user", "delete", "bob", "-y").expect(0);
        admin.run("org", "keys", "remove", "acme", kid, "--yes").expect(0);
        // a profile with no token, not active: nothing to lose, nothing asked
        admin.run("config", "create", "spare").expect(0);
        admin.run("config", "delete", "spare").expect(0);
    }

    @Test
    void atATerminalOnlyYesGoesAhead() {
        Tokenctl.Made t = admin.make("--read-buckets", "--description", "ci writer");
        for (String answer : new String[] {"n", "", "no", "yes please", null}) {
            admin.prompter = answering(answer);
            Tokenctl.Result r = admin.run("auth", "delete", t.id()).expect(1);
            assertTrue(r.err().contains("cancelled"), r.err());
        }
        assertTrue(asked.get(0).startsWith("Delete token " + t.id() + " (ci writer, admin in acme)"), asked.get(0));
        assertTrue(asked.get(0).endsWith("[y/N] "), asked.get(0));
        admin.prompter = Prompter.NONE;
        admin.run("auth", "show", t.id()).expect(0);
        admin.prompter = answering("y");
        admin.run("auth", "delete", t.id()).expect(0);
        admin.prompter = Prompter.NONE;
        admin.run("auth", "show", t.id()).expect(5);
        // the question says what goes with the profile
        admin.prompter = answering("N");
        admin.run("config", "delete", "default").expect(1);
        assertTrue(asked.get(asked.size() - 1).contains("operator token saved in it"), asked.get(asked.size() - 1));
    }
}
