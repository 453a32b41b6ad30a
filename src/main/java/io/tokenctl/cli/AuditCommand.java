package io.tokenctl.cli;

import io.tokenctl.api.ApiJson;
import io.tokenctl.api.Durations;
import io.tokenctl.api.Expiry;
import io.tokenctl.api.Requests.ListAudit;
import io.tokenctl.api.Results.AuditPage;
import io.tokenctl.api.TokenService;
import io.tokenctl.api.TokenctlException;
import java.time.Duration;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tokenctl audit list}: every change and every refused attempt, for org admins. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Read the audit log: every change and every refused attempt (org admins only).",
        subcommands = {AuditCommand.ListCmd.class},
        footerHeading = "%nExample:%n", footer = "  tokenctl audit list --since 24h --actor alice")
final class AuditCommand {

    @Command(name = "list", aliases = "ls", mixinStandardHelpOptions = true,
            description = {"List audit events, oldest first (--reverse: newest first), a page at a time (100 by default;",
                "stderr says \"showing 100 of N events\" and the next --after when more follow; --all for every one).",
                "Never a secret, never a full hash."},
            footerHeading = "%nExamples:%n",
            footer = {"  tokenctl audit list --since 24h", "  tokenctl audit list --target 65f1c2a09b7e4d11 --json"})
    static final class ListCmd extends BaseCommand {
        @Option(names = "--since", paramLabel = "WHEN",
                description = "Only events at or after this: an ISO-8601 time, or a duration back from now (24h, 7d)")
        String since;

        @Option(names = "--actor", completionCandidates = Candidates.UserNames.class, paramLabel = "USER", description = "Only events by this user")
        String actor;

        @Option(names = "--target", paramLabel = "ID", description = "Only events on this target (token id, user:NAME, org:NAME)")
        String target;

        @Option(names = "--limit", paramLabel = "N", description = "At most N events (default: 100, at most 10000)")
        Integer limit;

        @Option(names = "--after", paramLabel = "SEQ", description = "Start after this event number (the next page)")
        Long after;

        @Mixin
        OutputOptions output;

        @Option(names = "--all", description = "Every event, page after page (streamed: any number of events)")
        boolean all;

        @Option(names = {"-r", "--reverse"}, description = "Newest first (then --after SEQ starts before SEQ)")
        boolean reverse;

        @Option(names = {"-f", "--follow"}, description = "Keep printing events as they are written, as tail -f does"
                + " (from --since or --after, else the last 10); with --json one object per line")
        boolean follow;

        /** How often --follow asks for new events. */
        static final long FOLLOW_EVERY_MS = 1000;

        @Override
        void run(TokenService service) {
            Instant from = since(root().ctx.clock().instant());
            if (follow) {
                if (reverse || all || limit != null) {
                    throw TokenctlException.usage("--follow runs forward from now: it takes --since, --after, --actor and"
                            + " --target, not --reverse, --all or --limit");
                }
                follow(service, from);
                return;
            }
            Listing.pages(this, output, all, limit, after, (size, cursor) -> {
                AuditPage page = service.audit(new ListAudit(from, actor, target, size, cursor, reverse));
                return new Listing.Page<>(page.events(), page.next(), page.total());
            }, ApiJson::writeAuditEvent, HEADERS, ListCmd::row, "events", Terminal.columns(root().ctx), new int[] {6, 4});
        }

        private static final String[] HEADERS = {"SEQ", "AT", "ACTOR", "ACTION", "TARGET", "OUTCOME", "REASON"};

        private static String[] row(io.tokenctl.api.Results.AuditEvent e) {
            return new String[] {Long.toString(e.seq()), TokenOutput.time(e.at()), e.actorUser(), e.action(), e.target(),
                e.outcome(), e.reason()};
        }

        /** Prints what is there, then every new event as it is written, until stopped (Ctrl-C, or a closed pipe). */
        private void follow(TokenService service, Instant from) {
            Long cursor = after;
            if (cursor == null && from == null) {
                // as tail -f: the last 10, then what comes
                var last = service.audit(new ListAudit(null, actor, target, 10, null, true)).events();
                cursor = last.isEmpty() ? 0L : last.get(last.size() - 1).seq() - 1;
            }
            boolean headed = output.hideHeaders || output.json;
            java.io.PrintWriter out = out();
            while (!out.checkError()) {
                AuditPage page = service.audit(new ListAudit(from, actor, target, Listing.PAGE_FOR_ALL, cursor));
                if (!page.events().isEmpty()) {
                    if (output.json) {
                        for (var e : page.events()) {
                            TokenOutput.writeLine(out, g -> ApiJson.writeAuditEvent(g, e));
                        }
                    } else {
                        Table t = new Table(HEADERS);
                        page.events().forEach(e -> t.row(row(e)));
                        t.print(out, headed);
                        headed = true;
                    }
                    out.flush();
                    cursor = page.events().get(page.events().size() - 1).seq();
                }
                if (page.next() == null) {
                    try {
                        Thread.sleep(FOLLOW_EVERY_MS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }

        private Instant since(Instant now) {
            if (since == null) {
                return null;
            }
            Duration back = Durations.tryParse(since);
            if (back != null) {
                return now.minus(back);
            }
            Instant at = Expiry.parseTime(since);
            if (at == null) {
                throw TokenctlException.usage("--since: \"" + since
                        + "\" is not a time; use an ISO-8601 time or a duration back from now such as 24h or 7d");
            }
            return at;
        }
    }
}
