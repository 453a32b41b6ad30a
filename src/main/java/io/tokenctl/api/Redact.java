package io.tokenctl.api;

import java.util.regex.Pattern;

/**
 * Keeps secrets out of text that is shown or stored: anything shaped like a tokenctl secret or a JWT becomes
 * {@code <redacted>}. For messages that echo what a user typed (an id that was really a secret, say). A JWT's
 * first part is its base64url JSON header, so it starts {@code ey}: dotted names (an org called
 * {@code research.platform.division}, an app called {@code frontend.acme-corp.internal}) are not secrets.
 * And keeps a terminal safe from what callers typed: {@link #forTerminal} shows every character a terminal would
 * act on or hide as an escape.
 */
public final class Redact {
    private static final Pattern SECRETISH = Pattern.compile(
            "tctl_[0-9A-Za-z]{20,}|ey[A-Za-z0-9_-]{6,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}");
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Redact() {
    }

    public static String secrets(String text) {
        if (text == null || text.indexOf("tctl_") < 0 && text.indexOf("ey") < 0) {
            return text;
        }
        return SECRETISH.matcher(text).replaceAll("<redacted>");
    }

    /**
     * Characters a terminal acts on or that hide what text really says: C0 and C1 controls, DEL, Unicode format
     * characters (bidi overrides, zero-width spaces and joiners) and the line and paragraph separators.
     */
    public static boolean isUnsafe(int c) {
        if (c < 0x20 || c >= 0x7f && c <= 0x9f) {
            return true;
        }
        if (c < 0x7f) {
            return false;
        }
        int type = Character.getType(c);
        return type == Character.FORMAT || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }

    /**
     * One line for a terminal: secrets redacted, and every character {@link #isUnsafe} (newlines, escapes, bidi
     * overrides) shown as {@code \\uXXXX}, so what a caller typed can't retitle, clear or forge lines of the
     * operator's screen.
     */
    public static String forTerminal(String text) {
        String s = secrets(text);
        if (s == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            int n = Character.charCount(c);
            if (isUnsafe(c)) {
                if (out == null) {
                    out = new StringBuilder(s.length() + 16).append(s, 0, i);
                }
                if (c > 0xffff) {
                    // beyond the basic plane (tag characters): as \U and eight hex digits
                    out.append("\\U").append(HEX[c >> 28 & 15]).append(HEX[c >> 24 & 15]).append(HEX[c >> 20 & 15])
                            .append(HEX[c >> 16 & 15]);
                } else {
                    out.append("\\u");
                }
                out.append(HEX[c >> 12 & 15]).append(HEX[c >> 8 & 15]).append(HEX[c >> 4 & 15]).append(HEX[c & 15]);
            } else if (out != null) {
                out.appendCodePoint(c);
            }
            i += n;
        }
        return out == null ? s : out.toString();
    }
}
