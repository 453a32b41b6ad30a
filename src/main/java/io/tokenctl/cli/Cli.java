package io.tokenctl.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.tokenctl.api.ErrorCode;
import io.tokenctl.api.TokenctlException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
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
        boolean json = wantsJson(parsed.originalArgs());
        if (ex instanceof TokenctlException te) {
            return report(err, json, te.code(), te.getMessage());
        }
        return report(err, json, ErrorCode.FAILURE, "internal error (" + ex.getClass().getSimpleName() + ": "
                + firstLine(ex.getMessage()) + ")" + (debug ? "" : "; run with --debug for the stack trace"));
    }

    private static int onBadParameters(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        return report(cmd.getErr(), wantsJson(Arrays.asList(args)), ErrorCode.USAGE, firstLine(ex.getMessage())
                + " (see `" + cmd.getCommandSpec().qualifiedName() + " --help`)");
    }

    private static boolean wantsJson(List<String> args) {
        return args.stream().anyMatch(a -> a.equals("--json") || a.startsWith("--json="));
    }

    /** One line on stderr: {@code error: ...}, or with --json {@code {"code":...,"exitCode":...,"message":...}}. */
    private static int report(PrintWriter err, boolean json, ErrorCode code, String message) {
        if (json) {
            StringWriter line = new StringWriter();
            try (JsonGenerator g = new JsonFactory().createGenerator(line)) {
                g.writeStartObject();
                g.writeStringField("code", code.wireName());
                g.writeNumberField("exitCode", code.exitCode());
                g.writeStringField("message", message);
                g.writeEndObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            err.println(line);
        } else {
            err.println("error: " + message);
        }
        err.flush();
        return code.exitCode();
    }

    private static String firstLine(String m) {
        if (m == null) {
            return "";
        }
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
