package io.tokenctl;

import io.tokenctl.cli.Cli;
import io.tokenctl.cli.Context;

/** The launcher's entry point: the only place that exits. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // sqlite-jdbc logs through SLF4J; with no provider it would print a warning on every run
        System.setProperty("slf4j.internal.verbosity", "ERROR");
        System.exit(Cli.run(Context.system(), args));
    }
}
