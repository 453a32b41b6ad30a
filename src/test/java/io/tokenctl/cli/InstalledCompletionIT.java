package io.tokenctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator's story end to end: install.sh into a temp PREFIX, then a fresh bash with the installed completion
 * and the installed launcher on PATH, and man reading the installed page. Runs after package (failsafe).
 */
class InstalledCompletionIT {
    private static final Path PROJECT = Path.of("").toAbsolutePath();

    @TempDir
    static Path tmp;

    static Path prefix;
    static Map<String, String> env;

    @BeforeAll
    static void install() throws Exception {
        prefix = tmp.resolve("x");
        env = new HashMap<>();
        env.put("PREFIX", prefix.toString());
        env.put("HOME", tmp.resolve("home").toString());
        env.put("XDG_CONFIG_HOME", tmp.resolve("config").toString());
        env.put("XDG_DATA_HOME", tmp.resolve("data").toString());
        Shell.Result r = Shell.run(PROJECT, env, List.of("./install.sh", "--skip-build"));
        assertEquals(0, r.exitCode(), r.out() + r.err());
        env.put("PATH", prefix.resolve("bin") + ":" + System.getenv("PATH"));
    }

    /** The installed launcher; ProcessBuilder looks programs up on this JVM's PATH, not the child's. */
    private static String launcher() {
        return prefix.resolve("bin/tokenctl").toString();
    }

    private static Set<String> bash(String... words) throws Exception {
        return Shell.bashCandidates(tmp, env, "\"$PREFIX/share/bash-completion/completions/tokenctl\"", words);
    }

    @Test
    void installedBashCompletionOffersRetireRegenerateAndRevokeOrg() throws Exception {
        assertEquals(Set.of("retire", "regenerate", "revoke-org"), bash("tokenctl", "auth", "re"));
    }

    @Test
    void installedBashCompletionOffersTheBucketFlags() throws Exception {
        assertEquals(Set.of("--read-bucket", "--read-buckets"), bash("tokenctl", "auth", "create", "--read-b"));
    }

    @Test
    void installedBashCompletionOffersTokenIdsFromTheStoreOnTheLine() throws Exception {
        Path store = tmp.resolve("ids.db");
        Shell.Result setup = Shell.run(tmp, env, List.of(launcher(), "--store", store.toString(), "setup",
                "--username", "admin", "--org", "acme", "--json"));
        assertEquals(0, setup.exitCode(), setup.err());
        Shell.Result list = Shell.run(tmp, env, List.of(launcher(), "auth", "list",
                "--hide-headers"));
        String id = list.out().strip().split("\\s+")[0];
        assertEquals(Set.of(id), bash("tokenctl", "auth", "retire", ""));
        assertEquals(Set.of(id), bash("tokenctl", "--store", store.toString(), "auth", "show", ""));
        assertEquals(Set.of(), bash("tokenctl", "--store", tmp.resolve("none.db").toString(), "auth", "retire", ""));
    }

    @Test
    void installedBashCompletionOffersOrgUserAndProfileNames() throws Exception {
        Path store = tmp.resolve("names.db");
        assertEquals(0, Shell.run(tmp, env, List.of(launcher(), "--store", store.toString(), "--profile", "names", "setup",
                "--username", "ann", "--org", "zeta", "--active", "-q")).exitCode());
        assertEquals(Set.of("zeta"), bash("tokenctl", "auth", "create", "--org", "z"));
        assertEquals(Set.of("ann"), bash("tokenctl", "user", "delete", "a"));
        assertTrue(bash("tokenctl", "config", "use", "").contains("names"));
        assertTrue(bash("tokenctl", "--profile", "").contains("names"));
    }

    @Test
    void installedFishCompletionIsFoundByFish() throws Exception {
        assumeTrue(Shell.onPath("fish"), "fish is not installed");
        Shell.Result r = Shell.run(tmp, env, List.of("fish", "-c", "complete -C 'tokenctl auth re'"));
        assertEquals(0, r.exitCode(), r.err());
        Set<String> got = new TreeSet<>();
        r.lines().forEach(l -> got.add(l.split("\t", 2)[0]));
        assertEquals(Set.of("retire", "regenerate"), got);
    }

    @Test
    void installedZshCompletionIsOnTheSiteFunctionsPath() {
        assertTrue(Files.isRegularFile(prefix.resolve("share/zsh/site-functions/_tokenctl")));
    }

    @Test
    void installedManPageRenders() throws Exception {
        assumeTrue(Shell.onPath("man"), "man is not installed");
        Path page = prefix.resolve("share/man/man1/tokenctl-auth-create.1");
        Map<String, String> manEnv = new HashMap<>(env);
        manEnv.put("MANPAGER", "cat");
        manEnv.put("MANWIDTH", "80");
        Shell.Result r = Shell.run(tmp, manEnv, List.of("man", "-l", page.toString()));
        assertEquals(0, r.exitCode(), r.err());
        String text = r.out().replaceAll(".\b", "");
        assertTrue(text.contains("--read-buckets") && text.contains("EXIT STATUS"), text);
    }
}
