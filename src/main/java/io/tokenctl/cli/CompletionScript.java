package io.tokenctl.cli;

import io.tokenctl.cli.CommandTree.Node;
import io.tokenctl.cli.CommandTree.ValueKind;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ScopeType;

/**
 * Shell completion scripts made from the command model: a generated table of commands, options and value kinds,
 * and a small fixed engine per shell that walks the words typed so far. bash and zsh share the table's text.
 * Token ids come from {@code tokenctl __complete token-ids} at TAB time, with the typed --store/--profile/...
 */
final class CompletionScript {
    static final String HEADER = "Generated from tokenctl's command model (io.tokenctl.cli.GenerateDocs); do not edit.";

    private CompletionScript() {
    }

    static String forShell(String shell, CommandLine root) {
        return switch (shell) {
            case "bash" -> bash(root);
            case "zsh" -> zsh(root);
            case "fish" -> fish(root);
            default -> throw new IllegalArgumentException(shell);
        };
    }

    // --- bash and zsh

    static String bash(CommandLine root) {
        return "# bash completion for tokenctl. " + HEADER + "\n"
                + "# Install: source it, or copy it to ~/.local/share/bash-completion/completions/tokenctl\n\n"
                + posixTable(root) + BASH_ENGINE;
    }

    static String zsh(CommandLine root) {
        return "#compdef tokenctl\n# zsh completion for tokenctl. " + HEADER + "\n"
                + "# Install: copy it as _tokenctl into a folder on $fpath before compinit runs.\n\n"
                + posixTable(root) + ZSH_ENGINE;
    }

    /** The command table as shell functions that bash and zsh both read. */
    private static String posixTable(CommandLine root) {
        List<Node> nodes = CommandTree.walk(root);
        StringBuilder spec = new StringBuilder("_tokenctl_spec() {\n  subs='' cmds='' flags='' vopts=''\n  case \"$1\" in\n");
        StringBuilder optionValues = new StringBuilder(
                "_tokenctl_option_values() {\n  kind='' vals=''\n  case \"$1|$2\" in\n");
        StringBuilder positionalValues = new StringBuilder(
                "_tokenctl_positional_values() {\n  kind='' vals=''\n  case \"$1\" in\n");
        for (Node n : nodes) {
            spec.append("    ").append(caseLabel(n.paths(), "")).append(")\n")
                    .append("      subs=").append(sq(subNames(n, false)))
                    .append(" cmds=").append(sq(subNames(n, true))).append('\n')
                    .append("      flags=").append(sq(optionNames(n, false)))
                    .append(" vopts=").append(sq(optionNames(n, true))).append(" ;;\n");
            for (OptionSpec o : n.options()) {
                if (CommandTree.takesValue(o) && CommandTree.kind(o) != ValueKind.NONE) {
                    List<String> labels = new ArrayList<>();
                    for (String name : o.names()) {
                        labels.add(caseLabel(n.paths(), "|" + name));
                    }
                    optionValues.append("    ").append(String.join("|", labels)).append(") ")
                            .append(posixValue(o)).append(" ;;\n");
                }
            }
            List<PositionalParamSpec> params = n.spec().positionalParameters().stream()
                    .filter(p -> !p.hidden() && CommandTree.kind(p) != ValueKind.NONE).toList();
            if (!params.isEmpty()) {
                positionalValues.append("    ").append(caseLabel(n.paths(), "")).append(")\n");
                for (PositionalParamSpec p : params) {
                    positionalValues.append("      if (( $2 >= ").append(p.index().min()).append(" && $2 <= ")
                            .append(p.index().max()).append(" )); then ").append(posixValue(p))
                            .append("; return; fi\n");
                }
                positionalValues.append("      ;;\n");
            }
        }
        String close = "  esac\n}\n\n";
        return spec + close + optionValues + close + positionalValues + close
                + "_tokenctl_globals=" + sq(globalOptions(root)) + "\n\n";
    }

    private static String posixValue(ArgSpec arg) {
        return switch (CommandTree.kind(arg)) {
            case WORDS -> "kind=words vals=" + sq(String.join(" ", CommandTree.words(arg)));
            case FILE -> "kind=file";
            case STORED -> "kind=stored vals=" + CommandTree.stored(arg);
            case NONE -> "kind=''";
        };
    }

    private static String caseLabel(List<String> paths, String suffix) {
        return paths.stream().map(p -> sq(p + suffix)).collect(Collectors.joining("|"));
    }

    private static String subNames(Node n, boolean withAliases) {
        StringJoiner j = new StringJoiner(" ");
        for (CommandLine c : n.children()) {
            if (withAliases) {
                CommandTree.names(c).forEach(j::add);
            } else {
                j.add(c.getCommandName());
            }
        }
        return j.toString();
    }

    private static String optionNames(Node n, boolean valued) {
        StringJoiner j = new StringJoiner(" ");
        for (OptionSpec o : n.options()) {
            if (CommandTree.takesValue(o) == valued) {
                for (String name : o.names()) {
                    j.add(name);
                }
            }
        }
        return j.toString();
    }

    /** Root options every subcommand inherits that pick the store, server, profile or token: passed on to __complete. */
    private static String globalOptions(CommandLine root) {
        StringJoiner j = new StringJoiner(" ");
        for (OptionSpec o : root.getCommandSpec().options()) {
            if (o.scopeType() == ScopeType.INHERIT && CommandTree.takesValue(o)) {
                for (String name : o.names()) {
                    j.add(name);
                }
            }
        }
        return j.toString();
    }

    /** A POSIX single-quoted word. */
    private static String sq(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private static final String BASH_ENGINE = """
            # Words as bash splits them: "--store=x" arrives as "--store" "=" "x", a URL's ':' as its own word.
            _tokenctl_complete() {
              local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} cmdpath=tokenctl
              local w i n=0 skip='' gopt='' join='' lastg='' subs cmds flags vopts kind vals
              local -a globals=()
              _tokenctl_spec "$cmdpath"
              for ((i = 1; i < COMP_CWORD; i++)); do
                w=${COMP_WORDS[i]}
                if [[ -n $join ]]; then join=''; [[ -n $lastg ]] && globals[${#globals[@]}-1]+=$w; continue; fi
                if [[ $w == : ]]; then join=1; [[ -n $lastg ]] && globals[${#globals[@]}-1]+=:; continue; fi
                lastg=''
                if [[ -n $skip ]]; then
                  [[ $w == = ]] && continue
                  skip=''
                  if [[ -n $gopt ]]; then globals+=("$gopt" "${w/#\\~/$HOME}"); gopt='' lastg=1; fi
                  continue
                fi
                case $w in
                  -*=*) [[ " $_tokenctl_globals " == *" ${w%%=*} "* ]] && globals+=("${w%%=*}" "${w#*=}") ;;
                  -*) if [[ " $vopts " == *" $w "* ]]; then
                        skip=1
                        [[ " $_tokenctl_globals " == *" $w "* ]] && gopt=$w
                      fi ;;
                  *) if ((n == 0)) && [[ " $cmds " == *" $w "* ]]; then
                       cmdpath="$cmdpath $w"
                       _tokenctl_spec "$cmdpath"
                     else
                       n=$((n + 1))
                     fi ;;
                esac
              done
              if [[ $cur == = ]]; then cur=''; elif [[ $prev == = ]]; then prev=${COMP_WORDS[COMP_CWORD-2]}; fi
              kind=''
              if [[ -n $skip && " $vopts " == *" $prev "* ]]; then
                _tokenctl_option_values "$cmdpath" "$prev"
              elif [[ $cur == -* ]]; then
                kind=words vals="$flags $vopts"
              elif [[ -n $subs ]]; then
                kind=words vals=$subs
              else
                _tokenctl_positional_values "$cmdpath" "$n"
              fi
              COMPREPLY=()
              case $kind in
                words) COMPREPLY=($(compgen -W "$vals" -- "$cur")) ;;
                stored) COMPREPLY=($(compgen -W "$(_tokenctl_stored "$vals" "${globals[@]}")" -- "$cur")) ;;
                file)
                  local IFS=$'\\n'
                  type compopt &>/dev/null && compopt -o filenames 2>/dev/null
                  COMPREPLY=($(compgen -f -- "$cur")) ;;
              esac
              return 0
            }

            # Token ids, org, user or profile names of the store the typed line points at; nothing (and no noise)
            # when there is none.
            _tokenctl_stored() {
              local what=$1; shift
              command "${COMP_WORDS[0]}" "$@" __complete "$what" 2>/dev/null
            }

            complete -F _tokenctl_complete tokenctl
            """;

    private static final String ZSH_ENGINE = """
            _tokenctl() {
              local cur=${words[CURRENT]} prev=${words[CURRENT-1]} cmdpath=tokenctl
              local w i n=0 skip='' gopt='' subs cmds flags vopts kind vals
              local -a globals
              _tokenctl_spec "$cmdpath"
              for ((i = 2; i < CURRENT; i++)); do
                w=${words[i]}
                if [[ -n $skip ]]; then
                  skip=''
                  if [[ -n $gopt ]]; then globals+=("$gopt" "${w/#\\~/$HOME}"); gopt=''; fi
                  continue
                fi
                case $w in
                  -*=*) [[ " $_tokenctl_globals " == *" ${w%%=*} "* ]] && globals+=("${w%%=*}" "${w#*=}") ;;
                  -*) if [[ " $vopts " == *" $w "* ]]; then
                        skip=1
                        [[ " $_tokenctl_globals " == *" $w "* ]] && gopt=$w
                      fi ;;
                  *) if ((n == 0)) && [[ " $cmds " == *" $w "* ]]; then
                       cmdpath="$cmdpath $w"
                       _tokenctl_spec "$cmdpath"
                     else
                       n=$((n + 1))
                     fi ;;
                esac
              done
              kind=''
              if [[ $cur == -*=* ]]; then
                prev=${cur%%=*}
                compset -P '*='
                skip=1
              fi
              if [[ -n $skip && " $vopts " == *" $prev "* ]]; then
                _tokenctl_option_values "$cmdpath" "$prev"
              elif [[ $cur == -* ]]; then
                kind=words vals="$flags $vopts"
              elif [[ -n $subs ]]; then
                kind=words vals=$subs
              else
                _tokenctl_positional_values "$cmdpath" "$n"
              fi
              case $kind in
                words) compadd -- ${=vals} ;;
                stored) compadd -- ${(f)"$(_tokenctl_stored $vals "${globals[@]}")"} ;;
                file) _files ;;
              esac
            }

            # Token ids, org, user or profile names of the store the typed line points at; nothing (and no noise)
            # when there is none.
            _tokenctl_stored() {
              local what=$1; shift
              command ${words[1]} "$@" __complete $what 2>/dev/null
            }

            if [[ $funcstack[1] == _tokenctl ]]; then
              _tokenctl "$@"
            else
              compdef _tokenctl tokenctl
            fi
            """;

    // --- fish

    static String fish(CommandLine root) {
        List<Node> nodes = CommandTree.walk(root);
        StringBuilder spec = new StringBuilder("function __tokenctl_spec\n    switch $argv[1]\n");
        StringBuilder optionValues = new StringBuilder(
                "# argv: path option current-word global-options...\nfunction __tokenctl_option_values\n"
                        + "    switch \"$argv[1]|$argv[2]\"\n");
        StringBuilder positionalValues = new StringBuilder(
                "# argv: path index current-word global-options...\nfunction __tokenctl_positional_values\n"
                        + "    switch $argv[1]\n");
        for (Node n : nodes) {
            List<String> subs = new ArrayList<>();
            List<String> subsHelp = new ArrayList<>();
            List<String> cmds = new ArrayList<>();
            for (CommandLine c : n.children()) {
                subs.add(c.getCommandName());
                subsHelp.add(CommandTree.summary(c.getCommandSpec().usageMessage().description()));
                cmds.addAll(CommandTree.names(c));
            }
            List<String> flags = new ArrayList<>();
            List<String> flagsHelp = new ArrayList<>();
            List<String> vopts = new ArrayList<>();
            List<String> voptsHelp = new ArrayList<>();
            for (OptionSpec o : n.options()) {
                for (String name : o.names()) {
                    (CommandTree.takesValue(o) ? vopts : flags).add(name);
                    (CommandTree.takesValue(o) ? voptsHelp : flagsHelp).add(CommandTree.summary(o.description()));
                }
                if (CommandTree.takesValue(o) && CommandTree.kind(o) != ValueKind.NONE) {
                    List<String> labels = new ArrayList<>();
                    for (String name : o.names()) {
                        n.paths().forEach(p -> labels.add(fq(p + "|" + name)));
                    }
                    optionValues.append("        case ").append(String.join(" ", labels)).append("\n            ")
                            .append(fishValue(o)).append('\n');
                }
            }
            spec.append("        case ").append(n.paths().stream().map(CompletionScript::fq)
                    .collect(Collectors.joining(" "))).append('\n');
            fishSet(spec, "subs", subs);
            fishSet(spec, "subs_help", subsHelp);
            fishSet(spec, "cmds", cmds);
            fishSet(spec, "flags", flags);
            fishSet(spec, "flags_help", flagsHelp);
            fishSet(spec, "vopts", vopts);
            fishSet(spec, "vopts_help", voptsHelp);
            List<PositionalParamSpec> params = n.spec().positionalParameters().stream()
                    .filter(p -> !p.hidden() && CommandTree.kind(p) != ValueKind.NONE).toList();
            if (!params.isEmpty()) {
                positionalValues.append("        case ").append(n.paths().stream().map(CompletionScript::fq)
                        .collect(Collectors.joining(" "))).append('\n');
                for (PositionalParamSpec p : params) {
                    positionalValues.append("            if test $argv[2] -ge ").append(p.index().min())
                            .append(" -a $argv[2] -le ").append(p.index().max()).append("\n                ")
                            .append(fishValue(p)).append("\n                return\n            end\n");
                }
            }
        }
        String close = "    end\nend\n\n";
        return "# fish completion for tokenctl. " + HEADER + "\n"
                + "# Install: copy it to ~/.config/fish/completions/tokenctl.fish\n\n"
                + spec + close + optionValues + close + positionalValues + close
                + "set -g __tokenctl_globals " + String.join(" ", globalOptions(root).split(" ")) + "\n\n"
                + FISH_ENGINE;
    }

    private static void fishSet(StringBuilder out, String name, List<String> values) {
        out.append("            set -g __tokenctl_").append(name);
        for (String v : values) {
            out.append(' ').append(fq(v));
        }
        out.append('\n');
    }

    private static String fishValue(ArgSpec arg) {
        return switch (CommandTree.kind(arg)) {
            case WORDS -> "printf '%s\\n' " + CommandTree.words(arg).stream().map(CompletionScript::fq)
                    .collect(Collectors.joining(" "));
            case FILE -> "__fish_complete_path $argv[3]";
            case STORED -> "__tokenctl_stored " + CommandTree.stored(arg) + " $argv[4..-1]";
            case NONE -> "true";
        };
    }

    /** A fish single-quoted word. */
    private static String fq(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private static final String FISH_ENGINE = """
            function __tokenctl_complete
                set -l tokens (commandline -opc)
                set -l cur (commandline -ct)
                set -l p tokenctl
                set -l n 0
                set -l skip 0
                set -l gopt
                set -l globals
                __tokenctl_spec $p
                for w in $tokens[2..-1]
                    if test $skip = 1
                        set skip 0
                        if test -n "$gopt"
                            set -a globals $gopt (string replace -r '^~/' "$HOME/" -- $w)
                            set gopt
                        end
                        continue
                    end
                    switch $w
                        case '-*=*'
                            set -l o (string split -m1 = -- $w)
                            contains -- $o[1] $__tokenctl_globals; and set -a globals $o
                        case '-*'
                            if contains -- $w $__tokenctl_vopts
                                set skip 1
                                contains -- $w $__tokenctl_globals; and set gopt $w
                            end
                        case '*'
                            if test $n = 0; and contains -- $w $__tokenctl_cmds
                                set p "$p $w"
                                __tokenctl_spec $p
                            else
                                set n (math $n + 1)
                            end
                    end
                end
                if test $skip = 1
                    __tokenctl_option_values $p $tokens[-1] $cur $globals
                else if string match -q -- '-*=*' $cur
                    set -l o (string split -m1 = -- $cur)
                    __tokenctl_option_values $p $o[1] $o[2] $globals | string replace -r -- '^' "$o[1]="
                else if string match -q -- '-*' $cur
                    for i in (seq (count $__tokenctl_flags))
                        printf '%s\\t%s\\n' $__tokenctl_flags[$i] $__tokenctl_flags_help[$i]
                    end
                    for i in (seq (count $__tokenctl_vopts))
                        printf '%s\\t%s\\n' $__tokenctl_vopts[$i] $__tokenctl_vopts_help[$i]
                    end
                else if test (count $__tokenctl_subs) -gt 0
                    for i in (seq (count $__tokenctl_subs))
                        printf '%s\\t%s\\n' $__tokenctl_subs[$i] $__tokenctl_subs_help[$i]
                    end
                else
                    __tokenctl_positional_values $p $n $cur $globals
                end
            end

            # Token ids, org, user or profile names of the store the typed line points at; nothing (and no noise)
            # when there is none.
            function __tokenctl_stored
                set -l cmd (commandline -opc)[1]
                command $cmd $argv[2..-1] __complete $argv[1] 2>/dev/null
            end

            complete -c tokenctl -f -a '(__tokenctl_complete)'
            """;
}
