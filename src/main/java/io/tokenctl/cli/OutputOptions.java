package io.tokenctl.cli;

import picocli.CommandLine.Option;

/** --json and --hide-headers, for every command that prints data. */
public final class OutputOptions {
    @Option(names = "--json", description = "Print JSON (stable field names) instead of a table")
    boolean json;

    @Option(names = "--hide-headers", description = "Leave out the table header (for scripts reading columns)")
    boolean hideHeaders;
}
