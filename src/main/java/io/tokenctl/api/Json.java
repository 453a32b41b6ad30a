package io.tokenctl.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.util.NameTransformer;
import io.tokenctl.api.Results.Verification;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The wire format of the API's records, read and written with jackson-databind by the server and the remote
 * client alike, so both sides agree by construction. The few shapes that are not a record's own fields (a
 * permission, a verify answer, a new token with its secret) have one writer each, in {@link ApiJson}, which the
 * CLI's --json also uses on its cold path, where building a mapper would cost every start. A malformed body is a
 * usage error naming the field, never quoting its value (it may be a secret).
 */
public final class Json {
    private static volatile ObjectMapper mapper;

    private Json() {
    }

    /** The mapper, made on first use. */
    public static ObjectMapper mapper() {
        ObjectMapper m = mapper;
        if (m == null) {
            synchronized (Json.class) {
                if (mapper == null) {
                    mapper = make();
                }
                m = mapper;
            }
        }
        return m;
    }

    private static ObjectMapper make() {
        SimpleModule module = new SimpleModule("tokenctl");
        module.addSerializer(Instant.class, new StdSerializer<>(Instant.class) {
            @Override
            public void serialize(Instant value, JsonGenerator g, SerializerProvider p) throws IOException {
                g.writeString(value.toString());
            }
        });
        module.addDeserializer(Instant.class, new StdDeserializer<>(Instant.class) {
            @Override
            public Instant deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
                Instant at = p.currentToken() == JsonToken.VALUE_STRING ? Expiry.parseTime(p.getText()) : null;
                if (at == null) {
                    throw TokenctlException.usage(field(p) + " must be an ISO-8601 time such as 2027-01-31T00:00:00Z");
                }
                return at;
            }
        });
        module.addSerializer(Duration.class, new StdSerializer<>(Duration.class) {
            @Override
            public void serialize(Duration value, JsonGenerator g, SerializerProvider p) throws IOException {
                g.writeString(Durations.format(value));
            }
        });
        module.addDeserializer(Duration.class, new StdDeserializer<>(Duration.class) {
            @Override
            public Duration deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
                if (p.currentToken() != JsonToken.VALUE_STRING) {
                    throw TokenctlException.usage(field(p) + " must be a duration such as 24h or 30d");
                }
                return Durations.parse(field(p), p.getText());
            }
        });
        module.addSerializer(Permission.class, new StdSerializer<>(Permission.class) {
            @Override
            public void serialize(Permission value, JsonGenerator g, SerializerProvider p) throws IOException {
                ApiJson.writePermission(g, value, enclosingOrg(g));
            }
        });
        module.addDeserializer(Permission.class, new StdDeserializer<>(Permission.class) {
            @Override
            public Permission deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
                return permission(ctx.readTree(p));
            }
        });
        module.addSerializer(Verification.class, new StdSerializer<>(Verification.class) {
            @Override
            public void serialize(Verification value, JsonGenerator g, SerializerProvider p) throws IOException {
                ApiJson.writeVerification(g, value);
            }
        });
        module.addDeserializer(Verification.class, new StdDeserializer<>(Verification.class) {
            @Override
            public Verification deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
                return verification(ctx.readTree(p));
            }
        });
        module.addSerializer(CreatedToken.class, new StdSerializer<>(CreatedToken.class) {
            @Override
            public void serialize(CreatedToken value, JsonGenerator g, SerializerProvider p) throws IOException {
                JsonSerializer<Object> token = p.findValueSerializer(Token.class).unwrappingSerializer(NameTransformer.NOP);
                g.writeStartObject(value);
                token.serialize(value.token(), g, p);
                g.writeStringField("token", value.secret());
                g.writeEndObject();
            }
        });
        module.addDeserializer(CreatedToken.class, new StdDeserializer<>(CreatedToken.class) {
            @Override
            public CreatedToken deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
                JsonNode tree = ctx.readTree(p);
                if (!(tree instanceof ObjectNode node)) {
                    throw TokenctlException.usage("a new token is a JSON object");
                }
                JsonNode secret = node.remove("token");
                return new CreatedToken(ctx.readTreeAsValue(node, Token.class), secret == null ? null : secret.asText());
            }
        });
        ObjectMapper m = new ObjectMapper();
        m.registerModule(module);
        m.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        return m;
    }

    /** The org of the token a permission is written within (InfluxDB's {@code resource.orgID}), if any. */
    private static String enclosingOrg(JsonGenerator g) {
        for (JsonStreamContext c = g.getOutputContext(); c != null; c = c.getParent()) {
            Object v = c.getCurrentValue();
            if (v instanceof Token t) {
                return t.orgID();
            }
            if (v instanceof CreatedToken ct) {
                return ct.token().orgID();
            }
            if (v instanceof Results.Me me) {
                return me.orgID();
            }
        }
        return null;
    }

    /** The permission whose object starts at the parser's current token (inside a body read by hand). */
    public static Permission permission(JsonParser p) throws IOException {
        return permission((JsonNode) mapper().reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(p));
    }

    /** A permission as InfluxDB writes it, {@code {"action", "resource": {"type", "id", ...}}}, or as text. */
    static Permission permission(JsonNode node) {
        if (node.isTextual()) {
            return Permission.parse(node.asText());
        }
        JsonNode resource = node.path("resource");
        if (!node.path("action").isTextual() || !resource.path("type").isTextual()) {
            throw TokenctlException.usage("a permission is {\"action\": \"read\" or \"write\", \"resource\": {\"type\":"
                    + " \"buckets\", \"id\": optional}} or text such as read:buckets");
        }
        JsonNode id = resource.path("id");
        if (!id.isMissingNode() && !id.isNull() && !id.isTextual()) {
            // a number read as "no id" would widen the permission to every resource of the type
            throw TokenctlException.usage("a permission's resource id must be text, such as \"0a1b2c\"");
        }
        return new Permission(Action.fromWire(node.get("action").asText()),
                ResourceType.fromWire(resource.get("type").asText()), id.isTextual() ? id.asText() : null);
    }

    private static Verification verification(JsonNode n) {
        boolean active = n.path("active").asBoolean(false);
        List<Permission> permissions = new ArrayList<>();
        n.path("permissions").forEach(x -> permissions.add(permission(x)));
        List<String> orgs = new ArrayList<>();
        n.path("orgIDs").forEach(x -> orgs.add(x.asText()));
        ErrorCode code = active ? null
                : "insufficient_scope".equals(n.path("error").asText()) ? ErrorCode.FORBIDDEN : ErrorCode.UNAUTHENTICATED;
        return new Verification(active, code, text(n, "reason"), text(n, "id"),
                n.hasNonNull("kind") ? TokenKind.fromWire(n.get("kind").asText()) : null, text(n, "userID"), orgs,
                permissions, n.hasNonNull("exp") ? Instant.ofEpochSecond(n.get("exp").asLong()) : null,
                n.hasNonNull("iat") ? Instant.ofEpochSecond(n.get("iat").asLong()) : null, text(n, "client_id"));
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }

    /** {@code value} as JSON bytes. */
    public static byte[] write(Object value) {
        try {
            return mapper().writeValueAsBytes(value);
        } catch (IOException e) {
            throw TokenctlException.failure("cannot write JSON: " + e.getClass().getSimpleName(), e);
        }
    }

    /** A body read as {@code type}; anything else is a usage error naming what is wrong, never quoting a value. */
    public static <T> T read(byte[] body, Class<T> type, String what) {
        try {
            return mapper().readValue(body, type);
        } catch (IOException e) {
            throw refused(e, what);
        }
    }

    public static <T> T read(byte[] body, TypeReference<T> type, String what) {
        try {
            return mapper().readValue(body, type);
        } catch (IOException e) {
            throw refused(e, what);
        }
    }

    /** Why a body was refused, in one line that names the field and never quotes what was in it. */
    static TokenctlException refused(IOException e, String what) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TokenctlException te) {
                return te;
            }
        }
        if (e instanceof UnrecognizedPropertyException u) {
            return TokenctlException.usage(what + ": unknown field " + Limits.quoted(u.getPropertyName())
                    + "; accepted: " + String.join(", ", known(u)));
        }
        if (e instanceof JsonParseException p) {
            JsonLocation at = p.getLocation();
            return TokenctlException.usage(what + " is not valid JSON (line " + at.getLineNr() + ", column "
                    + at.getColumnNr() + ")");
        }
        if (e instanceof MismatchedInputException m) {
            String path = path(m);
            return TokenctlException.usage(what + (path.isEmpty() ? " is not the JSON object expected"
                    : ": field " + Limits.quoted(path) + " has the wrong type or is missing"));
        }
        if (e instanceof JsonMappingException m) {
            String path = path(m);
            return TokenctlException.usage(what + (path.isEmpty() ? " could not be read" : ": field "
                    + Limits.quoted(path) + " could not be read"));
        }
        return TokenctlException.usage(what + " could not be read as JSON");
    }

    private static List<String> known(UnrecognizedPropertyException u) {
        List<String> out = new ArrayList<>();
        if (u.getKnownPropertyIds() != null) {
            u.getKnownPropertyIds().forEach(o -> out.add(String.valueOf(o)));
        }
        out.sort(null);
        return out;
    }

    private static String path(JsonMappingException m) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : m.getPath()) {
            if (r.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String field(JsonParser p) throws IOException {
        String name = p.currentName();
        return name == null ? "value" : name;
    }
}
