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

    private Listing() {
    }

    static <T> void print(PrintWriter out, OutputOptions output, List<T> items, JsonItem<T> json, String[] headers,
            Function<T, String[]> row) {
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
        Table t = new Table(headers);
        items.forEach(item -> t.row(row.apply(item)));
        t.print(out, output.hideHeaders);
    }
}
