package io.tokenctl;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A small file system of its own for a test, to make a folder read-only or a disk full for real (as root, mode
 * bits don't stop writes; a read-only mount does). Where mounting is not allowed the test is skipped, saying so.
 */
final class Tmpfs implements AutoCloseable {
    private final Path dir;

    private Tmpfs(Path dir) {
        this.dir = dir;
    }

    static Tmpfs mount(Path dir, String size) throws Exception {
        Files.createDirectories(dir);
        int rc = run("mount", "-t", "tmpfs", "-o", "size=" + size + ",mode=0700", "tmpfs", dir.toString());
        Assumptions.assumeTrue(rc == 0, "SKIPPED LOUDLY: cannot mount a tmpfs here (needs root and CAP_SYS_ADMIN), so"
                + " the read-only folder and full disk cases were not tested on this machine");
        return new Tmpfs(dir);
    }

    Path dir() {
        return dir;
    }

    void readOnly() throws Exception {
        if (run("mount", "-o", "remount,ro", dir.toString()) != 0) {
            throw new AssertionError("could not remount " + dir + " read-only");
        }
    }

    /** Writes a filler file until the disk is full; returns it, to delete for room again. */
    Path fill() throws IOException {
        Path filler = dir.resolve("filler");
        byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            return filler;
        }
    }

    @Override
    public void close() throws Exception {
        run("umount", "-l", dir.toString());
    }

    private static int run(String... command) throws Exception {
        Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }
}
