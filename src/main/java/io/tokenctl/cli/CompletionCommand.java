package io.tokenctl.cli;

import io.tokenctl.api.Requests.ListTokens;
import io.tokenctl.api.Token;
import io.tokenctl.api.TokenService;
import io.tokenctl.api.TokenctlException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tokenctl completion bash|zsh|fish}: the same script the build writes to completion/. */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = "Print the shell completion script for bash, zsh or fish.",
        footerHeading = "%nExamples:%n",
        footer = {"  source <(tokenctl completion bash)",
            "  tokenctl completion fish > ~/.config/fish/completions/tokenctl.fish"})
final class CompletionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SHELL", completionCandidates = Candidates.Shells.class,
            description = "bash, zsh or fish")
    String shell;

    @Override
    public Integer call() {
        if (!List.of("bash", "zsh", "fish").contains(shell)) {
            throw TokenctlException.usage("shell \"" + shell + "\" is not supported; use bash, zsh or fish");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(CompletionScript.forShell(shell, spec.root().commandLine()));
        out.flush();
        return 0;
    }

    /**
     * {@code tokenctl __complete token-ids}: what the completion scripts call at TAB time. Prints one token id a
     * line from the store the typed options point at; on any failure prints nothing and still exits 0, because
     * a TAB must never spill errors into the user's line.
     */
    @Command(name = "__complete", hidden = true, description = "Values for the shell completion scripts.")
    static final class Values implements Callable<Integer> {
        static final int LIMIT = 500;

        @Spec
        CommandSpec spec;

        @Parameters(arity = "0..*", paramLabel = "WHAT")
        List<String> what;

        @Override
        public Integer call() {
            if (what == null || what.isEmpty()) {
                return 0;
            }
            TokenctlCommand root = (TokenctlCommand) spec.root().userObject();
            PrintWriter out = spec.commandLine().getOut();
            String kind = what.get(what.size() - 1);
            try {
                if (kind.equals("profile-names")) {
                    root.config().profiles().keySet().forEach(out::println);
                } else if (List.of("token-ids", "org-names", "user-names").contains(kind)) {
                    try (TokenService service = root.service()) {
                        switch (kind) {
                            case "token-ids" -> service.list(new ListTokens(null, null, null, null, LIMIT, null)).tokens()
                                    .forEach(t -> out.println(t.id()));
                            case "org-names" -> service.listOrgs().forEach(o -> out.println(o.name()));
                            default -> service.listUsers(new io.tokenctl.api.Requests.ListUsers(null)).stream()
                                    .map(io.tokenctl.api.Results.Member::user).distinct().limit(LIMIT).forEach(out::println);
                        }
                    }
                }
            } catch (RuntimeException e) {
                // no store, no token, no permission: no candidates
            }
            out.flush();
            return 0;
        }
    }
}
