package io.tokenctl.api;

import java.util.regex.Pattern;

/**
 * Keeps secrets out of text that is shown or stored: anything shaped like a tokenctl secret or a JWT becomes
 * {@code <redacted>}. For messages that echo what a user typed (an id that was really a secret, say). A JWT's
 * first part is its base64url JSON header, so it starts {@code ey}: dotted names (an org called
 * {@code research.platform.division}, an app called {@code frontend.acme-corp.internal}) are not secrets.
 */
public final class Redact {
    private static final Pattern SECRETISH = Pattern.compile(
            "tctl_[0-9A-Za-z]{20,}|ey[A-Za-z0-9_-]{6,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}");

    private Redact() {
    }

    public static String secrets(String text) {
        return text == null ? null : SECRETISH.matcher(text).replaceAll("<redacted>");
    }

    /** One line for a terminal: secrets redacted, control characters (newlines, escapes) shown as \\uXXXX. */
    public static String forTerminal(String text) {
        String s = secrets(text);
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
