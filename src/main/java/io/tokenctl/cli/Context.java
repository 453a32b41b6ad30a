package io.tokenctl.cli;

import java.io.InputStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a run of tokenctl gets from outside: environment, clock, randomness and stdin, and the factory of what
 * its commands talk to. Tests pin them all. Randomness is made on first use: seeding the system's generator
 * costs a cold start several milliseconds that commands which only read never need to pay.
 */
public record Context(Map<String, String> env, Clock clock, Supplier<SecureRandom> random, InputStream stdin,
        ServiceFactory services, Prompter prompter) {

    public Context(Map<String, String> env, Clock clock, Supplier<SecureRandom> random, InputStream stdin,
            ServiceFactory services) {
        this(env, clock, random, stdin, services, Prompter.NONE);
    }

    public Context(Map<String, String> env, Clock clock, Supplier<SecureRandom> random, InputStream stdin) {
        this(env, clock, random, stdin, new LocalOrRemote(clock, random));
    }

    public Context(Map<String, String> env, Clock clock, SecureRandom random, InputStream stdin) {
        this(env, clock, () -> random, stdin);
    }

    public static Context system() {
        Supplier<SecureRandom> random = new OnFirstUse();
        Clock clock = Clock.systemUTC();
        return new Context(System.getenv(), clock, random, System.in, new LocalOrRemote(clock, random), Prompter.system());
    }

    /** The same run with another factory of services (a test's fake, say). */
    public Context withServices(ServiceFactory factory) {
        return new Context(env, clock, random, stdin, factory, prompter);
    }

    /** The same run with someone (or no one) at the terminal. */
    public Context withPrompter(Prompter p) {
        return new Context(env, clock, random, stdin, services, p);
    }

    /** One system generator, made when first asked for. */
    private static final class OnFirstUse implements Supplier<SecureRandom> {
        private SecureRandom random;

        @Override
        public synchronized SecureRandom get() {
            if (random == null) {
                random = new SecureRandom();
            }
            return random;
        }
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
