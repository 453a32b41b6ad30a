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
        try (TokenService service = needsToken() ? root().service() : root().serviceWithoutToken()) {
            run(service);
        }
        out().flush();
        return 0;
    }

    boolean needsToken() {
        return true;
    }

    abstract void run(TokenService service);
}
