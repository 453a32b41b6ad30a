package io.tokenctl.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** A command about one token by id, printing it (or what it did) as a table or JSON. */
abstract class OneToken extends BaseCommand {
    @Parameters(paramLabel = "ID", completionCandidates = Candidates.TokenIds.class, description = "Token id")
    String id;

    @Mixin
    OutputOptions output;
}
