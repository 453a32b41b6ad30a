package io.tokenctl.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.tokenctl.api.ApiJson;
import io.tokenctl.api.ErrorCode;
import io.tokenctl.api.Results;
import io.tokenctl.api.Redact;
import io.tokenctl.api.TokenctlException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/** Builds the command line and maps every failure to one line on stderr and one exit code. */
public final class Cli {
    private Cli() {
    }

    /** The subcommands of {@code tokenctl}, in help order. */
    static final List<Class<?>> COMMANDS = List.of(SetupCommand.class, AuthCommand.class, UserCommand.class,
            OrgCommand.class, AuditCommand.class, WhoamiCommand.class, ConfigCommand.class, ServeCommand.class,
            StoreCommand.class,
            CompletionCommand.class,
            CompletionCommand.Values.class);

    /** Commands that need the whole tree to run: completion prints a script of every command. */
    private static final Set<Class<?>> WHOLE_TREE = Set.of(CompletionCommand.class);

    /** The whole command tree: for help at the top, completion scripts, man pages and tests. */
    public static CommandLine build(Context ctx) {
        CommandLine cl = new CommandLine(new TokenctlCommand(ctx));
        for (Class<?> c : COMMANDS) {
            cl.addSubcommand(c);
        }
        return finish(cl);
    }

    /**
     * The command line for running {@code args}. When they name one command (e.g. {@code auth list}), only that
     * branch is built, because reflecting the whole tree is most of a cold start: the root, each group on the way
     * reduced to its name, and the command itself. Anything else (a group's help, an unknown word or option,
     * completion) gets the whole tree, so help, errors and suggestions are the same either way.
     */
    public static CommandLine build(Context ctx, String... args) {
        List<Class<?>> branch = branch(args);
        if (branch == null) {
            return build(ctx);
        }
        CommandLine cl = new CommandLine(new TokenctlCommand(ctx));
        if (!branch.isEmpty()) {
            // bottom-up, as picocli builds annotated trees: the command, then each group around it
            CommandLine sub = new CommandLine(branch.get(branch.size() - 1));
            for (int i = branch.size() - 2; i >= 0; i--) {
                sub = bareGroup(branch.get(i)).addSubcommand(sub);
            }
            cl.addSubcommand(sub);
        }
        return finish(cl);
    }

    /** Runs one command line and returns its exit code; only {@code main} exits. */
    public static int run(Context ctx, String... args) {
        return build(ctx, args).execute(args);
    }

    /**
     * Words that, anywhere on a command line, mean it opens no store: help, version, and the store-less commands.
     * Not {@code __complete}: completing token ids reads the store, while the shell waits.
     */
    private static final Set<String> NO_STORE_WORDS = Set.of("--help", "-h", "--version", "-V", "completion", "config");

    /**
     * What a launcher may do on a second thread while this thread parses {@code args}: initialise what the
     * command will need anyway (the security providers, the store's libraries, the JSON writer), or null when
     * {@code args} open no store. Judged from the words alone, without reading a single annotation, so the warm-up
     * starts at once; a guess that is wrong either way only costs or saves a little time (a value that happens to
     * be one of those words just goes without the warm-up).
     */
    public static Runnable warmUpFor(Context ctx, String[] args) {
        if (args.length == 0) {
            return null;
        }
        for (String a : args) {
            if (a.equals("--")) {
                break;
            }
            if (NO_STORE_WORDS.contains(a)) {
                return null;
            }
        }
        boolean json = wantsJson(Arrays.asList(args));
        return () -> {
            ctx.services().warmUp();
            if (json) {
                TokenOutput.warmUp();
            }
        };
    }

    private static CommandLine finish(CommandLine cl) {
        CommandLine auth = cl.getSubcommands().get("auth");
        for (String name : List.of("create", "clone")) {
            CommandLine c = auth == null ? null : auth.getSubcommands().get(name);
            if (c != null) {
                PermissionFlags.addTo(c.getCommandSpec());
                // 45 lines of flags before the description: the options table below lists them all
                c.getCommandSpec().usageMessage().customSynopsis(name.equals("create")
                        ? "tokenctl auth create [OPTIONS] (--all-access | PERMISSION-FLAG...)"
                        : "tokenctl auth clone [OPTIONS] ID [--all-access | PERMISSION-FLAG...]");
            }
        }
        reflow(cl);
        cl.setExecutionExceptionHandler(Cli::onFailure);
        cl.setParameterExceptionHandler(Cli::onBadParameters);
        return cl;
    }

    /**
     * Makes each command's description one paragraph, which picocli wraps to the help's width. The annotations
     * keep it in source-sized lines, and picocli would print each line as it is and wrap it again on its own,
     * leaving a short line after every long one.
     */
    private static void reflow(CommandLine cl) {
        CommandSpec spec = cl.getCommandSpec();
        String[] lines = spec.usageMessage().description();
        if (lines.length > 1) {
            spec.usageMessage().description(String.join(" ", lines));
        }
        // "Usage: tokenctl auth list [OPTIONS]": the options table lists them, once
        spec.usageMessage().abbreviateSynopsis(true);
        // examples are commands to copy: never wrapped in the middle of a command or a URL
        cl.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER, help -> {
            StringBuilder sb = new StringBuilder();
            for (String line : help.commandSpec().usageMessage().footer()) {
                sb.append(String.format(line)).append(System.lineSeparator());
            }
            return sb.toString();
        });
        cl.getSubcommands().values().forEach(Cli::reflow);
    }

    /**
     * The command classes {@code args} lead to, from a subcommand of the root down to a command without
     * subcommands, read from the {@code @Command} annotations; empty for a lone {@code --version}; null when the
     * whole tree is needed.
     */
    static List<Class<?>> branch(String[] args) {
        Map<String, Boolean> rootOptions = rootOptions();
        int i = 0;
        while (i < args.length && args[i].startsWith("-")) {
            String a = args[i];
            int eq = a.indexOf('=');
            Boolean takesValue = rootOptions.get(eq > 0 ? a.substring(0, eq) : a);
            if (takesValue == null) {
                boolean loneVersion = i == args.length - 1 && (a.equals("--version") || a.equals("-V"));
                return loneVersion ? List.of() : null;
            }
            i += takesValue && eq < 0 ? 2 : 1;
        }
        List<Class<?>> branch = new ArrayList<>();
        List<Class<?>> choices = COMMANDS;
        do {
            Class<?> next = i < args.length ? named(choices, args[i++]) : null;
            if (next == null || WHOLE_TREE.contains(next)) {
                return null; // no command, or a group's own help, which lists all its subcommands
            }
            branch.add(next);
            choices = List.of(next.getAnnotation(Command.class).subcommands());
        } while (!choices.isEmpty());
        return branch;
    }

    private static Class<?> named(List<Class<?>> commands, String word) {
        for (Class<?> c : commands) {
            Command cmd = c.getAnnotation(Command.class);
            if (cmd.name().equals(word) || Arrays.asList(cmd.aliases()).contains(word)) {
                return c;
            }
        }
        return null;
    }

    /** The root's own options (not help or version), each with whether it takes a value. */
    private static Map<String, Boolean> rootOptions() {
        Map<String, Boolean> out = new HashMap<>();
        for (Field f : TokenctlCommand.class.getDeclaredFields()) {
            Option o = f.getAnnotation(Option.class);
            if (o != null) {
                for (String name : o.names()) {
                    out.put(name, f.getType() != boolean.class);
                }
            }
        }
        return out;
    }

    /** A group as only a name and aliases: what a command under it needs for its own usage and errors. */
    private static CommandLine bareGroup(Class<?> group) {
        Command cmd = group.getAnnotation(Command.class);
        return new CommandLine(CommandSpec.create().name(cmd.name()).aliases(cmd.aliases()));
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
        String hint = "";
        if (ex instanceof picocli.CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            // a typo of a subcommand or an option: the names nearest to it by edit distance
            String typed = u.getUnmatched().get(0);
            int eq = typed.indexOf('=');
            typed = typed.startsWith("-") && eq > 0 ? typed.substring(0, eq) : typed;
            List<String> names = new java.util.ArrayList<>();
            if (typed.startsWith("-")) {
                cmd.getCommandSpec().options().forEach(o -> {
                    if (!o.hidden()) {
                        names.addAll(Arrays.asList(o.names()));
                    }
                });
            } else {
                cmd.getSubcommands().forEach((name, sub) -> {
                    if (!sub.getCommandSpec().usageMessage().hidden()) {
                        names.add(name);
                    }
                });
            }
            List<String> near = Suggestions.nearest(typed, names);
            if (!near.isEmpty()) {
                hint = "; did you mean " + String.join(" or ", near) + "?";
            }
        }
        return report(cmd.getErr(), wantsJson(Arrays.asList(args)), ErrorCode.USAGE, firstLine(ex.getMessage()) + hint
                + " (see `" + cmd.getCommandSpec().qualifiedName() + " --help`)");
    }

    private static boolean wantsJson(List<String> args) {
        return args.stream().anyMatch(a -> a.equals("--json") || a.startsWith("--json="));
    }

    /**
     * One line on stderr: {@code error: ...}, or with --json the wire's error body {@code {"code", "message"}},
     * the same a server answers with.
     */
    private static int report(PrintWriter err, boolean json, ErrorCode code, String message) {
        message = Redact.forTerminal(message);
        if (json) {
            StringWriter line = new StringWriter();
            try (JsonGenerator g = new JsonFactory().createGenerator(line)) {
                ApiJson.writeError(g, new Results.ErrorBody(code.httpCode(), message));
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
