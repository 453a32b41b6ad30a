package io.tokenctl.server;

import com.fasterxml.jackson.core.type.TypeReference;
import io.tokenctl.api.ErrorCode;
import io.tokenctl.api.Json;
import io.tokenctl.api.Limits;
import io.tokenctl.api.Redact;
import io.tokenctl.api.ServedStore;
import io.tokenctl.api.TokenService;
import io.tokenctl.api.TokenctlException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * One request and its answer, as a route sees them: path and query values, the body (already read, bounded),
 * the caller's credential and the API as that caller, and one way to answer: JSON, no content, or an error in
 * InfluxDB's shape. Query values that look like secrets are refused: URLs end up in logs.
 */
final class Exchange {
    final Request request;
    private final Response response;
    private final Callback callback;
    private final Map<String, String> params;
    private final byte[] body;
    private final ServedStore store;
    private Fields query;
    private TokenService view;
    private int status;

    Exchange(Request request, Response response, Callback callback, Map<String, String> params, byte[] body,
            ServedStore store) {
        this.request = request;
        this.response = response;
        this.callback = callback;
        this.params = params;
        this.body = body;
        this.store = store;
    }

    String method() {
        return request.getMethod();
    }

    String header(String name) {
        return request.getHeaders().get(name);
    }

    /** A path parameter of the route: {@code id} in {@code /authorizations/{id}}. */
    String path(String name) {
        return params.get(name);
    }

    /** A query parameter's value, or null; a value shaped like a secret is refused outright. */
    String query(String name) {
        if (query == null) {
            try {
                query = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException | IllegalStateException e) {
                // Jetty's own refusals of a malformed escape or of bytes that are no UTF-8
                throw TokenctlException.usage("the query string is not valid %-encoded UTF-8");
            }
            for (Fields.Field f : query) {
                for (String v : f.getValues()) {
                    if (!Redact.secrets(v).equals(v)) {
                        throw TokenctlException.usage("query parameter " + Limits.quoted(f.getName()) + " holds what"
                                + " looks like a token secret; send secrets only in a request body or header, never"
                                + " in a URL (URLs end up in logs)");
                    }
                }
            }
        }
        Fields.Field f = query.get(name);
        return f == null ? null : f.getValue();
    }

    Integer queryInt(String name) {
        String v = query(name);
        if (v == null) {
            return null;
        }
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            throw TokenctlException.usage(name + ": " + Limits.quoted(v) + " is not a whole number");
        }
    }

    /** The body as UTF-8 text; invalid UTF-8 is refused. */
    String text() {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw TokenctlException.usage("the request body is not valid UTF-8");
        }
    }

    byte[] bytes() {
        return body;
    }

    /** The body as a JSON value of {@code type}; an empty body reads as {@code {}}. */
    <T> T body(Class<T> type) {
        requireJson();
        text();
        return present(Json.read(body.length == 0 ? "{}".getBytes(StandardCharsets.UTF_8) : body, type,
                "the request body"));
    }

    <T> T body(TypeReference<T> type) {
        requireJson();
        text();
        return present(Json.read(body.length == 0 ? "{}".getBytes(StandardCharsets.UTF_8) : body, type,
                "the request body"));
    }

    /** A body of JSON {@code null} is no object. */
    private static <T> T present(T value) {
        if (value == null) {
            throw TokenctlException.usage("the request body is null; send a JSON object");
        }
        return value;
    }

    /** The media type of the body, lower case, without parameters; null when none was given. */
    String mediaType() {
        String type = header("Content-Type");
        return type == null ? null : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    }

    private void requireJson() {
        String type = mediaType();
        if (type != null && !type.equals("application/json")) {
            throw new UnsupportedMediaType("Content-Type " + Limits.quoted(type) + " is not accepted here; send"
                    + " application/json");
        }
    }

    /**
     * The credential the caller presents: {@code Authorization: Token X} (InfluxDB's word) or {@code Bearer X};
     * with {@code basic}, also HTTP Basic with the token as the password (RFC 7662 clients authenticate so).
     * Null when there is none.
     */
    String credential(boolean basic) {
        String auth = header("Authorization");
        if (auth == null || auth.isBlank()) {
            return null;
        }
        String[] parts = auth.strip().split("\\s+", 2);
        String scheme = parts[0].toLowerCase(Locale.ROOT);
        String value = parts.length > 1 ? parts[1].strip() : "";
        if (scheme.equals("token") || scheme.equals("bearer")) {
            return value;
        }
        if (basic && scheme.equals("basic")) {
            try {
                String pair = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
                int colon = pair.indexOf(':');
                return colon < 0 ? pair : pair.substring(colon + 1);
            } catch (IllegalArgumentException e) {
                throw TokenctlException.unauthenticated("the Authorization header's Basic credentials are not base64");
            }
        }
        throw TokenctlException.unauthenticated("the Authorization header must be \"Token <secret>\" or \"Bearer"
                + " <secret>\"" + (basic ? " (or Basic, with the token as the password)" : ""));
    }

    /** The API as the caller presenting {@code Authorization}. */
    TokenService api() {
        return as(credential(false));
    }

    /** The API as the caller presenting {@code secret} (null: anonymous). */
    TokenService as(String secret) {
        view = store.as(secret);
        return view;
    }

    /** The token the request acted as, for the request log; null when none. */
    String actingTokenId() {
        return view == null ? null : view.actingTokenId();
    }

    int status() {
        return status;
    }

    private String outcome;

    /** A verify's answer in one word, for metrics ("active", "unauthenticated", "forbidden"...). */
    void outcome(String word) {
        this.outcome = word;
    }

    String outcome() {
        return outcome;
    }

    void json(int code, Object value) {
        send(code, Json.write(value));
    }

    void noContent() {
        send(204, null);
    }

    /** An error in InfluxDB's shape, with its code in {@code X-Platform-Error-Code} and RFC 6750's challenge. */
    void error(int code, String errorCode, String message) {
        response.getHeaders().put("X-Platform-Error-Code", errorCode);
        if (code == 401) {
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer realm=\"tokenctl\", error=\"invalid_token\"");
        } else if (code == 403) {
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE,
                    "Bearer realm=\"tokenctl\", error=\"insufficient_scope\"");
        }
        send(code, Json.write(new io.tokenctl.api.Results.ErrorBody(errorCode, Redact.forTerminal(message))));
    }

    void error(TokenctlException e) {
        ErrorCode c = e.code();
        error(c.httpStatus(), c.httpCode(), e.getMessage());
    }

    void header(String name, String value) {
        response.getHeaders().put(name, value);
    }

    /** Sends a body of another type than JSON (the metrics' text), which no cache may keep either. */
    void send(int code, String contentType, byte[] body) {
        status = code;
        response.setStatus(code);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.write(true, request.getMethod().equals("HEAD") ? null : ByteBuffer.wrap(body), callback);
    }

    /** Sends the answer: JSON that no cache may keep, or no content. */
    void send(int code, byte[] json) {
        status = code;
        response.setStatus(code);
        // an answer may describe a live token or carry a new secret: no cache may keep it (RFC 7662, section 4)
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        if (json == null || request.getMethod().equals("HEAD")) {
            if (json != null) {
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
            }
            response.write(true, null, callback);
            return;
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        response.write(true, ByteBuffer.wrap(json), callback);
    }

    /** The values of a header that may repeat, or come as one comma-separated list. */
    List<String> headerValues(String name) {
        List<String> out = new java.util.ArrayList<>();
        for (HttpField f : request.getHeaders()) {
            if (f.getName().equalsIgnoreCase(name)) {
                for (String v : f.getValue().split(",")) {
                    if (!v.isBlank()) {
                        out.add(v.strip());
                    }
                }
            }
        }
        return out;
    }

    /** A body of a type a route doesn't take. */
    static final class UnsupportedMediaType extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnsupportedMediaType(String message) {
            super(message, null, false, false);
        }
    }
}
