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
}
