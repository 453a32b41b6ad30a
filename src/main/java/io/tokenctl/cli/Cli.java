package io.tokenctl.cli;

import io.tokenctl.api.TokenctlException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/** Builds the command line and maps every failure to one line on stderr and one exit code. */
public final class Cli {
    private Cli() {
    }

    public static CommandLine build(Context ctx) {
        CommandLine cl = new CommandLine(new TokenctlCommand(ctx));
        CommandLine auth = cl.getSubcommands().get("auth");
        PermissionFlags.addTo(auth.getSubcommands().get("create").getCommandSpec());
        PermissionFlags.addTo(auth.getSubcommands().get("clone").getCommandSpec());
        cl.setExecutionExceptionHandler(Cli::onFailure);
        cl.setParameterExceptionHandler(Cli::onBadParameters);
        return cl;
    }

    /** Runs one command line and returns its exit code; only {@code main} exits. */
    public static int run(Context ctx, String... args) {
        return build(ctx).execute(args);
    }

    private static int onFailure(Exception ex, CommandLine cmd, ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        boolean debug = ((TokenctlCommand) cmd.getCommandSpec().root().userObject()).debug;
        if (debug) {
            ex.printStackTrace(err);
        }
        if (ex instanceof TokenctlException te) {
            err.println("error: " + te.getMessage());
            err.flush();
            return te.code().exitCode();
        }
        err.println("error: internal error (" + ex.getClass().getSimpleName() + ": " + firstLine(ex.getMessage())
                + ")" + (debug ? "" : "; run with --debug for the stack trace"));
        err.flush();
        return 1;
    }

    private static int onBadParameters(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("error: " + firstLine(ex.getMessage()) + " (see `" + cmd.getCommandSpec().qualifiedName()
                + " --help`)");
        err.flush();
        return 2;
    }

    private static String firstLine(String m) {
        if (m == null) {
            return "";
        }
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
