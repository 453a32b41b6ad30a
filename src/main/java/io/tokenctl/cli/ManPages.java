package io.tokenctl.cli;

import io.tokenctl.cli.CommandTree.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * Man pages in roff, one per visible command, written straight from the command model (no AsciiDoc step, so
 * the build needs no JRuby). Every page carries the exit status, environment and files the whole tool shares.
 */
final class ManPages {
    private ManPages() {
    }

    private static final String[][] EXIT_STATUS = {
        {"0", "Success."},
        {"1", "Failure: the store or server is unreachable, or the change conflicts with what exists."},
        {"2", "Usage: a bad option, argument or value."},
        {"3", "Not authenticated: no operator token, or it is invalid, expired, retired or waiting for app approval."},
        {"4", "Forbidden: the operator token lacks the privilege, or its IP or app is refused."},
        {"5", "Not found: no such token, user, org or profile."},
    };

    private static final String[][] ENVIRONMENT = {
        {"TOKENCTL_STORE", "SQLite store file, as --store (which wins over it)."},
        {"TOKENCTL_HOST", "URL of a remote tokenctl serve, as --host (which wins over it)."},
        {"TOKENCTL_TOKEN", "The operator token, when --token-file is not given; wins over the profile's token."},
        {"TOKENCTL_PROFILE", "Profile to use instead of the active one, as --profile (which wins over it)."},
        {"NO_COLOR", "When set, output never has colour."},
        {"XDG_DATA_HOME", "Base folder of the default store (default: ~/.local/share)."},
        {"XDG_CONFIG_HOME", "Base folder of the profiles (default: ~/.config)."},
    };

    private static final String[][] FILES = {
        {"$XDG_DATA_HOME/tokenctl/tokenctl.db", "The default store (mode 0600): orgs, users, token hashes, audit log."},
        {"$XDG_CONFIG_HOME/tokenctl/config", "Profiles: store or host, and operator token (mode 0600)."},
    };

    /** File name to page, for the root and every visible subcommand. */
    static Map<String, String> all(CommandLine root) {
        Map<String, String> pages = new LinkedHashMap<>();
        for (Node n : CommandTree.walk(root)) {
            pages.put(pageName(n.path()) + ".1", page(n));
        }
        return pages;
    }

    static String pageName(String path) {
        return path.replace(' ', '-');
    }

    static String page(Node n) {
        CommandSpec spec = n.spec();
        UsageMessageSpec usage = spec.usageMessage();
        String name = pageName(n.path());
        StringBuilder out = new StringBuilder();
        out.append(".\\\" ").append(CompletionScript.HEADER).append('\n');
        out.append(".TH \"").append(esc(name.toUpperCase(java.util.Locale.ROOT))).append("\" 1 \"\" \"tokenctl\" \"tokenctl Manual\"\n");
        out.append(".SH NAME\n").append(esc(name)).append(" \\- ").append(esc(CommandTree.summary(usage.description())))
                .append('\n');

        out.append(".SH SYNOPSIS\n").append("\\fB").append(esc(n.path())).append("\\fR");
        if (!n.options().isEmpty()) {
            out.append(" [\\fIOPTIONS\\fR]");
        }
        for (PositionalParamSpec p : visible(spec.positionalParameters())) {
            String label = "\\fI" + esc(p.paramLabel()) + "\\fR" + (p.arity().max() > 1 ? "..." : "");
            out.append(' ').append(p.arity().min() == 0 ? "[" + label + "]" : label);
        }
        if (!n.children().isEmpty()) {
            out.append(" \\fICOMMAND\\fR");
        }
        out.append('\n');

        out.append(".SH DESCRIPTION\n");
        for (String line : lines(usage.description())) {
            out.append(line.isEmpty() ? ".PP" : esc(line)).append('\n');
        }

        List<PositionalParamSpec> params = visible(spec.positionalParameters());
        if (!params.isEmpty()) {
            out.append(".SH ARGUMENTS\n");
            for (PositionalParamSpec p : params) {
                out.append(".TP\n\\fI").append(esc(p.paramLabel())).append("\\fR\n")
                        .append(esc(String.join(" ", p.description()))).append('\n');
            }
        }

        if (!n.options().isEmpty()) {
            out.append(".SH OPTIONS\n");
            for (OptionSpec o : n.options()) {
                List<String> names = new ArrayList<>();
                for (String optionName : o.names()) {
                    names.add("\\fB" + esc(optionName) + "\\fR");
                }
                out.append(".TP\n").append(String.join(", ", names));
                if (CommandTree.takesValue(o)) {
                    out.append(" \\fI").append(esc(o.paramLabel())).append("\\fR");
                }
                out.append('\n').append(esc(String.join(" ", o.description()))).append('\n');
            }
        }

        if (!n.children().isEmpty()) {
            out.append(".SH COMMANDS\n");
            for (CommandLine c : n.children()) {
                out.append(".TP\n\\fB").append(esc(c.getCommandName())).append("\\fR\n")
                        .append(esc(CommandTree.summary(c.getCommandSpec().usageMessage().description())))
                        .append(" See \\fB").append(esc(pageName(n.path() + " " + c.getCommandName())))
                        .append("\\fR(1).\n");
            }
        }

        List<String> examples = examples(usage);
        if (!examples.isEmpty()) {
            out.append(".SH EXAMPLES\n.PP\n.nf\n");
            for (String e : examples) {
                out.append(esc(e.strip())).append('\n');
            }
            out.append(".fi\n");
        }

        section(out, "EXIT STATUS", EXIT_STATUS, "B");
        section(out, "ENVIRONMENT", ENVIRONMENT, "B");
        section(out, "FILES", FILES, "I");

        out.append(".SH SEE ALSO\n");
        List<String> refs = new ArrayList<>();
        int cut = n.path().lastIndexOf(' ');
        if (cut > 0) {
            refs.add(n.path().substring(0, n.path().indexOf(' ')));
            refs.add(n.path().substring(0, cut));
        }
        for (CommandLine c : n.children()) {
            refs.add(n.path() + " " + c.getCommandName());
        }
        List<String> formatted = new ArrayList<>();
        for (String r : refs.stream().distinct().toList()) {
            formatted.add("\\fB" + esc(pageName(r)) + "\\fR(1)");
        }
        out.append(String.join(",\n", formatted)).append('\n');
        return out.toString();
    }

    private static void section(StringBuilder out, String title, String[][] rows, String font) {
        out.append(".SH ").append(title).append('\n');
        for (String[] row : rows) {
            out.append(".TP\n\\f").append(font).append(esc(row[0])).append("\\fR\n").append(esc(row[1])).append('\n');
        }
    }

    /** The footer lines after an "Example(s):" heading, up to the first blank line. */
    static List<String> examples(UsageMessageSpec usage) {
        List<String> out = new ArrayList<>();
        if (usage.footerHeading() == null || !usage.footerHeading().contains("Example")) {
            return out;
        }
        for (String line : usage.footer()) {
            if (line.isBlank()) {
                break;
            }
            out.add(line.replace("%%", "%"));
        }
        return out;
    }

    private static <T extends PositionalParamSpec> List<T> visible(List<T> params) {
        return params.stream().filter(p -> !p.hidden()).toList();
    }

    /** Description lines with picocli's %n breaks made into separate lines. */
    private static List<String> lines(String[] description) {
        List<String> out = new ArrayList<>();
        for (String d : description) {
            for (String part : d.split("%n", -1)) {
                out.add(part.replace("%%", "%").strip());
            }
        }
        return out;
    }

    /** Text safe on a roff line: backslashes and dashes escaped, no leading control character. */
    static String esc(String s) {
        String t = s.replace("\\", "\\e").replace("-", "\\-");
        return t.startsWith(".") || t.startsWith("'") ? "\\&" + t : t;
    }
}
