package io.tokenctl.api;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.Instant;

/**
 * The JSON shape of API values, shared by the CLI's {@code --json} and (later) the HTTP server. Field names are
 * stable: scripts rely on them. Written with jackson-core's streaming generator (no databind at start-up).
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
        if (!t.excludedOrgIDs().isEmpty()) {
            strings(g, "excludedOrgIDs", t.excludedOrgIDs());
        }
        g.writeArrayFieldStart("permissions");
        for (Permission p : t.permissions()) {
            g.writeStartObject();
            g.writeStringField("action", p.action().wire());
            g.writeObjectFieldStart("resource");
            g.writeStringField("type", p.type().wire());
            g.writeStringField("id", p.resourceId());
            g.writeStringField("orgID", t.orgID());
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeStringField("hash", t.hash());
        time(g, "createdAt", t.createdAt());
        time(g, "updatedAt", t.updatedAt());
        time(g, "expiresAt", t.expiresAt());
        if (t.retiredReason() != null) {
            g.writeStringField("retiredReason", t.retiredReason());
        }
        if (t.deactivatedBy() != null) {
            g.writeStringField("deactivatedBy", t.deactivatedBy());
            g.writeBooleanField("deactivatedAbove", t.deactivatedAbove());
        }
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
        g.writeEndObject();
    }

    /** RFC 7662-like: {@code active} always; what the token is when known; {@code reason} when inactive. */
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
            g.writeStringField("userID", v.userID());
            g.writeArrayFieldStart("orgIDs");
            for (String o : v.orgIDs()) {
                g.writeString(o);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("permissions");
            for (Permission p : v.permissions()) {
                g.writeString(p.toString());
            }
            g.writeEndArray();
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

    private static void strings(JsonGenerator g, String field, java.util.List<String> values) throws IOException {
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
