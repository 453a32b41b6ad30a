package io.tokenctl.cli;

import io.tokenctl.api.Action;
import io.tokenctl.api.Permission;
import io.tokenctl.api.ResourceType;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The influx-style permission flags, made from {@link ResourceType} so they can't drift from it: for each type
 * {@code --read-buckets} / {@code --write-buckets} (all of the type) and {@code --read-bucket ID} /
 * {@code --write-bucket ID} (one resource, repeatable).
 */
final class PermissionFlags {
    private PermissionFlags() {
    }

    static void addTo(CommandSpec spec) {
        for (ResourceType t : ResourceType.values()) {
            for (Action a : Action.values()) {
                spec.addOption(OptionSpec.builder(plural(a, t)).arity("0").type(boolean.class)
                        .description(capital(a) + " access to all " + t.wire()).build());
                spec.addOption(OptionSpec.builder(singular(a, t)).arity("1").paramLabel("ID")
                        .type(List.class).auxiliaryTypes(String.class)
                        .description(capital(a) + " access to one of the " + t.wire() + " by id (repeatable)").build());
            }
        }
    }

    /** The permissions the user asked for, in flag order of types. */
    static List<Permission> collect(CommandSpec spec) {
        List<Permission> out = new ArrayList<>();
        for (ResourceType t : ResourceType.values()) {
            for (Action a : Action.values()) {
                Boolean all = spec.findOption(plural(a, t)).getValue();
                if (Boolean.TRUE.equals(all)) {
                    out.add(Permission.all(a, t));
                }
                List<String> ids = spec.findOption(singular(a, t)).getValue();
                if (ids != null) {
                    for (String id : ids) {
                        out.add(new Permission(a, t, id));
                    }
                }
            }
        }
        return out;
    }

    static boolean any(CommandSpec spec) {
        return !collect(spec).isEmpty();
    }

    private static String plural(Action a, ResourceType t) {
        return "--" + a.wire() + "-" + t.pluralFlag();
    }

    private static String singular(Action a, ResourceType t) {
        return "--" + a.wire() + "-" + t.singularFlag();
    }

    private static String capital(Action a) {
        return a == Action.READ ? "Read" : "Write";
    }
}
