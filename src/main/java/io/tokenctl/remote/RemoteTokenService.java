package io.tokenctl.remote;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.tokenctl.api.CreatedToken;
import io.tokenctl.api.ErrorCode;
import io.tokenctl.api.Json;
import io.tokenctl.api.Limits;
import io.tokenctl.api.Redact;
import io.tokenctl.api.Requests.CloneToken;
import io.tokenctl.api.Requests.CreateToken;
import io.tokenctl.api.Requests.CreateUser;
import io.tokenctl.api.Requests.DeleteUser;
import io.tokenctl.api.Requests.FindSecret;
import io.tokenctl.api.Requests.ListAudit;
import io.tokenctl.api.Requests.ListTokens;
import io.tokenctl.api.Requests.ListUsers;
import io.tokenctl.api.Requests.Regenerate;
import io.tokenctl.api.Requests.RevokeOrg;
import io.tokenctl.api.Requests.SetAppState;
import io.tokenctl.api.Requests.Setup;
import io.tokenctl.api.Requests.UpdateToken;
import io.tokenctl.api.Requests.Verify;
import io.tokenctl.api.Results.AppUse;
import io.tokenctl.api.Results.AuditEvent;
import io.tokenctl.api.Results.AuditPage;
import io.tokenctl.api.Results.Me;
import io.tokenctl.api.Results.Member;
import io.tokenctl.api.Results.Org;
import io.tokenctl.api.Results.SetupResult;
import io.tokenctl.api.Results.SigningKey;
import io.tokenctl.api.Results.TokenPage;
import io.tokenctl.api.Results.UserDeleted;
import io.tokenctl.api.Results.Verification;
import io.tokenctl.api.Token;
import io.tokenctl.api.TokenService;
import io.tokenctl.api.TokenStatus;
import io.tokenctl.api.TokenctlException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.net.ssl.SSLException;

/**
 * The API over HTTP, against a {@code tokenctl serve}: each method one request, its answer read into the same
 * api/ records the server wrote ({@link Json}), and every refusal turned back into the closed error family by
 * one mapper from the error body. No rule of its own: the server's core decides everything.
 */
public final class RemoteTokenService implements TokenService {
    /**
     * How to reach the server: a private CA to trust (PEM, or none), whether to skip checking its certificate
     * (test set-ups), how long to wait, and where to dump requests for --debug (null: nowhere).
     */
    public record Options(Path caCert, boolean skipVerify, Duration timeout, Consumer<String> debug) {
    }

    private static final ObjectReader LENIENT = Json.mapper().reader()
            .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final HttpClient client;
    private final URI base;
    private final String token;
    private final Options options;

    private RemoteTokenService(HttpClient client, URI base, String token, Options options) {
        this.client = client;
        this.base = base;
        this.token = token;
        this.options = options;
    }

    /** A client of the server at {@code host}, acting as {@code token} (null: anonymous). Nothing is sent yet. */
    public static RemoteTokenService connect(URI host, String token, Options options) {
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(options.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1);
        if (host.getScheme().equalsIgnoreCase("https")) {
            b.sslContext(Trust.context(options.caCert(), options.skipVerify()));
        }
        String base = host.toString();
        return new RemoteTokenService(b.build(), URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1)
                : base), token, options);
    }

    // --- the requests

    @Override
    public SetupResult setup(Setup request) {
        return call("POST", "/api/v2/setup", request, false).as(SetupResult.class);
    }

    @Override
    public CreatedToken create(CreateToken request) {
        return call("POST", "/api/v2/authorizations", request, true).as(CreatedToken.class);
    }

    @Override
    public TokenPage list(ListTokens r) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("user", r.user());
        q.put("org", r.org());
        q.put("status", r.status() == null ? null : r.status().wire());
        q.put("expiringWithin", r.expiringWithin() == null ? null : io.tokenctl.api.Durations.format(r.expiringWithin()));
        q.put("limit", r.limit());
        q.put("after", r.after());
        JsonNode page = call("GET", "/api/v2/authorizations" + query(q), null, true).json();
        return new TokenPage(read(page.get("authorizations"), new TypeReference<List<Token>>() { }),
                text(page, "next"), number(page, "total"));
    }

    @Override
    public Token show(String id) {
        return call("GET", tokenPath(id), null, true).as(Token.class);
    }

    @Override
    public Token update(UpdateToken request) {
        return call("PATCH", tokenPath(request.id()), request, true).as(Token.class);
    }

    @Override
    public Token activate(String id) {
        return update(new UpdateToken(id, null, null, null, TokenStatus.ACTIVE));
    }

    @Override
    public Token deactivate(String id) {
        return update(new UpdateToken(id, null, null, null, TokenStatus.INACTIVE));
    }

    @Override
    public Token retire(String id) {
        return call("POST", tokenPath(id) + "/retire", null, true).as(Token.class);
    }

    @Override
    public void delete(String id) {
        call("DELETE", tokenPath(id), null, true);
    }

    @Override
    public CreatedToken regenerate(Regenerate request) {
        return call("POST", tokenPath(request.id()) + "/regenerate", request, true).as(CreatedToken.class);
    }

    @Override
    public CreatedToken cloneToken(CloneToken request) {
        return call("POST", tokenPath(request.id()) + "/clone", request, true).as(CreatedToken.class);
    }

    @Override
    public Token promote(String id) {
        return call("POST", tokenPath(id) + "/promote", null, true).as(Token.class);
    }

    @Override
    public Token revokeOrg(RevokeOrg request) {
        return call("POST", tokenPath(request.id()) + "/revoke-org", request, true).as(Token.class);
    }

    @Override
    public Member createUser(CreateUser request) {
        return call("POST", "/api/v2/users", request, true).as(Member.class);
    }

    @Override
    public List<Member> listUsers(ListUsers request) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("org", request.org());
        return read(call("GET", "/api/v2/users" + query(q), null, true).json().get("users"),
                new TypeReference<List<Member>>() { });
    }

    @Override
    public UserDeleted deleteUser(DeleteUser request) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("org", request.org());
        return call("DELETE", "/api/v2/users/" + segment(Limits.name("user name", request.name())) + query(q), null,
                true).as(UserDeleted.class);
    }

    @Override
    public Org createOrg(String name) {
        return call("POST", "/api/v2/orgs", Map.of("name", name), true).as(Org.class);
    }

    @Override
    public List<Org> listOrgs() {
        return read(call("GET", "/api/v2/orgs", null, true).json().get("orgs"), new TypeReference<List<Org>>() { });
    }

    @Override
    public AuditPage audit(ListAudit r) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("since", r.since() == null ? null : r.since().toString());
        q.put("actor", r.actor());
        q.put("target", r.target());
        q.put("limit", r.limit());
        q.put("after", r.after());
        q.put("reverse", r.newestFirst() ? "true" : null);
        JsonNode page = call("GET", "/api/v2/audit" + query(q), null, true).json();
        return new AuditPage(read(page.get("events"), new TypeReference<List<AuditEvent>>() { }),
                number(page, "next"), number(page, "total"));
    }

    private static Long number(JsonNode page, String field) {
        JsonNode n = page.get(field);
        return n == null || n.isNull() ? null : n.asLong();
    }

    @Override
    public Verification verify(Verify request) {
        return call("POST", "/api/v2/verify", request, true).as(Verification.class);
    }

    @Override
    public Me me() {
        return call("GET", "/api/v2/me", null, true).as(Me.class);
    }

    @Override
    public List<AppUse> apps(String id) {
        return read(call("GET", tokenPath(id) + "/apps", null, true).json().get("apps"),
                new TypeReference<List<AppUse>>() { });
    }

    @Override
    public AppUse setAppState(SetAppState request) {
        Limits.appName("APP", request.app());
        return call("PUT", tokenPath(request.id()) + "/apps/" + segment(request.app()), Map.of("state",
                request.state().wire()), true).as(AppUse.class);
    }

    @Override
    public Token find(FindSecret request) {
        return call("POST", "/api/v2/authorizations/find", request, true).as(Token.class);
    }

    @Override
    public Token retireBySecret(FindSecret request) {
        return call("POST", "/api/v2/authorizations/retire-by-secret", request, true).as(Token.class);
    }

    @Override
    public SigningKey rotateOrgKey(String org) {
        return call("POST", "/api/v2/orgs/" + segment(Limits.name("ORG", org)) + "/keys", null, true)
                .as(SigningKey.class);
    }

    @Override
    public void removeOrgKey(String org, String kid) {
        call("DELETE", "/api/v2/orgs/" + segment(Limits.name("ORG", org)) + "/keys/" + segment(Limits.keyId(kid)),
                null, true);
    }

    @Override
    public List<SigningKey> orgKeys(String org) {
        return read(call("GET", "/api/v2/orgs/" + segment(Limits.name("ORG", org)) + "/keys", null, true).json().get("keys"),
                new TypeReference<List<SigningKey>>() { });
    }

    @Override
    public void close() {
        // the client's connections close with the process; HttpClient has no close on Java 17
    }

    // --- one request, and one way back from its answer

    /** An answer's body, read as the record its route writes. */
    private record Answer(byte[] body) {
        <T> T as(Class<T> type) {
            try {
                return LENIENT.readValue(body, type);
            } catch (IOException e) {
                throw TokenctlException.failure("the server's answer could not be read as " + type.getSimpleName()
                        + ": is it a tokenctl serve?", e);
            }
        }

        JsonNode json() {
            try {
                return LENIENT.readTree(body);
            } catch (IOException e) {
                throw TokenctlException.failure("the server's answer is not JSON: is it a tokenctl serve?", e);
            }
        }
    }

    private static <T> T read(JsonNode node, TypeReference<T> type) {
        if (node == null) {
            throw TokenctlException.failure("the server's answer lacks the list it should hold: is it a tokenctl serve?",
                    null);
        }
        try {
            return LENIENT.forType(type).readValue(node);
        } catch (IOException e) {
            throw TokenctlException.failure("the server's answer could not be read: is it a tokenctl serve?", e);
        }
    }

    private Answer call(String method, String path, Object body, boolean authorized) {
        URI uri = URI.create(base + path);
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(options.timeout())
                .header("Accept", "application/json");
        boolean sendsToken = authorized && token != null && !token.isBlank();
        if (sendsToken) {
            b.header("Authorization", "Token " + token);
        }
        byte[] sent = body == null ? null : Json.write(body);
        if (sent != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, sent == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(sent));
        debug("> " + method + " " + uri + (sendsToken ? "  (Authorization: Token <redacted>)" : "")
                + (sent == null ? "" : "\n> " + new String(sent, StandardCharsets.UTF_8)));
        long start = System.nanoTime();
        HttpResponse<byte[]> r;
        try {
            r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw TokenctlException.failure(host() + " did not answer within " + io.tokenctl.api.Durations.format(
                    options.timeout()) + " (--timeout)", e);
        } catch (ConnectException e) {
            if (causedBy(e, UnresolvedAddressException.class) || causedBy(e, java.net.UnknownHostException.class)) {
                throw TokenctlException.failure("cannot reach " + host() + ": unknown host " + base.getHost(), e);
            }
            throw TokenctlException.failure("cannot reach " + host() + ": connection refused (is tokenctl serve running"
                    + " there?)", e);
        } catch (SSLException e) {
            throw TokenctlException.failure("TLS with " + host() + " failed (" + firstLine(e) + "); trust a private CA"
                    + " with --ca-cert FILE", e);
        } catch (IOException e) {
            if (e.getCause() instanceof UnresolvedAddressException || e.getCause() instanceof java.net.UnknownHostException) {
                throw TokenctlException.failure("cannot reach " + host() + ": unknown host " + base.getHost(), e);
            }
            throw TokenctlException.failure("talking to " + host() + " failed: " + firstLine(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw TokenctlException.failure("interrupted while waiting for " + host(), e);
        } catch (UnresolvedAddressException e) {
            throw TokenctlException.failure("cannot reach " + host() + ": unknown host " + base.getHost(), e);
        }
        debug(String.format("< %d (%.1f ms)%n< %s", r.statusCode(), (System.nanoTime() - start) / 1e6,
                new String(r.body(), StandardCharsets.UTF_8)));
        if (r.statusCode() / 100 == 2) {
            return new Answer(r.body());
        }
        throw refusal(r);
    }

    /** The error family from an answer's status and its body {@code {"code", "message"}}. */
    private TokenctlException refusal(HttpResponse<byte[]> r) {
        String message = null;
        ErrorCode code = null;
        try {
            JsonNode error = LENIENT.readTree(r.body());
            message = text(error, "message");
            String c = text(error, "code");
            code = c == null ? null : ErrorCode.fromHttpCode(c);
        } catch (IOException e) {
            // not our error body: judged by the status alone
        }
        ErrorCode byStatus = switch (r.statusCode()) {
            case 400, 405, 413, 415, 431 -> ErrorCode.USAGE;
            case 401 -> ErrorCode.UNAUTHENTICATED;
            case 403 -> ErrorCode.FORBIDDEN;
            case 404 -> ErrorCode.NOT_FOUND;
            case 409, 422 -> ErrorCode.CONFLICT;
            default -> ErrorCode.FAILURE;
        };
        if (code == null || code == ErrorCode.FAILURE && byStatus != ErrorCode.FAILURE) {
            code = byStatus;
        }
        if (message == null) {
            message = host() + " answered HTTP " + r.statusCode() + " without an error body: is it a tokenctl serve?";
        }
        return new TokenctlException(code, message);
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private String host() {
        return base.toString();
    }

    private void debug(String lines) {
        if (options.debug() != null) {
            lines.lines().forEach(line -> options.debug().accept(Redact.secrets(line)));
        }
    }

    /**
     * A token's path. The id is checked as core checks it first, because a value that can't travel in a URL
     * (control characters, kilobytes) must be refused the same way here as by the store.
     */
    private static String tokenPath(String id) {
        return "/api/v2/authorizations/" + segment(Limits.tokenId(id));
    }

    /** A path segment, percent-encoded (an id the server then checks, or a name). */
    private static String segment(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String query(Map<String, Object> params) {
        StringBuilder sb = new StringBuilder();
        params.forEach((k, v) -> {
            if (v != null) {
                sb.append(sb.length() == 0 ? "?" : "&").append(k).append('=')
                        .append(URLEncoder.encode(v.toString(), StandardCharsets.UTF_8));
            }
        });
        return sb.toString();
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String firstLine(Throwable t) {
        String m = String.valueOf(t.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
