package io.tokenctl.cli;

import io.tokenctl.api.TokenService;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every command shares: the root's context and the output streams picocli holds (so tests capture them). */
abstract class BaseCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    TokenctlCommand root() {
        return (TokenctlCommand) spec.root().userObject();
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    @Override
    public final Integer call() {
        if (!opensService()) {
            run(null);
        } else {
            try (TokenService service = open(root())) {
                run(service);
            } catch (io.tokenctl.api.TokenctlException e) {
                if (e.code() == io.tokenctl.api.ErrorCode.UNAUTHENTICATED && needsToken()
                        && root().operatorToken() == null) {
                    throw new io.tokenctl.api.TokenctlException(e.code(), e.getMessage() + TokenctlCommand.NO_TOKEN_HINT, e);
                }
                throw e;
            }
        }
        out().flush();
        return exitCode();
    }

    /** The exit code of a run that didn't throw: 0, unless the command's answer is itself a refusal (verify). */
    int exitCode() {
        return 0;
    }

    /** False for a command that works without any store or server (offline verify). */
    boolean opensService() {
        return true;
    }

    /** A token or secret from stdin, never argv: one line, surrounding whitespace dropped. */
    String readSecret() {
        try {
            byte[] bytes = root().ctx.stdin().readNBytes(16 * 1024);
            String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).strip();
            if (text.isEmpty()) {
                throw io.tokenctl.api.TokenctlException.usage("no token on stdin; pipe it in, e.g."
                        + " `printf %s \"$TOKEN\" | tokenctl " + spec.qualifiedName().substring("tokenctl ".length()) + "`");
            }
            return text;
        } catch (java.io.IOException e) {
            throw io.tokenctl.api.TokenctlException.failure("cannot read stdin: " + e.getMessage(), e);
        }
    }

    /** All of stdin as text (bytes that aren't UTF-8 read as U+FFFD), refused past {@code atMost} bytes. */
    String readText(int atMost) {
        try {
            byte[] bytes = root().ctx.stdin().readNBytes(atMost + 1);
            if (bytes.length > atMost) {
                throw io.tokenctl.api.TokenctlException.usage("stdin holds more than " + (atMost >> 20) + " MiB; give"
                        + " the part that may hold the secrets (e.g. `grep -hE 'tctl_|eyJ' big.log | tokenctl "
                        + spec.qualifiedName().substring("tokenctl ".length()) + " ...`)");
            }
            return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw io.tokenctl.api.TokenctlException.failure("cannot read stdin: " + e.getMessage(), e);
        }
    }

    boolean needsToken() {
        return true;
    }

    /** The API this command talks to: with the operator token, or without one when it needs none. */
    TokenService open(TokenctlCommand root) {
        return needsToken() ? root.service() : root.serviceWithoutToken();
    }

    abstract void run(TokenService service);
}
