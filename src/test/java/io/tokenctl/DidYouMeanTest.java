package io.tokenctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Issue 14: a mistyped subcommand or option gets the nearest names, on the one error line (exit 2). */
class DidYouMeanTest extends AdminStore {
    private void suggests(String expected, String... args) {
        Tokenctl.Result r = admin.run(args).expect(2);
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("did you mean " + expected + "?"), String.join(" ", args) + " -> " + r.err());
    }

    @Test
    void typosGetTheNearestNames() {
        suggests("create", "auth", "creat");
        suggests("auth", "atuh", "list");
        suggests("delete", "user", "delet", "bob");
        suggests("rotate", "org", "keys", "rotat", "acme");
        suggests("--read-buckets or --read-bucket", "auth", "create", "--read-bukets");
        suggests("--limit", "auth", "list", "--limt", "5");
        suggests("--json", "auth", "list", "--jsn");
        suggests("--expires", "auth", "create", "--read-buckets", "--expires=30d", "--exipres=1d");
    }

    @Test
    void nothingNearSaysNothingAndASecretIsNeverEchoed() {
        Tokenctl.Result far = admin.run("auth", "list", "--zzzzzz").expect(2);
        assertFalse(far.err().contains("did you mean"), far.err());
        String secret = admin.create("--read-buckets");
        Tokenctl.Result typed = admin.run("auth", "show", "--id", secret).expect(2);
        assertFalse(typed.err().contains(secret), typed.err());
    }
}
