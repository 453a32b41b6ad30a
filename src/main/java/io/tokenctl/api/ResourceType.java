package io.tokenctl.api;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Arrays;
import java.util.stream.Collectors;

/** InfluxDB v2 resource types; the wire name is what users type and what JSON carries. */
public enum ResourceType {
    AUTHORIZATIONS("authorizations"),
    BUCKETS("buckets"),
    DASHBOARDS("dashboards"),
    ORGS("orgs"),
    TASKS("tasks"),
    TELEGRAFS("telegrafs"),
    USERS("users"),
    VARIABLES("variables"),
    SECRETS("secrets"),
    LABELS("labels"),
    VIEWS("views"),
    DOCUMENTS("documents"),
    NOTIFICATION_RULES("notificationRules"),
    NOTIFICATION_ENDPOINTS("notificationEndpoints"),
    CHECKS("checks"),
    DBRP("dbrp"),
    ANNOTATIONS("annotations"),
    REMOTES("remotes"),
    REPLICATIONS("replications");

    private final String wire;

    ResourceType(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    /** Flag stem for "all resources of this type": {@code buckets} in {@code --read-buckets}. */
    public String pluralFlag() {
        return this == DBRP ? "dbrps" : wire;
    }

    /** Flag stem for "one resource by id": {@code bucket} in {@code --read-bucket ID}. */
    public String singularFlag() {
        return this == DBRP ? "dbrp" : wire.substring(0, wire.length() - 1);
    }

    @JsonCreator
    public static ResourceType fromWire(String text) {
        for (ResourceType t : values()) {
            if (t.wire.equals(text)) {
                return t;
            }
        }
        throw TokenctlException.usage("unknown resource type \"" + text + "\"; use one of " + names());
    }

    public static String names() {
        return Arrays.stream(values()).map(ResourceType::wire).collect(Collectors.joining(", "));
    }
}
