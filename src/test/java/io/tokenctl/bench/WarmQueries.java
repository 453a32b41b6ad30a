package io.tokenctl.bench;

import io.tokenctl.api.Requests.ListAudit;
import io.tokenctl.api.Requests.ListTokens;
import io.tokenctl.api.Requests.Verify;
import java.util.List;
import io.tokenctl.api.TokenService;
import io.tokenctl.core.LocalTokenService;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Warm (in-process, after JIT warm-up) latency of {@code auth show ID} and {@code auth list --user U --limit 50}
 * through the same API the CLI holds, for bench/run.sh. Usage: {@code WarmQueries STORE ID USER ITERATIONS};
 * the operator token comes from TOKENCTL_TOKEN. Prints {@code show_us=...}, {@code list_us=...},
 * {@code audit_us=...} ({@code audit list --limit 50}) and {@code verify_us=...} (SAMPLE_SECRET from the env), medians.
 */
public final class WarmQueries {
    private WarmQueries() {
    }

    public static void main(String[] args) {
        System.setProperty("slf4j.internal.verbosity", "ERROR");
        String id = args[1];
        String user = args[2];
        int n = Integer.parseInt(args[3]);
        try (TokenService api = new LocalTokenService(Path.of(args[0]), System.getenv("TOKENCTL_TOKEN"),
                Clock.systemUTC(), new SecureRandom())) {
            System.out.printf("show_us=%.0f%n", medianMicros(n, () -> api.show(id)));
            System.out.printf("list_us=%.0f%n", medianMicros(n, () -> api.list(new ListTokens(user, null, null, null, 50, null))));
            System.out.printf("audit_us=%.0f%n", medianMicros(n, () -> api.audit(new ListAudit(null, null, null, 50, null))));
            String secret = System.getenv("SAMPLE_SECRET");
            // a cached verify takes about a microsecond: timed in batches of 100, after enough calls for the JIT's
            // top tier, so the figure is the code's and not the clock's or the compiler's
            System.out.printf("verify_us=%.2f%n", medianMicros(n, 100, () -> api.verify(new Verify(secret, null, null,
                    List.of()))));
        }
    }

    private static double medianMicros(int n, Supplier<?> call) {
        return medianMicros(n, 1, call);
    }

    /** The median over {@code n} samples of the time per call, each sample timing {@code batch} calls. */
    private static double medianMicros(int n, int batch, Supplier<?> call) {
        for (int i = 0; i < n * batch; i++) {
            call.get(); // warm-up: same count as measured
        }
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            long s = System.nanoTime();
            for (int j = 0; j < batch; j++) {
                call.get();
            }
            t[i] = System.nanoTime() - s;
        }
        Arrays.sort(t);
        return t[n / 2] / 1000.0 / batch;
    }
}
