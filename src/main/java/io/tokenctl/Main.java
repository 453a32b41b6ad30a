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
        // a cold start spends as long parsing the command line as initialising what the command then needs:
        // overlap the two on two cores (-Dtokenctl.warmUp=false turns it off, for bench/run.sh to measure)
        Context ctx = Context.system();
        Runnable warmUp = "false".equals(System.getProperty("tokenctl.warmUp")) ? null : Cli.warmUpFor(ctx, args);
        if (warmUp != null) {
            Thread thread = new Thread(warmUp, "tokenctl-warm-up");
            thread.setDaemon(true);
            thread.start();
        }
        System.exit(Cli.run(ctx, args));
    }
}
