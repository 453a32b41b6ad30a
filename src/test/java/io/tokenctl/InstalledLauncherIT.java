package io.tokenctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end: install.sh puts a launcher under a fresh PREFIX, and a new user drives it as a process. */
class InstalledLauncherIT {
    @TempDir
    static Path prefix;
    static Path launcher;

    @TempDir
    Path home;

    record Run(int exit, String out, String err) {
    }

    @BeforeAll
    static void install() throws Exception {
        Run r = exec(Map.of("PREFIX", prefix.toString(), "HOME", prefix.toString()), null,
                "bash", "install.sh", "--skip-build");
        assertEquals(0, r.exit, r.out + r.err);
        // issue 14: a line per stage, never minutes of silence
        for (String stage : List.of("installing the jar", "making a private Java runtime", "training a class-data archive",
                "installing shell completion")) {
            assertTrue(r.out.contains("install.sh: " + stage), r.out);
        }
        launcher = prefix.resolve("bin/tokenctl");
        assertTrue(Files.isExecutable(launcher));
    }

    static Run exec(Map<String, String> env, String stdin, String... cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().keySet().removeIf(k -> k.startsWith("TOKENCTL_") || k.startsWith("XDG_"));
        pb.environment().putAll(env);
        Path out = Files.createTempFile("it", ".out");
        Path err = Files.createTempFile("it", ".err");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        if (stdin != null) {
            p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        p.getOutputStream().close();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "finished in time");
        Run r = new Run(p.exitValue(), Files.readString(out), Files.readString(err));
        Files.delete(out);
        Files.delete(err);
        return r;
    }

    Run tokenctl(String... args) throws Exception {
        return tokenctlWithStdin(null, args);
    }

    @Test
    void aNewUserSetsUpCreatesAndListsAndTheSecretIsNowhereButTheirScreen() throws Exception {
        Run setup = tokenctl("setup", "--username", "admin", "--org", "acme");
        assertEquals(0, setup.exit, setup.err);
        Run created = tokenctl("auth", "create", "--read-buckets", "-q");
        assertEquals(0, created.exit, created.err);
        String secret = created.out.strip();
        assertTrue(secret.matches("tctl_[0-9A-Za-z]{36}"));
        assertEquals("", created.err);
        Path db = home.resolve("data/tokenctl/tokenctl.db");
        for (String suffix : List.of("", "-wal", "-shm")) {
            Path f = Path.of(db + suffix);
            if (Files.exists(f)) {
                assertFalse(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).contains(secret), f.toString());
            }
        }
        Run list = tokenctl("auth", "list");
        assertEquals(0, list.exit, list.err);
        assertFalse(list.out.contains(secret));
        assertTrue(list.out.contains("Read buckets"));
    }

    @Test
    void jwtTokensWorkThroughTheInstalledJar() throws Exception {
        // the jar keeps only the parts of BouncyCastle tokenctl calls: every JWT path must still find its classes
        assertEquals(0, tokenctl("setup", "--username", "admin", "--org", "acme", "-q").exit);
        Run created = tokenctl("auth", "create", "--format", "jwt", "--read-buckets", "-q");
        assertEquals(0, created.exit, created.err);
        String jwt = created.out.strip();
        Run online = tokenctlWithStdin(jwt, "auth", "verify");
        assertEquals(0, online.exit, online.out + online.err);
        Run jwks = tokenctl("org", "keys", "jwks", "acme");
        assertEquals(0, jwks.exit, jwks.err);
        Path jwksFile = home.resolve("jwks.json");
        Files.writeString(jwksFile, jwks.out);
        Run offline = tokenctlWithStdin(jwt, "auth", "verify", "--offline", "--jwks", jwksFile.toString());
        assertEquals(0, offline.exit, offline.out + offline.err);
        Run rotated = tokenctl("org", "keys", "rotate", "acme");
        assertEquals(0, rotated.exit, rotated.err);
        assertEquals(0, tokenctlWithStdin(jwt, "auth", "verify").exit, "the old key still verifies until removed");
    }

    Run tokenctlWithStdin(String stdin, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(launcher.toString()));
        cmd.addAll(List.of(args));
        return exec(Map.of("HOME", home.toString(), "XDG_DATA_HOME", home.resolve("data").toString(),
                "XDG_CONFIG_HOME", home.resolve("config").toString()), stdin, cmd.toArray(String[]::new));
    }

    @Test
    void withTheDefaultPrefixTheStoreLivesAloneInAPrivateFolder() throws Exception {
        Path user = home.resolve("user");
        Files.createDirectories(user);
        Map<String, String> env = Map.of("HOME", user.toString());
        Run installed = exec(Map.of("HOME", user.toString()), null, "bash", "install.sh", "--skip-build");
        assertEquals(0, installed.exit, installed.out + installed.err);
        String launcher = user.resolve(".local/bin/tokenctl").toString();
        assertEquals(0, exec(env, null, launcher, "setup", "--username", "admin", "--org", "acme", "-q").exit);
        Path data = user.resolve(".local/share/tokenctl");
        assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(data)));
        try (var files = Files.list(data)) {
            assertTrue(files.allMatch(f -> f.getFileName().toString().startsWith("tokenctl.db")), "only the store");
        }
        assertTrue(Files.exists(user.resolve(".local/lib/tokenctl/tokenctl.jar")));
    }

    @Test
    void badInputIsOneLineWithTheDocumentedCodeAndNoStackTrace() throws Exception {
        assertEquals(0, tokenctl("setup", "--username", "admin", "--org", "acme").exit);
        Run r = tokenctl("auth", "create", "--read-buckets", "--expires", "30x");
        assertEquals(2, r.exit);
        assertEquals(1, r.err.strip().lines().count(), r.err);
        assertFalse(r.err.contains("at io.tokenctl"), r.err);
        Files.writeString(home.resolve("data/tokenctl/tokenctl.db"), "garbage".repeat(1000));
        Run corrupt = tokenctl("auth", "list");
        assertEquals(1, corrupt.exit);
        assertEquals(1, corrupt.err.strip().lines().count(), corrupt.err);
        assertTrue(corrupt.err.contains("tokenctl.db"), corrupt.err);
    }

    @Test
    void serveAnswersVerifiesWithBothCompilersUntilStoppedAndWritesTheUseOnItsWayOut() throws Exception {
        assertEquals(0, tokenctl("setup", "--username", "admin", "--org", "acme", "-q").exit);
        Run created = tokenctl("auth", "create", "--read-buckets", "--json");
        assertEquals(0, created.exit, created.err);
        com.fasterxml.jackson.databind.JsonNode token = Tokenctl.JSON.readTree(created.out);
        String secret = token.get("token").asText();

        Path err = home.resolve("serve.err");
        Process serve = startServe(Map.of(), err);
        try {
            String url = listeningUrl(serve);
            // the launcher gives a server the JVM's own compilers, not the CLI's start-up settings; it finds the
            // command word after the root options, so it must know every root option that takes a value
            String script = Files.readString(launcher);
            for (java.lang.reflect.Field f : io.tokenctl.cli.TokenctlCommand.class.getDeclaredFields()) {
                picocli.CommandLine.Option o = f.getAnnotation(picocli.CommandLine.Option.class);
                if (o != null && f.getType() != boolean.class) {
                    for (String name : o.names()) {
                        assertTrue(script.contains(name + "|") || script.contains("|" + name + ")"),
                                "the launcher's serve detection skips the value of " + name);
                    }
                }
            }
            String cmdline = Files.readString(Path.of("/proc/" + serve.pid() + "/cmdline")).replace('\0', ' ');
            assertTrue(cmdline.contains(" serve ") && !cmdline.contains("TieredStopAtLevel"), cmdline);

            java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
            java.net.http.HttpResponse<String> answer = client.send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(url + "/api/v2/verify"))
                    .timeout(java.time.Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("token=" + secret + "&require=read:buckets"))
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode(), answer.body());
            assertTrue(answer.body().startsWith("{\"active\":true,\"id\":\"" + token.get("id").asText()), answer.body());
        } finally {
            serve.destroy(); // SIGTERM, as a service manager stops it
            assertTrue(serve.waitFor(60, TimeUnit.SECONDS), "stopped in time");
        }
        String log = Files.readString(err);
        assertTrue(log.contains("tokenctl serve: stopped"), log);
        assertTrue(log.contains("tokenctl serve: POST /api/v2/verify 200"), "the request log's last lines: " + log);
        assertFalse(log.contains(secret), log);
        Run shown = tokenctl("auth", "show", token.get("id").asText(), "--json");
        assertEquals(1, Tokenctl.JSON.readTree(shown.out).get("useCount").asInt(), shown.out);
    }

    /** Starts the launcher's serve on a free loopback port, stderr to {@code err}. */
    Process startServe(Map<String, String> extraEnv, Path err) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(launcher.toString(), "serve", "--listen", "127.0.0.1:0");
        pb.environment().keySet().removeIf(k -> k.startsWith("TOKENCTL_") || k.startsWith("XDG_"));
        pb.environment().putAll(Map.of("HOME", home.toString(), "XDG_DATA_HOME", home.resolve("data").toString(),
                "XDG_CONFIG_HOME", home.resolve("config").toString()));
        pb.environment().putAll(extraEnv);
        return pb.redirectError(err.toFile()).start();
    }

    /** The URL from serve's first line, waited for at most a minute. */
    static String listeningUrl(Process serve) throws Exception {
        java.io.BufferedReader out = new java.io.BufferedReader(
                new java.io.InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
        String first = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).get(60, TimeUnit.SECONDS);
        assertTrue(first != null && first.startsWith("tokenctl serve: listening on http://127.0.0.1:"), first);
        return first.replaceAll(".*listening on (\\S+) .*", "$1");
    }

    @Test
    void serveOutlastsClientsThatSendTheirRequestsByTheDrop() throws Exception {
        assertEquals(0, tokenctl("setup", "--username", "admin", "--org", "acme", "-q").exit);
        Process serve = startServe(Map.of(), home.resolve("serve.err"));
        List<java.net.Socket> stalled = new ArrayList<>();
        try {
            java.net.URI url = java.net.URI.create(listeningUrl(serve));
            // more half-sent requests than the server has workers (4 on 2 cores)
            for (int i = 0; i < 12; i++) {
                java.net.Socket s = new java.net.Socket("127.0.0.1", url.getPort());
                s.getOutputStream().write("POST /api/v2/verify HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
                stalled.add(s);
            }
            // answered once the server cuts the stalled requests off (10 s); without that limit, never
            java.net.http.HttpResponse<String> health = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(url.resolve("/health")).timeout(java.time.Duration.ofSeconds(30))
                            .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode(), health.body());
        } finally {
            for (java.net.Socket s : stalled) {
                s.close();
            }
            serve.destroy();
            assertTrue(serve.waitFor(60, TimeUnit.SECONDS), "stopped in time");
        }
    }

    /** Issue 14: a destructive command asks at a terminal (a real pty, from script(1)) and refuses without one. */
    @Test
    void destructiveCommandsAskAtATerminalAndNeedYesWithoutOne() throws Exception {
        assertEquals(0, tokenctl("setup", "--username", "admin", "--org", "acme", "-q").exit);
        Run made = tokenctl("auth", "create", "--read-buckets", "--description", "ci writer", "--json");
        String id = new com.fasterxml.jackson.databind.ObjectMapper().readTree(made.out).get("id").asText();
        Run piped = tokenctl("auth", "delete", id);
        assertEquals(2, piped.exit, piped.err);
        assertTrue(piped.err.contains("add --yes"), piped.err);
        Map<String, String> env = Map.of("HOME", home.toString(), "XDG_DATA_HOME", home.resolve("data").toString(),
                "XDG_CONFIG_HOME", home.resolve("config").toString());
        assumeTrue(java.util.Arrays.stream(System.getenv("PATH").split(":"))
                .anyMatch(d -> Files.isExecutable(Path.of(d, "script"))), "no script(1) (util-linux) to make a pty");
        String line = launcher + " auth delete " + id;
        Run no = exec(env, "n\n", "script", "-qec", line, "/dev/null");
        assertEquals(1, no.exit, no.out + no.err);
        assertTrue(no.out.contains("Delete token " + id + " (ci writer, admin in acme)") && no.out.contains("[y/N]"), no.out);
        assertEquals(0, tokenctl("auth", "show", id).exit, "answered n: still there");
        Run yes = exec(env, "y\n", "script", "-qec", line, "/dev/null");
        assertEquals(0, yes.exit, yes.out + yes.err);
        assertEquals(5, tokenctl("auth", "show", id).exit, "answered y: gone");
    }

    @Test
    void helpAndVersionWork() throws Exception {
        Run help = tokenctl("--help");
        assertEquals(0, help.exit);
        assertTrue(help.out.contains("auth") && help.out.contains("setup"));
        Run create = tokenctl("auth", "create", "--help");
        assertTrue(create.out.contains("--read-buckets") && create.out.contains("--write-bucket=ID"), create.out);
        assertEquals(0, tokenctl("--version").exit);
    }

    @Test
    void theSharedConformanceTourPasses() throws Exception {
        Path tour = Path.of("").toAbsolutePath().getParent().resolve("shared/conformance/core-tour.sh");
        assumeTrue(Files.exists(tour), "no ../shared/conformance beside the checkout");
        Run r = exec(Map.of("TOKENCTL", launcher.toString(), "HOME", home.toString()), null, "bash", tour.toString());
        assertEquals(0, r.exit, r.out + r.err);
        assertTrue(r.out.contains(" 0 failed"), r.out);
    }

    @Test
    void thePrivateRuntimeStandsAsideOnceItsJdkIsUpdated() throws Exception {
        Path realJdk = Path.of(System.getProperty("java.home"));
        assumeTrue(Files.isExecutable(realJdk.resolve("bin/jlink")), "a JDK with jlink runs the tests");
        // a JDK install we can "update": wrappers around the real tools, and a release file of our own (its last
        // line without a newline, as a hand-edited one may be)
        Path jdk = home.resolve("jdk");
        Files.createDirectories(jdk.resolve("bin"));
        for (String tool : List.of("java", "jlink")) {
            Path wrapper = jdk.resolve("bin/" + tool);
            Files.writeString(wrapper, "#!/bin/sh\nexec '" + realJdk.resolve("bin/" + tool) + "' \"$@\"\n");
            wrapper.toFile().setExecutable(true);
        }
        Path release = jdk.resolve("release");
        Files.writeString(release, "JAVA_VERSION=\"17\"\nJAVA_RUNTIME_VERSION=\"17.0.99+1\"");
        // a prefix with a space in it
        Path user = home.resolve("user dir");
        Run installed = exec(Map.of("HOME", user.toString(), "JAVA_HOME", jdk.toString(), "PREFIX", user.toString()),
                null, "bash", "install.sh", "--skip-build");
        assertEquals(0, installed.exit, installed.out + installed.err);
        assertTrue(installed.out.contains("private runtime"), installed.out);
        assertFalse(installed.out.contains("no class-data archive"), installed.out);
        String runtime = user.resolve("lib/tokenctl/runtime").toString();

        assertEquals(runtime, javaHomeOf(user).home());
        assertEquals(0, exec(Map.of("HOME", user.toString(), "TOKENCTL_JAVA_OPTS", "-XX:TieredStopAtLevel=4"), null,
                user.resolve("bin/tokenctl").toString(), "--version").exit, "the JIT defaults give way to the user's");
        Files.writeString(release, "JAVA_VERSION=\"17\"\nJAVA_RUNTIME_VERSION=\"17.0.100+1\"\n");
        JavaHome updated = javaHomeOf(user);
        assertEquals(realJdk.toString(), updated.home(), "the updated JDK runs, not the stale copy");
        assertFalse(updated.err().contains("note:"), updated.err());
        Files.delete(release);
        JavaHome gone = javaHomeOf(user);
        assertEquals(runtime, gone.home(), "with its JDK gone, the private runtime is all there is");
        assertTrue(gone.err().contains("is gone") && gone.err().contains("run install.sh again"), gone.err());
    }

    @Test
    void aNewerJdkInstallsWithItsArchiveAndRunsWithoutWarnings() throws Exception {
        // any JDK 21+ installed beside the one running the tests (on this machine, Temurin 25)
        Path newer = null;
        try (var jdks = Files.list(Path.of("/usr/lib/jvm"))) {
            for (Path jdk : jdks.sorted().toList()) {
                Path release = jdk.resolve("release");
                if (Files.isExecutable(jdk.resolve("bin/jlink")) && Files.exists(release)) {
                    String v = Files.readString(release).lines().filter(l -> l.startsWith("JAVA_VERSION="))
                            .findFirst().orElse("").replaceAll("[^0-9.]", "");
                    if (!v.isEmpty() && Integer.parseInt(v.split("\\.")[0]) >= 21) {
                        newer = jdk;
                    }
                }
            }
        } catch (IOException e) {
            // no /usr/lib/jvm
        }
        assumeTrue(newer != null, "no JDK 21+ under /usr/lib/jvm");
        Path user = home.resolve("newer");
        Run installed = exec(Map.of("HOME", user.toString(), "JAVA_HOME", newer.toString(), "PREFIX", user.toString()),
                null, "bash", "install.sh", "--skip-build");
        assertEquals(0, installed.exit, installed.out + installed.err);
        assertFalse(installed.out.contains("no class-data archive"), installed.out);
        Map<String, String> env = Map.of("HOME", user.toString(), "XDG_DATA_HOME", user.resolve("data").toString(),
                "XDG_CONFIG_HOME", user.resolve("config").toString());
        String launcher = user.resolve("bin/tokenctl").toString();
        Run setup = exec(env, null, launcher, "setup", "--username", "admin", "--org", "acme", "-q");
        assertEquals(0, setup.exit, setup.err);
        Run list = exec(env, null, launcher, "auth", "list");
        assertEquals(0, list.exit, list.err);
        assertEquals("", list.err, "no JVM warnings on stderr");
    }

    record JavaHome(String home, String err) {
    }

    /** The java.home of the JVM the installed launcher under {@code prefix} starts, and what it printed on stderr. */
    private static JavaHome javaHomeOf(Path prefix) throws Exception {
        Run r = exec(Map.of("HOME", prefix.toString(), "TOKENCTL_JAVA_OPTS", "-XshowSettings:properties"), null,
                prefix.resolve("bin/tokenctl").toString(), "--version");
        assertEquals(0, r.exit, r.err);
        String home = r.err.lines().map(String::strip).filter(l -> l.startsWith("java.home = ")).findFirst()
                .map(l -> l.substring("java.home = ".length())).orElseThrow();
        return new JavaHome(home, r.err);
    }

    /** The same tour through a server as on the store file: every answer and exit code alike, ids and times aside. */
    @Test
    void theTourGivesTheSameAnswersThroughAServerAsOnTheStoreFile() throws Exception {
        List<String> local = tour(this::tokenctlWithStdin);
        Path server = home.resolve("server");
        Files.createDirectories(server);
        ProcessBuilder pb = new ProcessBuilder(launcher.toString(), "--store", server.resolve("served.db").toString(),
                "serve", "--listen", "127.0.0.1:0");
        pb.environment().keySet().removeIf(k -> k.startsWith("TOKENCTL_") || k.startsWith("XDG_"));
        pb.environment().put("HOME", server.toString());
        Process serve = pb.redirectError(server.resolve("serve.err").toFile()).start();
        try {
            String url = listeningUrl(serve);
            Path client = home.resolve("client");
            Map<String, String> env = Map.of("HOME", client.toString(), "XDG_DATA_HOME", client.resolve("data").toString(),
                    "XDG_CONFIG_HOME", client.resolve("config").toString());
            List<String> remote = tour((stdin, args) -> {
                List<String> cmd = new ArrayList<>(List.of(launcher.toString()));
                if (args[0].equals("setup")) {
                    cmd.addAll(List.of("--host", url));
                }
                cmd.addAll(List.of(args));
                return exec(env, stdin, cmd.toArray(String[]::new));
            });
            assertEquals(local, remote);
            Run profiles = exec(env, null, launcher.toString(), "config", "list", "--json");
            assertEquals(url, Tokenctl.JSON.readTree(profiles.out).get(0).get("host").asText(), "the profile keeps the host");
        } finally {
            serve.destroy();
            assertTrue(serve.waitFor(60, TimeUnit.SECONDS));
        }
        String log = Files.readString(server.resolve("serve.err"));
        assertTrue(log.contains("POST /api/v2/authorizations 201"), log);
        assertFalse(Tokenctl.SECRET.matcher(log).find(), "a secret in the server's log");
    }

    interface Cli {
        Run run(String stdin, String... args) throws Exception;
    }

    /** The README's tour, each answer with its exit code, ids, hashes, secrets, times and places made alike. */
    static List<String> tour(Cli cli) throws Exception {
        List<String> out = new ArrayList<>();
        java.util.function.Function<Run, String> norm = r -> r.exit + "\n" + normalize(r.out) + "\n" + normalize(r.err);
        out.add(norm.apply(cli.run(null, "setup", "--username", "admin", "--org", "acme")));
        Run created = cli.run(null, "auth", "create", "--read-buckets", "--write-bucket", "0a1b2c", "--expires", "30d",
                "--description", "CI writer", "--json");
        out.add(norm.apply(created));
        com.fasterxml.jackson.databind.JsonNode t = Tokenctl.JSON.readTree(created.out);
        String id = t.get("id").asText();
        String secret = t.get("token").asText();
        String[][] steps = {
            {"auth", "list"}, {"auth", "list", "--status", "active", "--limit", "50", "--json"}, {"auth", "show", id},
            {"auth", "update", id, "--description", "nightly export", "--expires", "90d"}, {"auth", "deactivate", id},
            {"auth", "activate", id}, {"auth", "clone", id, "--description", "copy for staging", "--json"},
            {"auth", "show", "nosuch"}, {"auth", "show", "a\nb"}, {"auth", "create"}, {"auth", "create", "--read-buckets",
                "--expires", "30x"}, {"user", "create", "bob", "--role", "read-only"},
            {"auth", "create", "--user", "bob", "--write-buckets"}, {"org", "create", "staging"}, {"org", "list"},
            {"user", "list", "--json"}, {"whoami"}, {"auth", "apps", id}, {"auth", "approve-app", id, "grafana"},
            {"auth", "regenerate", id, "--grace", "24h", "--json"}, {"auth", "retire", id}, {"auth", "activate", id},
            {"audit", "list"}, {"audit", "list", "--actor", "admin", "--json"}};
        for (String[] step : steps) {
            out.add(normalize(String.join(" ", step)) + " -> " + norm.apply(cli.run(null, step)));
        }
        out.add("verify -> " + norm.apply(cli.run(secret, "auth", "verify", "--require", "read:buckets")));
        out.add("verify --json, unknown -> " + norm.apply(cli.run("tctl_" + "0".repeat(36), "auth", "verify")));
        return out;
    }

    static String normalize(String text) {
        return text.replaceAll("tctl_[0-9A-Za-z]{36}", "<secret>").replaceAll("sha256:[0-9a-f]{16}", "<hash>")
                .replaceAll("[0-9a-f]{16}", "<id>")
                .replaceAll("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z", "<time>")
                .replaceAll("\"(exp|iat)\" : \\d+", "\"$1\" : <epoch>").replaceAll(" (in|on) \\S+\\.", " <where>.")
                .replaceAll("\\(/\\S+config\\)", "(<config>)").replaceAll(" +\n", "\n")
                .replaceAll("(?m)^(\\S+ +)+", "$0").replaceAll("  +", "  ");
    }
}
