package io.tokenctl.api;

import java.util.regex.Pattern;

/**
 * Documented limits on what users type. Lengths count characters (code points), not UTF-16 units: 256 emoji is
 * 256 characters. Nothing typed may hold a character that a terminal acts on or that hides what the text says
 * ({@link Redact#isUnsafe}): "grafana" with a zero-width space in it must not pass for grafana in an approval list.
 */
public final class Limits {
    public static final int MAX_DESCRIPTION = 256;
    public static final int MAX_NAME = 64;
    public static final int MAX_APP = 128;
    /** The most of a refused value an error message quotes. */
    public static final int MAX_QUOTED = 64;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0," + (MAX_NAME - 1) + "}");

    private Limits() {
    }

    public static String description(String text) {
        if (text == null) {
            return null;
        }
        int length = text.codePointCount(0, text.length());
        if (length > MAX_DESCRIPTION) {
            throw TokenctlException.usage("description is " + length + " characters long; the most is "
                    + MAX_DESCRIPTION);
        }
        int bad = firstUnsafe(text);
        if (bad >= 0) {
            throw TokenctlException.usage("description holds " + codePoint(bad)
                    + ", a control or invisible formatting character; use printable text only");
        }
        return text;
    }

    public static String truncateDescription(String text) {
        if (text.codePointCount(0, text.length()) <= MAX_DESCRIPTION) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, MAX_DESCRIPTION - 3)) + "...";
    }

    /** User and org names: 1-64 of letters, digits, '.', '_', '@', '-', starting with a letter or digit. */
    public static String name(String what, String text) {
        notASecret(what, text);
        if (text == null || !NAME.matcher(text).matches()) {
            throw TokenctlException.usage(what + " " + quoted(text) + " is not valid; use 1-" + MAX_NAME
                    + " letters, digits, '.', '_', '@' or '-', starting with a letter or digit");
        }
        return text;
    }

    /** A name that may be absent (a filter or default left out): checked when given. */
    public static String nameOrNull(String what, String text) {
        return text == null ? null : name(what, text);
    }

    /**
     * A refused value as an error message may quote it: in quotes, control and formatting characters escaped,
     * and cut after {@link #MAX_QUOTED} characters (saying how long it was), so a huge value can't make a huge line.
     */
    public static String quoted(String text) {
        if (text == null) {
            return "(none)";
        }
        int length = text.codePointCount(0, text.length());
        if (length <= MAX_QUOTED) {
            return "\"" + Redact.forTerminal(text) + "\"";
        }
        return "\"" + Redact.forTerminal(text.substring(0, text.offsetByCodePoints(0, MAX_QUOTED))) + "\u2026\" ("
                + length + " characters)";
    }

    /** App names (verify's --app, approve-app and deny-app): 1-128 printable characters without spaces. */
    public static String appName(String what, String text) {
        notASecret(what, text);
        int length = text == null ? 0 : text.codePointCount(0, text.length());
        boolean ok = length >= 1 && length <= MAX_APP
                && text.codePoints().noneMatch(c -> Redact.isUnsafe(c) || Character.isWhitespace(c)
                        || Character.isSpaceChar(c));
        if (!ok) {
            throw TokenctlException.usage(what + ": " + quoted(text) + " is not a valid app name; use 1-" + MAX_APP
                    + " printable characters without spaces or invisible formatting characters");
        }
        return text;
    }

    /**
     * Refuses a value shaped like a tokenctl secret or a JWT where a name belongs: an app or org name is stored,
     * audited and echoed in answers, where a secret must never be.
     */
    public static String notASecret(String what, String text) {
        if (text != null && !text.equals(Redact.secrets(text))) {
            throw TokenctlException.usage(what + ": the value looks like a token secret, not a name; a secret goes"
                    + " only where a token is asked for (stdin, a request's token field)");
        }
        return text;
    }

    private static final Pattern ID = Pattern.compile("[0-9a-f]{16}");

    public static boolean looksLikeId(String text) {
        return text != null && ID.matcher(text).matches();
    }

    /**
     * Checks a token id a caller gave, before anything is looked up or audited (and before it goes into a URL).
     * 16 lowercase hex digits go on; so does a whole secret pasted where an id belongs, which the lookup refuses
     * as "not found" with the secret redacted. A value holding control or formatting characters, or longer than
     * any name, is a usage error quoting it escaped and cut short. Any other value is "not found" at once: no
     * token has an id of that shape.
     */
    public static String tokenId(String id) {
        return id("token", id);
    }

    /** The same check for the id of an org's signing key. */
    public static String keyId(String id) {
        return id("key", id);
    }

    private static String id(String what, String id) {
        if (looksLikeId(id)) {
            return id;
        }
        if (id == null || id.isEmpty()) {
            throw TokenctlException.usage("no " + what + " id given; a " + what + " id is 16 lowercase hex digits,"
                    + " e.g. 0190a1b2c3d4e5f6");
        }
        if ("<redacted>".equals(Redact.secrets(id))) {
            return id; // a whole secret pasted where an id belongs: the lookup refuses it, redacted, as a leak
        }
        if (id.codePointCount(0, id.length()) > MAX_NAME || firstUnsafe(id) >= 0) {
            throw TokenctlException.usage(what + " id " + quoted(id) + " is not valid; a " + what
                    + " id is 16 lowercase hex digits, e.g. 0190a1b2c3d4e5f6");
        }
        throw TokenctlException.notFound("no " + what + " with id " + quoted(id) + " (" + what
                + " ids are 16 lowercase hex digits)");
    }

    /** The first code point of {@code text} that is {@link Redact#isUnsafe}, or -1. */
    public static int firstUnsafe(String text) {
        return text.codePoints().filter(Redact::isUnsafe).findFirst().orElse(-1);
    }

    public static String codePoint(int c) {
        return String.format("U+%04X", c);
    }
}
