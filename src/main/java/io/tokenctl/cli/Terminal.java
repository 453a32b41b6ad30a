package io.tokenctl.cli;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** How wide the terminal is, for tables that fit it: COLUMNS, else the tty's own size, else none (piped). */
final class Terminal {
    private Terminal() {
    }

    /** The width to fit, or 0 for none: output that goes to a file or a pipe is never cut. */
    static int columns(Context ctx) {
        String env = ctx.env("COLUMNS");
        if (env != null) {
            try {
                int n = Integer.parseInt(env.strip());
                return n >= 20 ? n : 0;
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        if (!ctx.prompter().interactive()) {
            return 0;
        }
        return ttyColumns();
    }

    /** {@code stty size} on /dev/tty ("rows columns"); 0 when it can't tell. */
    private static int ttyColumns() {
        try {
            Process p = new ProcessBuilder("stty", "size").redirectInput(new File("/dev/tty"))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(1, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return 0;
            }
            String[] parts = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip().split("\\s+");
            int n = parts.length == 2 ? Integer.parseInt(parts[1]) : 0;
            return n >= 20 ? n : 0;
        } catch (java.io.IOException | NumberFormatException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}
