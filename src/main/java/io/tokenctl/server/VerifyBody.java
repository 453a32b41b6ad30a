package io.tokenctl.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.tokenctl.api.Permission;
import io.tokenctl.api.Redact;
import io.tokenctl.api.Requests.Verify;
import io.tokenctl.api.TokenctlException;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The body of {@code POST /api/v2/verify}: JSON {@code {"token": "...", "app": "...", "ip": "...", "org": "...",
 * "require": ["read:buckets"]}}, or RFC 7662's form encoding with the same names ({@code require} repeated).
 * Only {@code token} is required. Anything else is refused with one line naming it and what is accepted; no
 * message ever quotes the body, which holds a secret.
 */
final class VerifyBody {
    private static final String FIELDS = "token, app, ip, org, require";
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private VerifyBody() {
    }

    static Verify parse(String contentType, byte[] body) {
        String type = contentType == null ? "application/json"
                : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        Map<String, Object> fields;
        if (type.equals("application/json")) {
            fields = json(body);
        } else if (type.equals("application/x-www-form-urlencoded")) {
            fields = form(body);
        } else {
            throw new Exchange.UnsupportedMediaType("Content-Type " + io.tokenctl.api.Limits.quoted(type)
                    + " is not accepted; send application/json or application/x-www-form-urlencoded");
        }
        Object token = fields.get("token");
        if (!(token instanceof String t) || t.isEmpty()) {
            throw TokenctlException.usage("the verify body has no token; send {\"token\": \"...\"} (fields: " + FIELDS + ")");
        }
        List<Permission> require = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<String> wanted = (List<String>) fields.getOrDefault("require", List.of());
        wanted.forEach(p -> require.add(Permission.parse(p)));
        return new Verify(t, (String) fields.get("app"), (String) fields.get("ip"), require, (String) fields.get("org"));
    }

    /** The fields of a JSON object: strings (or null) and {@code require}, a list of strings. */
    private static Map<String, Object> json(byte[] body) {
        Map<String, Object> out = new HashMap<>();
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw TokenctlException.usage("the verify body is not a JSON object; send {\"token\": \"...\"}"
                        + " (fields: " + FIELDS + ")");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals("require")) {
                    put(out, name, requireList(p, value));
                } else if (known(name)) {
                    if (value != JsonToken.VALUE_STRING && value != JsonToken.VALUE_NULL) {
                        throw TokenctlException.usage("verify body field \"" + name + "\" must be a string");
                    }
                    put(out, name, value == JsonToken.VALUE_NULL ? null : p.getText());
                } else {
                    throw unknown(name);
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
                throw TokenctlException.usage("the verify body has more than one JSON object");
            }
        } catch (JsonParseException e) {
            // not Jackson's message: it quotes the offending text, which may be the secret
            JsonLocation at = e.getLocation();
            throw TokenctlException.usage("the verify body is not valid JSON (line " + at.getLineNr() + ", column "
                    + at.getColumnNr() + "); send {\"token\": \"...\"} (fields: " + FIELDS + ")");
        } catch (IOException e) {
            throw TokenctlException.usage("the verify body could not be read as JSON");
        }
        return out;
    }

    private static List<String> requireList(JsonParser p, JsonToken value) throws IOException {
        List<String> out = new ArrayList<>();
        if (value == JsonToken.VALUE_NULL) {
            return out;
        }
        if (value == JsonToken.VALUE_STRING) {
            out.add(p.getText());
            return out;
        }
        if (value != JsonToken.START_ARRAY) {
            throw TokenctlException.usage("verify body field \"require\" must be a list of permissions such as"
                    + " [\"read:buckets\"]");
        }
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t == JsonToken.START_OBJECT) {
                // the wire's permission shape, as the remote client writes it
                out.add(io.tokenctl.api.Json.permission(p).toString());
            } else if (t == JsonToken.VALUE_STRING) {
                out.add(p.getText());
            } else {
                throw TokenctlException.usage("verify body field \"require\" must be a list of permissions such as"
                        + " [\"read:buckets\"]");
            }
        }
        return out;
    }

    /** RFC 7662's form: {@code token=...&require=read:buckets&require=...}; token_type_hint is accepted and unused. */
    private static Map<String, Object> form(byte[] body) {
        Map<String, Object> out = new HashMap<>();
        List<String> require = new ArrayList<>();
        String text = new String(body, StandardCharsets.UTF_8);
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq), "a field name");
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1), "the value of field \"" + name + "\"");
            if (name.equals("require")) {
                require.add(value);
            } else if (name.equals("token_type_hint")) {
                continue;
            } else if (known(name)) {
                put(out, name, value.isEmpty() ? null : value);
            } else {
                throw unknown(name);
            }
        }
        out.put("require", require);
        return out;
    }

    private static String decode(String s, String what) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw TokenctlException.usage("the verify body is not valid form encoding (in " + what + ")");
        }
    }

    private static boolean known(String name) {
        return name.equals("token") || name.equals("app") || name.equals("ip") || name.equals("org");
    }

    private static void put(Map<String, Object> out, String name, Object value) {
        if (out.containsKey(name)) {
            throw TokenctlException.usage("verify body field \"" + name + "\" is given twice");
        }
        out.put(name, value);
    }

    private static TokenctlException unknown(String name) {
        // a body that is only a secret (curl -d "$TOKEN") reads as one long field name: never echo a long one
        String shown = Redact.forTerminal(name);
        return TokenctlException.usage((shown.length() > 32 ? "a verify body field of " + name.length()
                + " characters is unknown" : "unknown verify body field \"" + shown + "\"") + "; accepted: " + FIELDS
                + (name.length() > 32 ? " (was the token sent without token=?)" : ""));
    }
}
