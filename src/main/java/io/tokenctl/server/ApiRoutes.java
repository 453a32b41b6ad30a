package io.tokenctl.server;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.tokenctl.api.Action;
import io.tokenctl.api.AppState;
import io.tokenctl.api.Build;
import io.tokenctl.api.Cidr;
import io.tokenctl.api.Durations;
import io.tokenctl.api.ErrorCode;
import io.tokenctl.api.Expiry;
import io.tokenctl.api.Limits;
import io.tokenctl.api.Permission;
import io.tokenctl.api.Requests;
import io.tokenctl.api.Requests.CloneToken;
import io.tokenctl.api.Requests.CreateToken;
import io.tokenctl.api.Requests.CreateUser;
import io.tokenctl.api.Requests.DeleteUser;
import io.tokenctl.api.Requests.FindSecret;
import io.tokenctl.api.Requests.ListAudit;
import io.tokenctl.api.Requests.ListTokens;
import io.tokenctl.api.Requests.ListUsers;
import io.tokenctl.api.Requests.Regenerate;
import io.tokenctl.api.Requests.SetAppState;
import io.tokenctl.api.Requests.Setup;
import io.tokenctl.api.Requests.UpdateToken;
import io.tokenctl.api.Requests.Verify;
import io.tokenctl.api.ResourceType;
import io.tokenctl.api.Results.AuditPage;
import io.tokenctl.api.Results.TokenPage;
import io.tokenctl.api.Results.Verification;
import io.tokenctl.api.ServedStore;
import io.tokenctl.api.TokenFormat;
import io.tokenctl.api.TokenService;
import io.tokenctl.api.TokenStatus;
import io.tokenctl.api.TokenctlException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The routes of {@code tokenctl serve}, each thin: read the request into an api/ record, call the API as the
 * caller, write the answer. Shaped like InfluxDB's {@code /api/v2} where it has the operation (its clients work
 * against it), ours where it lacks one; every CLI command has its route, so none is local-only.
 */
final class ApiRoutes {
    private static final List<Integer> READ = List.of(200, 400, 401, 403, 404);
    private static final List<Integer> MADE = List.of(201, 400, 401, 403, 404, 409);
    private static final List<Integer> CHANGED = List.of(200, 400, 401, 403, 404, 409);
    private static final List<Integer> GONE = List.of(204, 400, 401, 403, 404);

    private ApiRoutes() {
    }

    /**
     * POST /api/v2/authorizations: InfluxDB's body ({@code orgID}, {@code userID}) or ours; InfluxDB's names only
     * map onto ours here. A permission's {@code resource.orgID} is not read: a token's permissions hold in each org
     * it reaches, which the body's orgs say.
     */
    @JsonIgnoreProperties({"id", "token", "createdAt", "updatedAt", "links", "org"})
    record AuthorizationBody(String description, String user, String userID,
            @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> orgs, String orgID,
            boolean allOrgs, boolean account, boolean allAccess, List<Permission> permissions, Expiry expires,
            TokenFormat format, AppState appDefault, List<String> allowIPs, TokenStatus status) {
        CreateToken request() {
            List<String> scope = orgs != null ? orgs : orgID != null ? List.of(orgID) : List.of();
            return new CreateToken(description, user != null ? user : userID, scope, allOrgs, account, allAccess,
                    permissions, expires, format, appDefault, allowIPs, status);
        }
    }

    /** PATCH /api/v2/authorizations/{id}: InfluxDB's {@code status} and {@code description}, and ours. */
    @JsonIgnoreProperties({"id"})
    record PatchBody(String description, TokenStatus status, Expiry expires, Instant expiresAt, String owner,
            String userID) {
        UpdateToken request(String id) {
            if (expires != null && expiresAt != null) {
                throw TokenctlException.usage("expires and expiresAt exclude each other; give one");
            }
            Expiry expiry = expiresAt != null ? new Expiry(null, expiresAt) : expires;
            return new UpdateToken(id, description, expiry, owner != null ? owner : userID, status);
        }
    }

    @JsonIgnoreProperties({"id"})
    record RegenerateBody(Duration grace, Instant oldExpiresAt, boolean revokeOnReuse) {
    }

    @JsonIgnoreProperties({"id"})
    record CloneBody(String description, List<Permission> permissions, boolean allAccess) {
    }

    @JsonIgnoreProperties({"id"})
    record RevokeOrgBody(String org) {
    }

    @JsonIgnoreProperties({"id", "app"})
    record AppBody(AppState state) {
    }

    record OrgBody(String name) {
    }

    static final String VERIFY = "/api/v2/verify";
    static final String AUTHZ = "/api/v2/authz";

    static Routes of(ServedStore store, ServeOptions options, Metrics metrics) {
        Routes r = new Routes();
        r.add("GET", "/health", "Whether the server and its store answer", false, List.of(200, 503),
                ex -> {
                    boolean ok = store.problem() == null;
                    ex.json(ok ? 200 : 503, health(ok));
                });
        r.add("GET", "/metrics", "Prometheus metrics: requests, verify outcomes and latency, cache, connections", false,
                List.of(200), ex -> ex.send(200, "text/plain; version=0.0.4; charset=utf-8",
                        metrics.render(store.stats())));
        r.add("GET", "/api/v2/openapi.json", "This document: every route the server answers", false, List.of(200),
                ex -> ex.send(200, OpenApi.document(r)));
        r.add("POST", "/api/v2/setup", "Set up a new store: first org, admin and operator token (once)", true, MADE,
                ex -> ex.json(201, ex.as(null).setup(ex.body(Setup.class))));

        // tokens ("authorizations", as InfluxDB calls them)
        r.add("GET", "/api/v2/authorizations", "List tokens (filters userID, user, orgID, org, status, limit, after)",
                false, READ, ApiRoutes::listTokens);
        r.add("POST", "/api/v2/authorizations", "Create a token; the answer holds its secret, once", true, MADE,
                ex -> ex.json(201, ex.api().create(ex.body(AuthorizationBody.class).request())));
        r.add("GET", "/api/v2/authorizations/{id}", "Show a token (never its secret)", false, READ,
                ex -> ex.json(200, ex.api().show(ex.path("id"))));
        r.add("PATCH", "/api/v2/authorizations/{id}", "Change a token's status, description, expiry or owner", true,
                CHANGED, ex -> ex.json(200, ex.api().update(ex.body(PatchBody.class).request(ex.path("id")))));
        r.add("DELETE", "/api/v2/authorizations/{id}", "Delete a token and its history", false, GONE, ex -> {
            ex.api().delete(ex.path("id"));
            ex.noContent();
        });
        r.add("POST", "/api/v2/authorizations/{id}/retire", "Retire a token for good", false, CHANGED,
                ex -> ex.json(200, ex.api().retire(ex.path("id"))));
        r.add("POST", "/api/v2/authorizations/{id}/promote", "Make a user token an account token (no way back)",
                false, CHANGED, ex -> ex.json(200, ex.api().promote(ex.path("id"))));
        r.add("POST", "/api/v2/authorizations/{id}/regenerate", "A new secret for the same token; the answer holds it",
                true, MADE, ex -> {
                    RegenerateBody b = ex.body(RegenerateBody.class);
                    ex.json(201, ex.api().regenerate(new Regenerate(ex.path("id"), b.grace(), b.oldExpiresAt(),
                            b.revokeOnReuse())));
                });
        r.add("POST", "/api/v2/authorizations/{id}/clone", "A new token like this one, or narrower; the answer holds"
                + " its secret", true, MADE, ex -> {
                    CloneBody b = ex.body(CloneBody.class);
                    ex.json(201, ex.api().cloneToken(new CloneToken(ex.path("id"), b.description(), b.permissions(),
                            b.allAccess())));
                });
        r.add("POST", "/api/v2/authorizations/{id}/revoke-org", "Cut one org out of a token's reach", true, CHANGED,
                ex -> ex.json(200, ex.api().revokeOrg(new Requests.RevokeOrg(ex.path("id"),
                        ex.body(RevokeOrgBody.class).org()))));
        r.add("GET", "/api/v2/authorizations/{id}/apps", "The apps that used a token", false, READ,
                ex -> ex.json(200, Map.of("apps", ex.api().apps(ex.path("id")))));
        r.add("PUT", "/api/v2/authorizations/{id}/apps/{app}", "Allow or deny an app the use of a token", true, CHANGED,
                ex -> ex.json(200, ex.api().setAppState(new SetAppState(ex.path("id"), ex.path("app"),
                        ex.body(AppBody.class).state()))));
        r.add("POST", "/api/v2/authorizations/find", "Which token a secret (in the body) belongs to", true, READ,
                ex -> ex.json(200, ex.api().find(ex.body(FindSecret.class))));
        r.add("POST", "/api/v2/authorizations/retire-by-secret", "Retire the token a leaked secret (in the body)"
                + " belongs to", true, CHANGED, ex -> ex.json(200, ex.api().retireBySecret(ex.body(FindSecret.class))));

        // people, orgs, audit, keys
        r.add("GET", "/api/v2/me", "Who the presented token is: 200, or 401 (a reverse proxy's forward auth)", false,
                List.of(200, 401, 403), ex -> ex.json(200, ex.api().me()));
        r.add("GET", "/api/v2/users", "Users of the caller's orgs (filter org)", false, READ,
                ex -> ex.json(200, Map.of("users", ex.api().listUsers(new ListUsers(ex.query("org"))))));
        r.add("POST", "/api/v2/users", "Add a user to an org with a role", true, MADE,
                ex -> ex.json(201, ex.api().createUser(ex.body(CreateUser.class))));
        r.add("DELETE", "/api/v2/users/{id}", "Delete a user (their user tokens retire), or with org only the"
                + " membership", false, List.of(200, 400, 401, 403, 404, 409),
                ex -> ex.json(200, ex.api().deleteUser(new DeleteUser(ex.path("id"), ex.query("org")))));
        r.add("GET", "/api/v2/orgs", "The caller's orgs, with its role in each", false, READ,
                ex -> ex.json(200, Map.of("orgs", ex.api().listOrgs())));
        r.add("POST", "/api/v2/orgs", "Create an org; the caller becomes its admin", true, MADE,
                ex -> ex.json(201, ex.api().createOrg(ex.body(OrgBody.class).name())));
        r.add("GET", "/api/v2/orgs/{org}/keys", "An org's public signing keys, as a JWKS", false, READ,
                ex -> ex.json(200, Map.of("keys", ex.api().orgKeys(ex.path("org")))));
        r.add("POST", "/api/v2/orgs/{org}/keys", "Add a new signing key to an org", false, MADE,
                ex -> ex.json(201, ex.api().rotateOrgKey(ex.path("org"))));
        r.add("DELETE", "/api/v2/orgs/{org}/keys/{kid}", "Remove a signing key: JWTs it signed stop verifying", false,
                GONE, ex -> {
                    ex.api().removeOrgKey(ex.path("org"), ex.path("kid"));
                    ex.noContent();
                });
        r.add("GET", "/api/v2/audit", "The audit log (filters since, actor, target, limit, after)", false, READ,
                ApiRoutes::audit);

        // verification for other software
        r.add("POST", VERIFY, "RFC 7662 introspection of a presented token (form or JSON)", true,
                List.of(200, 400, 401, 413, 415), ex -> verify(ex, options));
        r.add("GET", AUTHZ, "Forward auth: 204 if the Authorization header's token may make this use,"
                + " else 401 or 403", false, List.of(204, 401, 403), ex -> authz(ex, options));
        return r;
    }

    /** InfluxDB's health body; why the store fails is for the server's log, not for whoever asks. */
    private static Map<String, Object> health(boolean ok) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("name", "tokenctl");
        h.put("message", ok ? "ready for requests" : "the store is unavailable; see the server's log");
        h.put("status", ok ? "pass" : "fail");
        h.put("version", Build.version());
        return h;
    }

    private static void listTokens(Exchange ex) {
        String user = ex.query("user") != null ? ex.query("user") : ex.query("userID");
        String org = ex.query("org") != null ? ex.query("org") : ex.query("orgID");
        String status = ex.query("status");
        String within = ex.query("expiringWithin");
        TokenPage page = ex.api().list(new ListTokens(user, org, status == null ? null : TokenStatus.fromWire(status),
                within == null ? null : Durations.parse("expiringWithin", within), ex.queryInt("limit"),
                ex.query("after")));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("links", links(ex, "/api/v2/authorizations", page.next()));
        out.put("authorizations", page.tokens());
        out.put("next", page.next());
        out.put("total", page.total());
        ex.json(200, out);
    }

    private static void audit(Exchange ex) {
        String since = ex.query("since");
        Instant at = since == null ? null : Expiry.parseTime(since);
        if (since != null && at == null) {
            throw TokenctlException.usage("since: " + Limits.quoted(since) + " is not an ISO-8601 time");
        }
        String after = ex.query("after");
        Long seq;
        try {
            seq = after == null ? null : Long.valueOf(after);
        } catch (NumberFormatException e) {
            throw TokenctlException.usage("after: " + Limits.quoted(after) + " is not an event number");
        }
        String reverse = ex.query("reverse");
        if (reverse != null && !reverse.equals("true") && !reverse.equals("false")) {
            throw TokenctlException.usage("reverse: " + Limits.quoted(reverse) + " is not true or false");
        }
        AuditPage page = ex.api().audit(new ListAudit(at, ex.query("actor"), ex.query("target"), ex.queryInt("limit"),
                seq, "true".equals(reverse)));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("links", links(ex, "/api/v2/audit", page.next() == null ? null : page.next().toString()));
        out.put("events", page.events());
        out.put("next", page.next());
        out.put("total", page.total());
        ex.json(200, out);
    }

    /** InfluxDB's links: this page, and the next one with the same filters. */
    private static Map<String, String> links(Exchange ex, String path, String next) {
        String query = ex.request.getHttpURI().getQuery();
        StringBuilder kept = new StringBuilder();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (!pair.isEmpty() && !pair.startsWith("after=")) {
                    kept.append(kept.length() == 0 ? "" : "&").append(pair);
                }
            }
        }
        Map<String, String> links = new LinkedHashMap<>();
        links.put("self", path + (query == null ? "" : "?" + query));
        if (next != null) {
            links.put("next", path + "?" + kept + (kept.length() == 0 ? "" : "&") + "after="
                    + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8));
        }
        return links;
    }

    /**
     * RFC 7662: the token in a form or JSON body; the caller's own credential, if any, as Basic (the token as the
     * password) or Bearer. A decided verify is 200, active or not.
     */
    private static void verify(Exchange ex, ServeOptions options) {
        if (ex.request.getHttpURI().getQuery() != null) {
            // a token in a URL ends up in proxies' and servers' access logs: refuse the whole request
            throw TokenctlException.usage("query parameters are not accepted; send values in the request body");
        }
        Verify request = VerifyBody.parse(ex.header("Content-Type"), ex.bytes());
        String caller = ex.credential(true);
        TokenService view = ex.as(caller == null || caller.isBlank() ? null : caller);
        if (options.introspectionAuthRequired()) {
            // the caller's own token must be good, or the request is refused as unauthenticated
            if (caller == null || caller.isBlank()) {
                throw TokenctlException.unauthenticated("this server verifies only for callers that present their own"
                        + " token (Authorization: Bearer, or Basic with the token as the password)");
            }
            view.me();
        }
        // otherwise a caller whose own token fails is answered as an anonymous one, as a local verify is
        Verification v = view.verify(request);
        ex.outcome(outcomeOf(v));
        ex.json(200, v);
    }

    /**
     * Forward auth for a reverse proxy (nginx auth_request, Traefik forwardAuth: a GET with the client's headers
     * and no body): the token in Authorization, the use in {@code X-Tokenctl-Require} (permissions, or resource
     * types whose action {@code X-Original-Method} gives), {@code X-Tokenctl-App}, {@code X-Tokenctl-Org}, and the
     * client's address from {@code X-Forwarded-For} when the proxy is trusted. 204, 401 or 403; never 404, which
     * nginx would turn into a 500.
     */
    private static void authz(Exchange ex, ServeOptions options) {
        String token = ex.credential(false);
        if (token == null) {
            throw TokenctlException.unauthenticated("no token presented (Authorization: Token or Bearer)");
        }
        String method = ex.header("X-Original-Method");
        Action implied = method == null || List.of("GET", "HEAD", "OPTIONS").contains(method.toUpperCase(java.util.Locale.ROOT))
                ? Action.READ : Action.WRITE;
        Verification v;
        try {
            List<Permission> require = new ArrayList<>();
            for (String wanted : ex.headerValues("X-Tokenctl-Require")) {
                for (String p : wanted.split("\\s+")) {
                    require.add(p.contains(":") ? Permission.parse(p) : permissionOf(implied, p));
                }
            }
            v = ex.as(null).verify(new Verify(token, ex.header("X-Tokenctl-App"), clientAddress(ex, options), require,
                    ex.header("X-Tokenctl-Org")));
        } catch (TokenctlException e) {
            if (e.code() != ErrorCode.USAGE) {
                throw e;
            }
            // a proxy's headers that can't be read deny (nginx would turn a 400 into a 500)
            ex.error(403, ErrorCode.FORBIDDEN.httpCode(), "the use could not be checked: " + e.getMessage());
            return;
        }
        ex.outcome(outcomeOf(v));
        if (v.active()) {
            ex.noContent();
            return;
        }
        ErrorCode code = v.code() == null ? ErrorCode.UNAUTHENTICATED : v.code();
        ex.error(code.httpStatus(), code.httpCode(), v.reason());
    }

    /** A verify's answer in one word: "active", or the refusal's error code ("unauthenticated", "forbidden"). */
    static String outcomeOf(Verification v) {
        return v.active() ? "active" : (v.code() == null ? ErrorCode.UNAUTHENTICATED : v.code()).name()
                .toLowerCase(java.util.Locale.ROOT);
    }

    private static Permission permissionOf(Action action, String typeAndId) {
        int slash = typeAndId.indexOf('/');
        ResourceType type = ResourceType.fromWire(slash < 0 ? typeAndId : typeAndId.substring(0, slash));
        return new Permission(action, type, slash < 0 ? null : typeAndId.substring(slash + 1));
    }

    /**
     * The client's address: the peer's, or when the peer is a trusted proxy, the last address in
     * {@code X-Forwarded-For} that is not itself a trusted proxy.
     */
    static String clientAddress(Exchange ex, ServeOptions options) {
        String peer = ex.request.getConnectionMetaData().getRemoteSocketAddress() instanceof InetSocketAddress a
                ? a.getAddress().getHostAddress() : null;
        if (peer == null || !trusted(peer, options.trustedProxies())) {
            return peer;
        }
        List<String> hops = ex.headerValues("X-Forwarded-For");
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (Cidr.literal(hop) == null) {
                throw TokenctlException.usage("X-Forwarded-For holds " + Limits.quoted(hop) + ", not an IP address");
            }
            if (!trusted(hop, options.trustedProxies())) {
                return hop;
            }
        }
        return peer;
    }

    private static boolean trusted(String address, List<Cidr> proxies) {
        byte[] a = Cidr.literal(address);
        return a != null && proxies.stream().anyMatch(c -> c.contains(a));
    }
}
