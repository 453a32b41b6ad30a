package io.tokenctl;

import io.tokenctl.cli.Cli;
import io.tokenctl.cli.Context;
import io.tokenctl.core.LocalTokenService;

/** The launcher's entry point: the only place that exits. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // sqlite-jdbc logs through SLF4J; with no provider it would print a warning on every run
        System.setProperty("slf4j.internal.verbosity", "ERROR");
        if (Cli.opensStore(args)) {
            // a cold start spends as long parsing the command line as opening the store: overlap them on two cores
            Thread warmUp = new Thread(LocalTokenService::warmUp, "tokenctl-warm-up");
            warmUp.setDaemon(true);
            warmUp.start();
        }
        System.exit(Cli.run(Context.system(), args));
    }
}
