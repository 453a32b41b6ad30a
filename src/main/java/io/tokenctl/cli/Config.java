package io.tokenctl.cli;

import io.tokenctl.api.TokenctlException;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Profiles in {@code $XDG_CONFIG_HOME/tokenctl/config} (0600): each has a store path or a host, and may hold an
 * operator token. A flag or environment variable overrides the active profile.
 */
public final class Config {
    public static final String DEFAULT_PROFILE = "default";

    /**
     * One named profile: a store or a host, an operator token, for a host the CA to trust, and the org commands
     * that make something in an org use when given none; null fields are unset.
     */
    public record Profile(String name, String store, String host, String token, String caCert, String org) {
        public Profile(String name, String store, String host, String token, String caCert) {
            this(name, store, host, token, caCert, null);
        }

        public Profile(String name, String store, String host, String token) {
            this(name, store, host, token, null, null);
        }
    }

    private final Path file;
    private final Properties props;

    private Config(Path file, Properties props) {
        this.file = file;
        this.props = props;
    }

    public static Config load(Path dir) {
        Path file = dir.resolve("config");
        Properties props = new Properties();
        if (Files.exists(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                props.load(r);
            } catch (IOException | IllegalArgumentException e) {
                throw TokenctlException.failure("cannot read config " + file + ": " + e.getMessage(), e);
            }
        }
        return new Config(file, props);
    }

    public Path file() {
        return file;
    }

    public String active() {
        return props.getProperty("active", DEFAULT_PROFILE);
    }

    public Profile profile(String name) {
        String p = "profile." + name + ".";
        if (!exists(name)) {
            return null;
        }
        return new Profile(name, props.getProperty(p + "store"), props.getProperty(p + "host"),
                props.getProperty(p + "token"), props.getProperty(p + "caCert"), props.getProperty(p + "org"));
    }

    public boolean exists(String name) {
        return props.getProperty("profile." + name + ".name") != null;
    }

    public Map<String, Profile> profiles() {
        Map<String, Profile> out = new TreeMap<>();
        for (String key : props.stringPropertyNames()) {
            if (key.startsWith("profile.") && key.endsWith(".name")) {
                String name = props.getProperty(key);
                out.put(name, profile(name));
            }
        }
        return out;
    }

    public void put(Profile profile) {
        String p = "profile." + profile.name() + ".";
        props.setProperty(p + "name", profile.name());
        set(p + "store", profile.store());
        set(p + "host", profile.host());
        set(p + "token", profile.token());
        set(p + "caCert", profile.caCert());
        set(p + "org", profile.org());
    }

    public void remove(String name) {
        props.stringPropertyNames().stream().filter(k -> k.startsWith("profile." + name + "."))
                .forEach(props::remove);
        if (name.equals(active())) {
            props.remove("active");
        }
    }

    public void use(String name) {
        props.setProperty("active", name);
    }

    private void set(String key, String value) {
        if (value == null) {
            props.remove(key);
        } else {
            props.setProperty(key, value);
        }
    }

    /** Writes the whole file atomically, owner-only: it may hold operator tokens. */
    public void save() {
        try {
            Path dir = file.getParent();
            if (!Files.exists(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            StringWriter text = new StringWriter();
            props.store(text, "tokenctl profiles; holds operator tokens: keep it 0600");
            Path tmp = Files.createTempFile(dir, ".config", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(tmp, text.toString(), StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw TokenctlException.failure("cannot write config " + file + ": " + e.getMessage(), e);
        }
    }
}
