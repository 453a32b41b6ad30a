package io.tokenctl.cli;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The visible commands of a built {@link CommandLine} (from {@link Cli#build}, so programmatic flags are there),
 * walked depth-first. Completion scripts and man pages are made from this, never from a list of their own.
 */
final class CommandTree {
    private CommandTree() {
    }

    /** What a shell may complete after an option or at a positional. */
    enum ValueKind { NONE, WORDS, FILE, STORED }

    /** One command and every path that reaches it (aliases included); the first path uses primary names only. */
    record Node(List<String> paths, CommandLine commandLine) {
        CommandSpec spec() {
            return commandLine.getCommandSpec();
        }

        String path() {
            return paths.get(0);
        }

        List<CommandLine> children() {
            return visibleChildren(commandLine);
        }

        List<OptionSpec> options() {
            return spec().options().stream().filter(o -> !o.hidden()).toList();
        }
    }

    static List<Node> walk(CommandLine root) {
        List<Node> out = new ArrayList<>();
        walk(root, List.of(root.getCommandName()), out);
        return out;
    }

    private static void walk(CommandLine cl, List<String> paths, List<Node> out) {
        out.add(new Node(paths, cl));
        for (CommandLine child : visibleChildren(cl)) {
            List<String> childPaths = new ArrayList<>();
            for (String p : paths) {
                for (String name : names(child)) {
                    childPaths.add(p + " " + name);
                }
            }
            walk(child, childPaths, out);
        }
    }

    /** Distinct visible subcommands in declaration order (picocli maps aliases to the same CommandLine). */
    static List<CommandLine> visibleChildren(CommandLine cl) {
        LinkedHashSet<CommandLine> set = new LinkedHashSet<>(cl.getSubcommands().values());
        return set.stream().filter(c -> !c.getCommandSpec().usageMessage().hidden()).toList();
    }

    /** The primary name, then the aliases. */
    static List<String> names(CommandLine cl) {
        List<String> names = new ArrayList<>();
        names.add(cl.getCommandName());
        for (String a : cl.getCommandSpec().aliases()) {
            names.add(a);
        }
        return names;
    }

    static boolean takesValue(OptionSpec o) {
        return o.arity().max() > 0;
    }

    /** For a {@link ValueKind#STORED} argument: what {@code __complete} is asked for. */
    static String stored(ArgSpec arg) {
        return ((Candidates.Stored) arg.completionCandidates()).what();
    }

    static ValueKind kind(ArgSpec arg) {
        Iterable<String> candidates = arg.completionCandidates();
        if (candidates instanceof Candidates.Stored) {
            return ValueKind.STORED;
        }
        if (candidates != null && candidates.iterator().hasNext()) {
            return ValueKind.WORDS;
        }
        Class<?> type = arg.type();
        return type == Path.class || type == File.class ? ValueKind.FILE : ValueKind.NONE;
    }

    static List<String> words(ArgSpec arg) {
        List<String> out = new ArrayList<>();
        arg.completionCandidates().forEach(out::add);
        return out;
    }

    /** The first line of a description, as plain text. */
    /**
     * The first sentence of a description (its lines joined), for one-line places: man pages' NAME, completion
     * menus. Lines are cut for the source's width, not at sentence ends.
     */
    static String summary(String[] description) {
        if (description == null || description.length == 0) {
            return "";
        }
        String text = String.join(" ", description).replace("%n", " ").strip();
        for (int i = 0; i < text.length() - 1; i++) {
            char c = text.charAt(i);
            boolean abbreviation = i >= 3 && (text.startsWith("e.g", i - 3) || text.startsWith("i.e", i - 3));
            if ((c == '.' || c == '?' || c == '!') && text.charAt(i + 1) == ' ' && !abbreviation) {
                return text.substring(0, i + 1);
            }
        }
        return text;
    }
}
