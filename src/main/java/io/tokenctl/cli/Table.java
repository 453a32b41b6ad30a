package io.tokenctl.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain text table: columns padded to the widest cell, two spaces apart, no trailing spaces. A cell shows what
 * a terminal would act on or hide (escapes, newlines, bidi overrides: audit reasons hold what callers typed) as
 * an escape (backslash, u, four hex digits), so no cell can retitle or clear the screen or forge a row.
 */
final class Table {
    /** What a cut cell ends with. */
    static final String CUT = "\u2026";

    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();
    private int maxWidth;
    private int[] shrinkable = new int[0];

    Table(String... headers) {
        this.headers = List.of(headers);
    }

    Table row(String... cells) {
        List<String> r = new ArrayList<>(cells.length);
        for (String c : cells) {
            r.add(c == null ? "" : io.tokenctl.api.Redact.forTerminal(c));
        }
        rows.add(r);
        return this;
    }

    /**
     * Fits lines into {@code columns} characters (0: no limit) by narrowing the {@code shrinkable} columns, the
     * first given first, each to no less than its header; a cell cut short ends with {@link #CUT}.
     */
    Table fit(int columns, int... shrinkable) {
        this.maxWidth = columns;
        this.shrinkable = shrinkable;
        return this;
    }

    void print(PrintWriter out, boolean hideHeaders) {
        int[] width = new int[headers.size()];
        for (int i = 0; i < width.length; i++) {
            width[i] = hideHeaders ? 0 : headers.get(i).length();
        }
        for (List<String> r : rows) {
            for (int i = 0; i < width.length; i++) {
                width[i] = Math.max(width[i], r.get(i).length());
            }
        }
        if (maxWidth > 0) {
            int total = 2 * (width.length - 1);
            for (int w : width) {
                total += w;
            }
            for (int i : shrinkable) {
                int floor = headers.get(i).length() + 1;
                int cut = Math.min(total - maxWidth, width[i] - floor);
                if (cut > 0) {
                    width[i] -= cut;
                    total -= cut;
                }
            }
            for (List<String> r : rows) {
                for (int i : shrinkable) {
                    String c = r.get(i);
                    if (c.length() > width[i]) {
                        r.set(i, c.substring(0, width[i] - 1) + CUT);
                    }
                }
            }
        }
        if (!hideHeaders) {
            line(out, headers, width);
        }
        for (List<String> r : rows) {
            line(out, r, width);
        }
    }

    private static void line(PrintWriter out, List<String> cells, int[] width) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            sb.append(c);
            if (i < cells.size() - 1) {
                sb.append(" ".repeat(width[i] - c.length() + 2));
            }
        }
        out.println(sb.toString().stripTrailing());
    }
}
