package io.tokenctl.cli;

import java.io.InputStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;

/** What a run of tokenctl gets from outside: environment, clock, randomness and stdin. Tests pin all four. */
public record Context(Map<String, String> env, Clock clock, SecureRandom random, InputStream stdin) {

    public static Context system() {
        return new Context(System.getenv(), Clock.systemUTC(), new SecureRandom(), System.in);
    }

    public String env(String name) {
        String v = env.get(name);
        return v == null || v.isEmpty() ? null : v;
    }

    private Path home() {
        String home = env("HOME");
        return Path.of(home != null ? home : System.getProperty("user.home"));
    }

    /** {@code $XDG_DATA_HOME/tokenctl}, by default {@code ~/.local/share/tokenctl}. */
    public Path dataDir() {
        String xdg = env("XDG_DATA_HOME");
        return (xdg != null ? Path.of(xdg) : home().resolve(".local/share")).resolve("tokenctl");
    }

    /** {@code $XDG_CONFIG_HOME/tokenctl}, by default {@code ~/.config/tokenctl}. */
    public Path configDir() {
        String xdg = env("XDG_CONFIG_HOME");
        return (xdg != null ? Path.of(xdg) : home().resolve(".config")).resolve("tokenctl");
    }

    public Path defaultStore() {
        return dataDir().resolve("tokenctl.db");
    }
}
