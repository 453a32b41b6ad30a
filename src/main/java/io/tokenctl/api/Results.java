package io.tokenctl.api;

import java.util.List;

/** The result values the API returns. */
public final class Results {
    private Results() {
    }

    /** What setup made; {@code token} carries the operator secret, shown once. */
    public record SetupResult(String orgID, String org, String userID, String user, CreatedToken token) {
    }

    /** How far a listing counts its whole length for "showing 100 of N": past this, the total is not told. */
    public static final int COUNT_AT_MOST = 10_000;

    /**
     * One page of tokens; {@code next} is the id to pass as {@code after} for the next page, or null at the end;
     * {@code total}, how many the whole listing holds from its start, or null when it is over
     * {@link #COUNT_AT_MOST} (or not told).
     */
    public record TokenPage(List<Token> tokens, String next, Long total) {
        public TokenPage {
            tokens = List.copyOf(tokens);
        }

        public TokenPage(List<Token> tokens, String next) {
            this(tokens, next, null);
        }
    }

    /** A user's membership in one org. */
    public record Member(String userID, String user, String orgID, String org, Role role) {
    }

    /** An org and, for the caller, its role there. */
    public record Org(String id, String name, Role role) {
    }

    /** What deleting a user did: the memberships removed and the tokens retired with it. */
    public record UserDeleted(String userID, String user, List<String> orgs, List<String> retiredTokenIDs) {
    }

    /** One audit event: a change or a refused attempt. Never a secret, never a full hash. */
    public record AuditEvent(
            long seq,
            java.time.Instant at,
            String actorTokenID,
            String actorUser,
            String orgID,
            String action,
            String target,
            String outcome,
            String reason) {
    }

    /** One page of audit events; {@code next} is the seq to pass as {@code after}, or null at the end; {@code total} as for tokens. */
    public record AuditPage(List<AuditEvent> events, Long next, Long total) {
        public AuditPage {
            events = List.copyOf(events);
        }

        public AuditPage(List<AuditEvent> events, Long next) {
            this(events, next, null);
        }
    }

    /**
     * The answer to a verify, shaped like RFC 7662 introspection: {@code active} and, for a known token, what it
     * is. {@code code} is null when active, else why not (unauthenticated or forbidden); {@code reason} says it
     * in words; {@code app} is the app the use was by, if it named one. Times are whole seconds, as RFC 7662
     * carries them. Never the secret.
     */
    public record Verification(
            boolean active,
            ErrorCode code,
            String reason,
            String id,
            TokenKind kind,
            String userID,
            List<String> orgIDs,
            List<Permission> permissions,
            java.time.Instant exp,
            java.time.Instant iat,
            String app) {

        public Verification {
            orgIDs = List.copyOf(orgIDs);
            permissions = List.copyOf(permissions);
            exp = exp == null ? null : exp.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            iat = iat == null ? null : iat.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        }

        public static Verification refused(ErrorCode code, String reason, String id) {
            return new Verification(false, code, reason, id, null, null, List.of(), List.of(), null, null, null);
        }

    }

    /**
     * Who the caller is: its token, that token's owner (none for an account token) and home org, the orgs it works
     * in with the role it acts with in each, and its permissions. {@code id} and {@code name} are the user's, as
     * InfluxDB's {@code /api/v2/me} answers them.
     */
    public record Me(
            String id,
            String name,
            String tokenID,
            TokenKind kind,
            String orgID,
            String org,
            List<Org> orgs,
            List<Permission> permissions,
            java.time.Instant expiresAt) {
        public Me {
            orgs = List.copyOf(orgs);
            permissions = List.copyOf(permissions);
        }
    }

    /** Every failure as the wire carries it, from the CLI's --json and from the server alike: InfluxDB's shape. */
    public record ErrorBody(String code, String message) {
    }

    /** An app seen using a token, its state, and when. */
    public record AppUse(String app, AppState state, java.time.Instant firstSeen, java.time.Instant lastSeen) {
    }

    /**
     * One public signing key of an org, as a JWK (RFC 7517; Ed25519 per RFC 8037), with the org and the time it
     * was made as members of its own (a JWKS reader ignores them).
     */
    @com.fasterxml.jackson.annotation.JsonPropertyOrder({"kty", "crv", "alg", "use", "kid", "x", "orgID", "createdAt"})
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(value = {"kty", "crv", "alg", "use"}, allowGetters = true)
    public record SigningKey(String kid, String orgID, String x, java.time.Instant createdAt) {
        @com.fasterxml.jackson.annotation.JsonProperty("kty")
        String kty() {
            return "OKP";
        }

        @com.fasterxml.jackson.annotation.JsonProperty("crv")
        String crv() {
            return "Ed25519";
        }

        @com.fasterxml.jackson.annotation.JsonProperty("alg")
        String alg() {
            return "EdDSA";
        }

        @com.fasterxml.jackson.annotation.JsonProperty("use")
        String use() {
            return "sig";
        }
    }
}
