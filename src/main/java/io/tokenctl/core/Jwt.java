package io.tokenctl.core;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.Ed25519KeyPairGenerator;
import org.bouncycastle.crypto.params.Ed25519KeyGenerationParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * JWT tokens (seed 004): header {@code {"alg":"EdDSA","typ":"JWT","kid":...}}, claims iss, sub, org, jti (the
 * token id), iat and exp (absent for never), signed with an org's Ed25519 key through BouncyCastle's lightweight
 * API. Loaded only on the paths that sign or verify JWTs.
 */
final class Jwt {
    static final String ISSUER = "tokenctl";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The claims tokenctl reads back; {@code exp} null means never. */
    record Claims(String kid, String iss, String sub, String org, String jti, Instant iat, Instant exp) {
    }

    /** A key pair, raw keys base64url-encoded. */
    record KeyPair(String privateKey, String publicKey) {
    }

    private Jwt() {
    }

    /** True when the text has a JWT's shape: three base64url parts. Says nothing of its signature. */
    static boolean looksLikeJwt(String text) {
        return text.length() < 8192 && text.matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    }

    static KeyPair newKeyPair(SecureRandom random) {
        Ed25519KeyPairGenerator gen = new Ed25519KeyPairGenerator();
        gen.init(new Ed25519KeyGenerationParameters(random));
        AsymmetricCipherKeyPair pair = gen.generateKeyPair();
        return new KeyPair(B64.encodeToString(((Ed25519PrivateKeyParameters) pair.getPrivate()).getEncoded()),
                B64.encodeToString(((Ed25519PublicKeyParameters) pair.getPublic()).getEncoded()));
    }

    static String sign(String kid, String privateKey, Claims c) {
        String header = B64.encodeToString(json(g -> {
            g.writeStringField("alg", "EdDSA");
            g.writeStringField("typ", "JWT");
            g.writeStringField("kid", kid);
        }));
        String payload = B64.encodeToString(json(g -> {
            g.writeStringField("iss", c.iss());
            g.writeStringField("sub", c.sub());
            g.writeStringField("org", c.org());
            g.writeStringField("jti", c.jti());
            g.writeNumberField("iat", c.iat().getEpochSecond());
            if (c.exp() != null) {
                g.writeNumberField("exp", c.exp().getEpochSecond());
            }
        }));
        byte[] input = (header + "." + payload).getBytes(StandardCharsets.US_ASCII);
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, new Ed25519PrivateKeyParameters(B64D.decode(privateKey), 0));
        signer.update(input, 0, input.length);
        return header + "." + payload + "." + B64.encodeToString(signer.generateSignature());
    }

    /** Reads header and claims without checking the signature; null when they are not a tokenctl JWT. */
    static Claims peek(String jwt) {
        try {
            String[] parts = jwt.split("\\.");
            JsonNode header = JSON.readTree(B64D.decode(parts[0]));
            JsonNode body = JSON.readTree(B64D.decode(parts[1]));
            if (!"EdDSA".equals(header.path("alg").asText()) || !header.hasNonNull("kid") || !body.hasNonNull("jti")) {
                return null;
            }
            return new Claims(header.get("kid").asText(), body.path("iss").asText(null), body.path("sub").asText(null),
                    body.path("org").asText(null), body.get("jti").asText(),
                    body.hasNonNull("iat") ? Instant.ofEpochSecond(body.get("iat").asLong()) : null,
                    body.hasNonNull("exp") ? Instant.ofEpochSecond(body.get("exp").asLong()) : null);
        } catch (IOException | RuntimeException e) {
            // any malformed part, out-of-range time or odd claim type: not a tokenctl JWT
            return null;
        }
    }

    /** True when the signature over header and payload is the given public key's. */
    static boolean signatureValid(String jwt, String publicKey) {
        try {
            int last = jwt.lastIndexOf('.');
            byte[] input = jwt.substring(0, last).getBytes(StandardCharsets.US_ASCII);
            byte[] sig = B64D.decode(jwt.substring(last + 1));
            Ed25519Signer verifier = new Ed25519Signer();
            verifier.init(false, new Ed25519PublicKeyParameters(B64D.decode(publicKey), 0));
            verifier.update(input, 0, input.length);
            return verifier.verifySignature(sig);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    interface Fields {
        void write(JsonGenerator g) throws IOException;
    }

    private static byte[] json(Fields fields) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
            g.writeStartObject();
            fields.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return w.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Reads a JWKS document: kid to public key (x), for offline verification. */
    static java.util.Map<String, String> readJwks(byte[] document) throws IOException {
        java.util.Map<String, String> keys = new java.util.LinkedHashMap<>();
        for (JsonNode k : JSON.readTree(document).path("keys")) {
            if ("OKP".equals(k.path("kty").asText()) && "Ed25519".equals(k.path("crv").asText()) && k.hasNonNull("kid")
                    && k.hasNonNull("x")) {
                keys.put(k.get("kid").asText(), k.get("x").asText());
            }
        }
        return keys;
    }
}
