package io.tokenctl.api;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.Instant;

/**
 * The CLI's {@code --json}: the wire format of {@link Json}, written with jackson-core's streaming generator,
 * because building a databind mapper costs a cold start about 120 ms (bench/README.md). Each shape here is the
 * one databind writes for the same record (WireFormatTest holds the two together); the irregular ones (a
 * permission, a verify answer) are written only here, and databind calls these writers too. Field names are
 * stable: scripts rely on them.
 */
public final class ApiJson {
    private ApiJson() {
    }

    public static void writeToken(JsonGenerator g, Token t, String secret) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", t.id());
        if (secret != null) {
            g.writeStringField("token", secret);
        }
        g.writeStringField("description", t.description());
        g.writeStringField("kind", t.kind().wire());
        g.writeStringField("status", t.status().wire());
        g.writeStringField("userID", t.userID());
        g.writeStringField("user", t.user());
        g.writeStringField("orgID", t.orgID());
        g.writeStringField("org", t.org());
        g.writeBooleanField("allOrgs", t.allOrgs());
        strings(g, "orgIDs", t.orgIDs());
        g.writeArrayFieldStart("permissions");
        for (Permission p : t.permissions()) {
            writePermission(g, p, t.orgID());
        }
        g.writeEndArray();
        g.writeStringField("hash", t.hash());
        time(g, "createdAt", t.createdAt());
        time(g, "updatedAt", t.updatedAt());
        time(g, "expiresAt", t.expiresAt());
        g.writeStringField("retiredReason", t.retiredReason());
        g.writeStringField("format", t.format().wire());
        g.writeStringField("appDefault", t.appDefault().wire());
        g.writeArrayFieldStart("allowIPs");
        for (String c : t.allowIPs()) {
            g.writeString(c);
        }
        g.writeEndArray();
        g.writeBooleanField("revokeOnReuse", t.revokeOnReuse());
        g.writeNumberField("useCount", t.useCount());
        time(g, "lastUsedAt", t.lastUsedAt());
        g.writeStringField("lastUsedIP", t.lastUsedIP());
        g.writeStringField("lastUsedApp", t.lastUsedApp());
        strings(g, "excludedOrgIDs", t.excludedOrgIDs());
        g.writeStringField("deactivatedBy", t.deactivatedBy());
        g.writeBooleanField("deactivatedAbove", t.deactivatedAbove());
        g.writeEndObject();
    }

    /** InfluxDB's shape: {@code {"action", "resource": {"type", "id", "orgID"}}}; orgID is the token's org, if any. */
    public static void writePermission(JsonGenerator g, Permission p, String orgID) throws IOException {
        g.writeStartObject();
        g.writeStringField("action", p.action().wire());
        g.writeObjectFieldStart("resource");
        g.writeStringField("type", p.type().wire());
        g.writeStringField("id", p.resourceId());
        g.writeStringField("orgID", orgID);
        g.writeEndObject();
        g.writeEndObject();
    }

    /**
     * RFC 7662 introspection: {@code active} always; for an active token what it is, with {@code exp} and
     * {@code iat} as numbers and {@code scope} as space-separated text beside {@code permissions} (as Spring
     * Security and Nimbus read them), {@code sub} its owner and {@code client_id} the app that used it; for an
     * inactive one {@code error} (RFC 6750's invalid_token or insufficient_scope) and {@code reason}.
     */
    public static void writeVerification(JsonGenerator g, Results.Verification v) throws IOException {
        g.writeStartObject();
        g.writeBooleanField("active", v.active());
        if (v.id() != null) {
            g.writeStringField("id", v.id());
        }
        if (v.active()) {
            if (v.kind() != null) {
                g.writeStringField("kind", v.kind().wire());
            }
            if (v.userID() != null) {
                g.writeStringField("sub", v.userID());
            }
            g.writeStringField("userID", v.userID());
            strings(g, "orgIDs", v.orgIDs());
            String org = v.orgIDs().isEmpty() ? null : v.orgIDs().get(0);
            g.writeArrayFieldStart("permissions");
            StringBuilder scope = new StringBuilder();
            for (Permission p : v.permissions()) {
                writePermission(g, p, org);
                scope.append(scope.length() == 0 ? "" : " ").append(p);
            }
            g.writeEndArray();
            g.writeStringField("scope", scope.toString());
            if (v.app() != null) {
                g.writeStringField("client_id", v.app());
            }
            if (v.exp() != null) {
                g.writeNumberField("exp", v.exp().getEpochSecond());
            }
            if (v.iat() != null) {
                g.writeNumberField("iat", v.iat().getEpochSecond());
            }
        } else {
            g.writeStringField("error", v.code() == ErrorCode.FORBIDDEN ? "insufficient_scope" : "invalid_token");
            g.writeStringField("reason", v.reason());
        }
        g.writeEndObject();
    }

    /** Every failure: {@code {"code", "message"}}, InfluxDB's error body, the same on stderr and over HTTP. */
    public static void writeError(JsonGenerator g, Results.ErrorBody e) throws IOException {
        g.writeStartObject();
        g.writeStringField("code", e.code());
        g.writeStringField("message", e.message());
        g.writeEndObject();
    }

    public static void writeMe(JsonGenerator g, Results.Me me) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", me.id());
        g.writeStringField("name", me.name());
        g.writeStringField("tokenID", me.tokenID());
        g.writeStringField("kind", me.kind().wire());
        g.writeStringField("orgID", me.orgID());
        g.writeStringField("org", me.org());
        g.writeArrayFieldStart("orgs");
        for (Results.Org o : me.orgs()) {
            writeOrg(g, o);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("permissions");
        for (Permission p : me.permissions()) {
            writePermission(g, p, me.orgID());
        }
        g.writeEndArray();
        time(g, "expiresAt", me.expiresAt());
        g.writeEndObject();
    }

    public static void writeAppUse(JsonGenerator g, Results.AppUse a) throws IOException {
        g.writeStartObject();
        g.writeStringField("app", a.app());
        g.writeStringField("state", a.state().wire());
        time(g, "firstSeen", a.firstSeen());
        time(g, "lastSeen", a.lastSeen());
        g.writeEndObject();
    }

    /** An org's public keys as a JWKS document (RFC 7517; Ed25519 keys per RFC 8037). */
    public static void writeJwks(JsonGenerator g, java.util.List<Results.SigningKey> keys) throws IOException {
        g.writeStartObject();
        g.writeArrayFieldStart("keys");
        for (Results.SigningKey k : keys) {
            g.writeStartObject();
            g.writeStringField("kty", "OKP");
            g.writeStringField("crv", "Ed25519");
            g.writeStringField("alg", "EdDSA");
            g.writeStringField("use", "sig");
            g.writeStringField("kid", k.kid());
            g.writeStringField("x", k.x());
            g.writeStringField("orgID", k.orgID());
            time(g, "createdAt", k.createdAt());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    public static void writeAuditEvent(JsonGenerator g, Results.AuditEvent e) throws IOException {
        g.writeStartObject();
        g.writeNumberField("seq", e.seq());
        time(g, "at", e.at());
        g.writeStringField("actorTokenID", e.actorTokenID());
        g.writeStringField("actorUser", e.actorUser());
        g.writeStringField("orgID", e.orgID());
        g.writeStringField("action", e.action());
        g.writeStringField("target", e.target());
        g.writeStringField("outcome", e.outcome());
        g.writeStringField("reason", e.reason());
        g.writeEndObject();
    }

    public static void writeMember(JsonGenerator g, Results.Member m) throws IOException {
        g.writeStartObject();
        g.writeStringField("userID", m.userID());
        g.writeStringField("user", m.user());
        g.writeStringField("orgID", m.orgID());
        g.writeStringField("org", m.org());
        g.writeStringField("role", m.role().wire());
        g.writeEndObject();
    }

    public static void writeUserDeleted(JsonGenerator g, Results.UserDeleted d) throws IOException {
        g.writeStartObject();
        g.writeStringField("userID", d.userID());
        g.writeStringField("user", d.user());
        strings(g, "orgs", d.orgs());
        strings(g, "retiredTokenIDs", d.retiredTokenIDs());
        g.writeEndObject();
    }

    static void strings(JsonGenerator g, String field, java.util.List<String> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    public static void writeOrg(JsonGenerator g, Results.Org o) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", o.id());
        g.writeStringField("name", o.name());
        g.writeStringField("role", o.role() == null ? null : o.role().wire());
        g.writeEndObject();
    }

    public static void time(JsonGenerator g, String field, Instant at) throws IOException {
        g.writeStringField(field, at == null ? null : at.toString());
    }
}
