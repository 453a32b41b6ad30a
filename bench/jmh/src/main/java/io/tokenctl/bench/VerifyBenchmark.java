package io.tokenctl.bench;

import io.tokenctl.api.CreatedToken;
import io.tokenctl.api.Expiry;
import io.tokenctl.api.Permission;
import io.tokenctl.api.Requests.CreateToken;

import io.tokenctl.api.Requests.Verify;
import io.tokenctl.api.ResourceType;
import io.tokenctl.api.Action;
import io.tokenctl.api.Results.Verification;
import io.tokenctl.core.LocalTokenService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * P2: warm in-process verify of opaque tokens through the public API (LocalTokenService.verify, a real SQLite
 * store) against bare SHA-256 of the same token strings, in the same run. The ratio is the figure.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Dslf4j.internal.verbosity=ERROR"})
public class VerifyBenchmark {
    @Param({"1000"})
    int tokens;

    private Path dir;
    private LocalTokenService verifier;
    private String[] secrets;
    private byte[][] bytes;
    private int next;
    private MessageDigest sha256;

    @Setup(Level.Trial)
    public void setUp() throws IOException, NoSuchAlgorithmException {
        dir = Files.createTempDirectory("tokenctl-jmh");
        Path store = dir.resolve("bench.db");
        SecureRandom random = new SecureRandom();
        String operator;
        try (LocalTokenService boot = new LocalTokenService(store, null, Clock.systemUTC(), random)) {
            operator = boot.setup(new io.tokenctl.api.Requests.Setup("admin", "acme", false)).token().secret();
        }
        secrets = new String[tokens];
        try (LocalTokenService admin = new LocalTokenService(store, operator, Clock.systemUTC(), random)) {
            for (int i = 0; i < tokens; i++) {
                CreatedToken t = admin.create(new CreateToken(null, null, null, false, false, false,
                        List.of(Permission.all(Action.READ, ResourceType.BUCKETS)), Expiry.NEVER, null, null, null));
                secrets[i] = t.secret();
            }
        }
        bytes = new byte[tokens][];
        for (int i = 0; i < tokens; i++) {
            bytes[i] = secrets[i].getBytes(StandardCharsets.UTF_8);
        }
        verifier = new LocalTokenService(store, null, Clock.systemUTC(), random);
        sha256 = MessageDigest.getInstance("SHA-256");
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        verifier.close();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    public boolean verify() {
        Verification v = verifier.verify(new Verify(secrets[next++ % tokens], null, null, List.of()));
        if (!v.active()) {
            throw new IllegalStateException("a benchmark token did not verify: " + v.reason());
        }
        return v.active();
    }

    /** The baseline: SHA-256 of the same token strings, as verify gets them (the string's UTF-8 bytes). */
    @Benchmark
    public byte[] sha256() {
        return sha256.digest(secrets[next++ % tokens].getBytes(StandardCharsets.UTF_8));
    }

    /** For reference: SHA-256 of the tokens' bytes encoded ahead of time (no string encoding at all). */
    @Benchmark
    public byte[] sha256Bytes() {
        return sha256.digest(bytes[next++ % tokens]);
    }
}
