package io.tokenctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A bad value for every flag that takes one: exit 2, one line on stderr naming the value, nothing written. */
class BadValuesTest {
    @TempDir
    Path dir;
    Tokenctl t;
    String id;

    @BeforeEach
    void setUp() {
        t = new Tokenctl(dir);
        t.setup();
        id = t.make("--read-buckets").id();
    }

    static Stream<Arguments> badValues() {
        return Stream.of(
                Arguments.of("30x", new String[] {"auth", "create", "--read-buckets", "--expires", "30x"}),
                Arguments.of("-5d", new String[] {"auth", "create", "--read-buckets", "--expires", "-5d"}),
                Arguments.of("2027-13-01", new String[] {"auth", "create", "--read-buckets", "--expires", "2027-13-01"}),
                Arguments.of("a b", new String[] {"auth", "create", "--read-bucket", "a b"}),
                Arguments.of("256", new String[] {"auth", "create", "--read-buckets", "--description", "d".repeat(300)}),
                Arguments.of("bogus", new String[] {"auth", "list", "--status", "bogus"}),
                Arguments.of("abc", new String[] {"auth", "list", "--limit", "abc"}),
                Arguments.of("0", new String[] {"auth", "list", "--limit", "0"}),
                Arguments.of("20000", new String[] {"auth", "list", "--limit", "20000"}),
                Arguments.of("soon", new String[] {"auth", "regenerate", "ID", "--grace", "soon"}),
                Arguments.of("noon", new String[] {"auth", "regenerate", "ID", "--old-expires", "noon"}),
                Arguments.of("7y", new String[] {"auth", "update", "ID", "--expires", "7y"}),
                Arguments.of("bad name", new String[] {"setup", "--username", "bad name", "--org", "o"}),
                Arguments.of("--frobnicate", new String[] {"auth", "create", "--frobnicate"}),
                Arguments.of("nope", new String[] {"--profile", "nope", "auth", "list"}),
                Arguments.of("missing.token", new String[] {"--token-file", "missing.token", "auth", "list"}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badValues")
    void aBadValueIsAUsageErrorNamingIt(String value, String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("ID")) {
                args[i] = id;
            }
        }
        String before = t.run("auth", "list", "--json").expect(0).out();
        Tokenctl.Result r = t.run(args).expect(2);
        assertTrue(r.err().startsWith("error: "), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains(value), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertEquals("", r.out());
        assertEquals(before, t.run("auth", "list", "--json").expect(0).out(), "nothing written");
    }
}
