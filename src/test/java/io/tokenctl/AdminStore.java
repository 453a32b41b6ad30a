package io.tokenctl;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The world most stories start from: a fresh store set up with org acme and its admin, in a temp HOME. */
abstract class AdminStore {
    static final ObjectMapper JSON = Tokenctl.JSON;

    @TempDir
    Path dir;
    Tokenctl admin;

    @BeforeEach
    void setUpAdmin() {
        admin = new Tokenctl(dir);
        admin.setup();
    }

    /** Someone else on the same machine and store, acting with {@code secret}, at the admin's time. */
    Tokenctl as(String secret) {
        Tokenctl t = new Tokenctl(dir);
        t.clock.set(admin.clock.instant());
        t.env.put("TOKENCTL_TOKEN", secret);
        return t;
    }

    /** Org staging (made by the admin) with sam as its admin, holding all access there; returns sam. */
    Tokenctl sam() {
        admin.run("org", "create", "staging").expect(0);
        admin.run("user", "create", "sam", "--org", "staging", "--role", "admin").expect(0);
        return as(admin.create("--user", "sam", "--org", "staging", "--all-access"));
    }
}
