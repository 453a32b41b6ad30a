package io.tokenctl.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The numbered schema migrations, the same for every dialect: migration N is {@code migrations/VN__name.sql},
 * what SQLite and PostgreSQL agree on, then {@code migrations/<dialect>/VN__name.sql}, what they don't (triggers,
 * generated keys, PostgreSQL's change counter). Either part may be missing, and both for a dialect the change
 * does not touch (it only moves that store's version).
 */
final class Migrations {
    private static final List<String> NAMES = List.of("V1__init.sql", "V2__reach_and_standing.sql", "V3__usage_batches.sql",
            "V4__change_channel.sql",
            "V5__expiry_bound.sql");
    /** The schema version this build brings a store to. */
    static final int LATEST = NAMES.size();

    private Migrations() {
    }

    /** The scripts of migration {@code version} (from 1) for {@code dialect}, in the order they run. */
    static List<String> scripts(Dialect dialect, int version) {
        String name = NAMES.get(version - 1);
        List<String> out = new ArrayList<>(2);
        String common = resource("migrations/" + name);
        String own = resource("migrations/" + dialect.migrations + "/" + name);
        if (common == null && own == null && java.util.Arrays.stream(Dialect.values())
                .allMatch(d -> Migrations.class.getResource("migrations/" + d.migrations + "/" + name) == null)) {
            throw new IllegalStateException("missing migration " + name); // a name mistyped: no dialect has it
        }
        if (common != null) {
            out.add(common);
        }
        if (own != null) {
            out.add(own);
        }
        return out;
    }

    private static String resource(String path) {
        try (InputStream in = Migrations.class.getResourceAsStream(path)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read migration " + path, e);
        }
    }
}
