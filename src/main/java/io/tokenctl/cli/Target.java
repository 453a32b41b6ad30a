package io.tokenctl.cli;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Where a command's calls go: a store file ({@code store}) or a server ({@code host}), exactly one; for a server,
 * the CA to trust beyond the system's ({@code caCert}, or none), whether to skip checking its certificate (test
 * set-ups only), how long to wait for it, and whether to dump each request and answer (--debug, redacted).
 */
public record Target(Path store, URI host, Path caCert, boolean skipVerify, Duration timeout, boolean debug) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public static Target local(Path store) {
        return new Target(store, null, null, false, DEFAULT_TIMEOUT, false);
    }

    public boolean remote() {
        return host != null;
    }
}
