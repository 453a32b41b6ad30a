package io.tokenctl.api;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the short durations users type: 90s, 15m, 12h, 30d, 2w. */
public final class Durations {
    private static final Pattern SHORT = Pattern.compile("([0-9]{1,9})([smhdw])");

    private Durations() {
    }

    /** Returns null when {@code text} is not a short duration. */
    public static Duration tryParse(String text) {
        Matcher m = SHORT.matcher(text);
        if (!m.matches()) {
            return null;
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofDays(7 * n);
        };
    }

    public static Duration parse(String flag, String text) {
        Duration d = tryParse(text);
        if (d == null || d.isZero()) {
            throw TokenctlException.usage(flag + ": \"" + text
                    + "\" is not a duration; use a positive number with s, m, h, d or w, e.g. 90s, 15m, 24h, 30d, 2w");
        }
        return d;
    }

    /** Renders a duration the way users type them, in the largest whole unit. */
    public static String format(Duration d) {
        long s = d.getSeconds();
        if (s % (7 * 86400) == 0) {
            return s / (7 * 86400) + "w";
        }
        if (s % 86400 == 0) {
            return s / 86400 + "d";
        }
        if (s % 3600 == 0) {
            return s / 3600 + "h";
        }
        if (s % 60 == 0) {
            return s / 60 + "m";
        }
        return s + "s";
    }
}
