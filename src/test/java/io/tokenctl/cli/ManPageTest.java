package io.tokenctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The pages in man/: one per command, current, and rendered by groff without a single warning. */
class ManPageTest {
    private static final Path MAN = Path.of("man");

    private static String render(Path page) throws Exception {
        assumeTrue(Shell.onPath("groff"), "groff is not installed");
        Shell.Result r = Shell.run(Path.of("").toAbsolutePath(), Map.of(),
                List.of("groff", "-man", "-Tutf8", "-ww", page.toString()));
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.err(), page + " renders with warnings");
        return r.out().replaceAll(".\b", "");
    }

    @Test
    void authCreateRendersWithItsFlagsAndTheSharedSections() throws Exception {
        String text = render(MAN.resolve("tokenctl-auth-create.1"));
        for (String expected : List.of("--read-buckets", "--read-bucket ID", "--all-access", "--expires WHEN",
                "EXIT STATUS", "ENVIRONMENT", "TOKENCTL_STORE", "TOKENCTL_HOST", "TOKENCTL_TOKEN",
                "TOKENCTL_PROFILE", "NO_COLOR", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "FILES",
                "$XDG_DATA_HOME/tokenctl/tokenctl.db", "$XDG_CONFIG_HOME/tokenctl/config", "EXAMPLES")) {
            assertTrue(text.contains(expected), "tokenctl-auth-create(1) lacks " + expected);
        }
    }

    @Test
    void everyPageRendersCleanly() throws Exception {
        try (Stream<Path> pages = Files.list(MAN)) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".1")).toList()) {
                render(page);
            }
        }
    }

    @Test
    void thereIsOnePageForEveryVisibleCommandAndTheyAreCurrent() throws Exception {
        Map<String, String> expected = ManPages.all(Cli.build(Context.system()));
        assertTrue(expected.containsKey("tokenctl.1") && expected.containsKey("tokenctl-setup.1")
                && expected.containsKey("tokenctl-auth-create.1"), expected.keySet().toString());
        try (Stream<Path> pages = Files.list(MAN)) {
            assertEquals(expected.keySet(), pages.map(p -> p.getFileName().toString())
                    .collect(java.util.stream.Collectors.toSet()));
        }
        for (Map.Entry<String, String> e : expected.entrySet()) {
            assertEquals(e.getValue(), Files.readString(MAN.resolve(e.getKey()), StandardCharsets.UTF_8),
                    "man/" + e.getKey() + " is out of date: run ./mvnw process-classes");
        }
    }
}
