package io.tokenctl.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.function.Function;

/** Prints a list the way every listing does: a JSON array with --json, else a table (--hide-headers honoured). */
final class Listing {
    interface JsonItem<T> {
        void write(JsonGenerator g, T item) throws IOException;
    }

    /** The page size --all fetches with. */
    static final int PAGE_FOR_ALL = 1000;

    private Listing() {
    }

    static <T> void print(PrintWriter out, OutputOptions output, List<T> items, JsonItem<T> json, String[] headers,
            Function<T, String[]> row) {
        print(out, output, items, json, headers, row, 0, new int[0]);
    }

    /** The same, the table fitted into {@code columns} characters by narrowing {@code shrinkable} (0: no limit). */
    static <T> void print(PrintWriter out, OutputOptions output, List<T> items, JsonItem<T> json, String[] headers,
            Function<T, String[]> row, int columns, int[] shrinkable) {
        if (output.json) {
            TokenOutput.write(out, g -> {
                g.writeStartArray();
                for (T item : items) {
                    json.write(g, item);
                }
                g.writeEndArray();
            });
            return;
        }
        Table t = new Table(headers).fit(columns, shrinkable);
        items.forEach(item -> t.row(row.apply(item)));
        t.print(out, output.hideHeaders);
    }

    /** One page of a listing: its items, the cursor of the next page (null: the end), the listing's length if told. */
    record Page<T, C>(List<T> items, C next, Long total) {
    }

    /**
     * A listing that pages. Without {@code all}: one page, and when more follow, a line on stderr saying how many
     * of how many and how to go on (the output itself stays an array or a table, exit 0). With {@code all}: every
     * page in turn, printed as it comes, so memory holds one page whatever the listing's length; with --json one
     * array over all of them.
     */
    static <T, C> void pages(BaseCommand cmd, OutputOptions output, boolean all, Integer limit, C first,
            java.util.function.BiFunction<Integer, C, Page<T, C>> fetchPage, JsonItem<T> json, String[] headers,
            Function<T, String[]> row, String noun, int columns, int[] shrinkable) {
        if (all && limit != null) {
            throw io.tokenctl.api.TokenctlException.usage("--all and --limit exclude each other: --all lists every one");
        }
        Integer size = all ? Integer.valueOf(PAGE_FOR_ALL) : limit;
        Function<C, Page<T, C>> fetch = cursor -> fetchPage.apply(size, cursor);
        PrintWriter out = cmd.out();
        if (!all) {
            Page<T, C> page = fetch.apply(first);
            print(out, output, page.items(), json, headers, row, columns, shrinkable);
            if (page.next() != null) {
                cmd.err().println("showing " + page.items().size() + (page.total() == null ? " " + noun + ", and more"
                        + " follow" : " of " + page.total() + " " + noun) + "; the next page: --after " + page.next()
                        + ", or --all for every one");
            }
            return;
        }
        if (output.json) {
            TokenOutput.write(out, g -> {
                g.writeStartArray();
                C cursor = first;
                do {
                    Page<T, C> page = fetch.apply(cursor);
                    for (T item : page.items()) {
                        json.write(g, item);
                    }
                    g.flush();
                    cursor = page.next();
                } while (cursor != null);
                g.writeEndArray();
            });
            return;
        }
        C cursor = first;
        boolean headed = output.hideHeaders;
        do {
            Page<T, C> page = fetch.apply(cursor);
            Table t = new Table(headers).fit(columns, shrinkable);
            page.items().forEach(item -> t.row(row.apply(item)));
            t.print(out, headed);
            out.flush();
            headed = true;
            cursor = page.next();
        } while (cursor != null);
    }
}
