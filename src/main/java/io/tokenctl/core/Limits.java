package io.tokenctl.core;

import io.tokenctl.api.Redact;
import io.tokenctl.api.TokenctlException;
import java.util.regex.Pattern;

/** Documented limits on what users type. */
public final class Limits {
    public static final int MAX_DESCRIPTION = 256;
    public static final int MAX_NAME = 64;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0," + (MAX_NAME - 1) + "}");

    private Limits() {
    }

    public static String description(String text) {
        if (text == null) {
            return null;
        }
        if (text.length() > MAX_DESCRIPTION) {
            throw TokenctlException.usage("--description is " + text.length() + " characters long; the most is "
                    + MAX_DESCRIPTION);
        }
        if (text.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw TokenctlException.usage("--description holds a control character; use printable text only");
        }
        return text;
    }

    static String truncateDescription(String text) {
        return text.length() <= MAX_DESCRIPTION ? text : text.substring(0, MAX_DESCRIPTION - 3) + "...";
    }

    /** User and org names: 1-64 of letters, digits, '.', '_', '@', '-', starting with a letter or digit. */
    public static String name(String what, String text) {
        notASecret(what, text);
        if (text == null || !NAME.matcher(text).matches()) {
            throw TokenctlException.usage(what + " " + shown(text, MAX_NAME) + " is not valid; use 1-" + MAX_NAME
                    + " letters, digits, '.', '_', '@' or '-', starting with a letter or digit");
        }
        return text;
    }

    /** A refused value as an error message may quote it: in quotes, unless longer than any valid one. */
    private static String shown(String text, int max) {
        return text != null && text.length() > max ? "(" + text.length() + " characters)" : "\"" + text + "\"";
    }

    public static final int MAX_APP = 128;

    /** App names (verify's --app, approve-app and deny-app): 1-128 printable characters without spaces. */
    public static String appName(String what, String text) {
        notASecret(what, text);
        boolean ok = text != null && !text.isEmpty() && text.length() <= MAX_APP;
        for (int i = 0; ok && i < text.length(); i++) {
            char c = text.charAt(i);
            ok = c >= 0x21 && c != 0x7f;
        }
        if (!ok) {
            throw TokenctlException.usage(what + ": " + shown(text, MAX_APP) + " is not a valid app name; use 1-" + MAX_APP
                    + " printable characters without spaces");
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
}
