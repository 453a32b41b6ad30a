package io.tokenctl.cli;

import io.tokenctl.api.Redact;
import io.tokenctl.api.TokenctlException;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/**
 * What every destructive command shares: at a terminal it asks first ("Delete token …? [y/N]"); without one it
 * does nothing unless --yes says so (as gh does), so a script never deletes by accident and a person never by a
 * slip of the keyboard.
 */
final class Confirmation {
    @Option(names = {"-y", "--yes"}, description = "Don't ask: go ahead (needed without a terminal, e.g. in a script)")
    boolean yes;

    /** Goes on only when --yes was given or the person at the terminal answered y; else fails saying why. */
    void check(Context ctx, String command, String verb, Supplier<String> question) {
        if (yes) {
            return;
        }
        Prompter p = ctx.prompter();
        if (!p.interactive()) {
            throw TokenctlException.usage(command + ": nothing was " + verb + ": there is no terminal to ask; add --yes"
                    + " to go ahead (e.g. in a script)");
        }
        String answer = p.ask(Redact.forTerminal(question.get()) + " [y/N] ");
        String a = answer == null ? "" : answer.strip();
        if (!a.equalsIgnoreCase("y") && !a.equalsIgnoreCase("yes")) {
            throw TokenctlException.failure("cancelled: nothing was " + verb, null);
        }
    }
}
