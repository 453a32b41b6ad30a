package io.tokenctl.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** "Did you mean": the known names nearest a mistyped one, by edit distance with transpositions. */
final class Suggestions {
    private Suggestions() {
    }

    /** At most two names within a third of the typed length's edits (at least one), nearest first. */
    static List<String> nearest(String typed, List<String> names) {
        String t = typed.toLowerCase(java.util.Locale.ROOT);
        int bound = Math.max(1, strip(t).length() / 3);
        List<String> near = new ArrayList<>();
        for (String n : names) {
            if (!near.contains(n) && distance(t, n.toLowerCase(java.util.Locale.ROOT)) <= bound) {
                near.add(n);
            }
        }
        near.sort(Comparator.comparingInt((String n) -> distance(t, n.toLowerCase(java.util.Locale.ROOT)))
                .thenComparing(Comparator.naturalOrder()));
        return near.size() > 2 ? near.subList(0, 2) : near;
    }

    private static String strip(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) == '-') {
            i++;
        }
        return s.substring(i);
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
