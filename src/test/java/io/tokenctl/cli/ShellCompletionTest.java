package io.tokenctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The generated scripts in completion/, run in the real shells: given a partial line, which candidates come back.
 * Tests for a shell that is not installed are skipped.
 */
class ShellCompletionTest {
    private static final Path PROJECT = Path.of("").toAbsolutePath();
    private static final Set<String> STATUSES = Set.of("active", "inactive", "retired", "expired");

    // --- bash: source the script, set COMP_WORDS/COMP_CWORD, call the function `complete -p` names, read COMPREPLY

    private static Set<String> bash(String... words) throws Exception {
        assumeTrue(Shell.onPath("bash"), "bash is not installed");
        return Shell.bashCandidates(PROJECT, Map.of(), "completion/tokenctl.bash", words);
    }

    @Test
    void bashAuthReOffersRetireRegenerateAndRevokeOrg() throws Exception {
        assertEquals(Set.of("retire", "regenerate", "revoke-org"), bash("tokenctl", "auth", "re"));
    }

    @Test
    void bashCreateReadBOffersTheBucketFlags() throws Exception {
        assertEquals(Set.of("--read-bucket", "--read-buckets"), bash("tokenctl", "auth", "create", "--read-b"));
    }

    @Test
    void bashCloneOffersTheProgrammaticPermissionFlagsToo() throws Exception {
        assertEquals(Set.of("--write-dashboard", "--write-dashboards"), bash("tokenctl", "auth", "clone", "--write-da"));
    }

    @Test
    void bashStatusOffersTheStatuses() throws Exception {
        assertEquals(STATUSES, bash("tokenctl", "auth", "list", "--status", ""));
    }

    @Test
    void bashStatusAfterEqualsAndAliasOffersTheStatuses() throws Exception {
        // bash splits "--status=" at '=' (COMP_WORDBREAKS); "ls" is list's alias
        assertEquals(Set.of("active"), bash("tokenctl", "--store", "/tmp/x.db", "auth", "ls", "--status", "=", "a"));
    }

    @Test
    void bashOffersTheFormatsAppStatesAndRoles() throws Exception {
        assertEquals(Set.of("opaque", "jwt"), bash("tokenctl", "auth", "create", "--format", ""));
        assertEquals(Set.of("allow", "pending", "deny"), bash("tokenctl", "auth", "create", "--app-default", ""));
        assertEquals(Set.of("admin", "normal", "read-only"), bash("tokenctl", "user", "create", "bob", "--role", ""));
        assertEquals(Set.of("verify"), bash("tokenctl", "auth", "veri"));
    }

    @Test
    void fishOffersTheFormats() throws Exception {
        assertEquals(Set.of("opaque", "jwt"), fish("tokenctl auth create --format "));
    }

    @Test
    void bashCompletionOffersTheShells() throws Exception {
        assertEquals(Set.of("bash", "zsh", "fish"), bash("tokenctl", "completion", ""));
    }

    @Test
    void bashTopLevelOffersVisibleCommandsOnly() throws Exception {
        Set<String> top = bash("tokenctl", "");
        assertEquals(true, top.containsAll(Set.of("setup", "auth", "config", "completion")), top.toString());
        assertEquals(false, top.contains("__complete"), top.toString());
    }

    @Test
    void bashTokenIdWithNoStoreOffersNothingAndStaysQuiet() throws Exception {
        assertEquals(Set.of(), bash("tokenctl", "--store", "/nonexistent/tokenctl.db", "auth", "show", ""));
    }

    // --- zsh: the real script with compadd/compdef/_files stubbed (they only exist inside a completion widget)

    private static Set<String> zsh(String... words) throws Exception {
        assumeTrue(Shell.onPath("zsh"), "zsh is not installed");
        String script = "compdef() { : }\n"
                + "compadd() { [[ $1 == -- ]] && shift; local w; for w in \"$@\"; do [[ $w == ${PREFIX}* ]] && print -r -- $w; done }\n"
                + "compset() { PREFIX=${PREFIX#*=} }\n"
                + "_files() { print -r -- '<files>' }\n"
                + "source completion/_tokenctl\n"
                + "words=(\"$@\"); CURRENT=$#; PREFIX=${words[CURRENT]}\n"
                + "_tokenctl\n";
        List<String> cmd = new ArrayList<>(List.of("zsh", "-f", "-c", script, "zsh"));
        cmd.addAll(Arrays.asList(words));
        Shell.Result r = Shell.run(PROJECT, Map.of(), cmd);
        assertEquals("", r.err());
        return new TreeSet<>(r.lines());
    }

    @Test
    void zshAuthReOffersRetireAndRegenerate() throws Exception {
        assertEquals(Set.of("retire", "regenerate"), zsh("tokenctl", "auth", "re"));
    }

    @Test
    void zshCreateReadBOffersTheBucketFlags() throws Exception {
        assertEquals(Set.of("--read-bucket", "--read-buckets"), zsh("tokenctl", "auth", "create", "--read-b"));
    }

    @Test
    void zshStatusOffersTheStatuses() throws Exception {
        assertEquals(STATUSES, zsh("tokenctl", "auth", "list", "--status", ""));
        assertEquals(Set.of("retired"), zsh("tokenctl", "auth", "list", "--status=r"));
    }

    // --- fish: the real `complete -C` over the sourced script

    private static Set<String> fish(String line) throws Exception {
        assumeTrue(Shell.onPath("fish"), "fish is not installed");
        Shell.Result r = Shell.run(PROJECT, Map.of(), List.of("fish", "--no-config", "-c",
                "source completion/tokenctl.fish; complete -C $argv[1]", line));
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.err());
        Set<String> out = new TreeSet<>();
        for (String l : r.lines()) {
            out.add(l.split("\t", 2)[0]);
        }
        return out;
    }

    @Test
    void fishAuthReOffersRetireAndRegenerate() throws Exception {
        assertEquals(Set.of("retire", "regenerate"), fish("tokenctl auth re"));
    }

    @Test
    void fishCreateReadBOffersTheBucketFlags() throws Exception {
        assertEquals(Set.of("--read-bucket", "--read-buckets"), fish("tokenctl auth create --read-b"));
    }

    @Test
    void fishStatusOffersTheStatuses() throws Exception {
        assertEquals(STATUSES, fish("tokenctl auth list --status "));
        assertEquals(Set.of("--status=active"), fish("tokenctl auth list --status=a"));
    }
}
