package io.tokenctl.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every tokenctl secret in a text of any kind (a log line, a config file, a shell history): opaque secrets whose
 * checksum holds, and JWTs whose header and claims are tokenctl's. Nothing is looked up; a made-up or mistyped
 * secret is not one. Each distinct secret once, with the line it first appears on.
 */
public final class SecretText {
    /** A secret found, and the line (from 1) it was first seen on. Never printed: it holds the secret. */
    public record Found(String secret, int line) {
        @Override
        public String toString() {
            return "secret on line " + line;
        }
    }

    private static final Pattern CANDIDATE = Pattern.compile(
            "(?<![0-9A-Za-z])tctl_[0-9A-Za-z]{36}(?![0-9A-Za-z])"
                    + "|(?<![A-Za-z0-9_.-])ey[A-Za-z0-9_-]{8,}\\.ey[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{16,}(?![A-Za-z0-9_.-])");
    private static final Base64.Decoder B64 = Base64.getUrlDecoder();

    private SecretText() {
    }

    public static List<Found> in(CharSequence text) {
        Map<String, Found> found = new LinkedHashMap<>();
        Matcher m = CANDIDATE.matcher(text);
        int line = 1;
        int counted = 0;
        while (m.find()) {
            for (int i = counted; i < m.start(); i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                }
            }
            counted = m.start();
            String s = m.group();
            if (!found.containsKey(s) && (s.startsWith(SecretShape.PREFIX) ? SecretShape.wellFormed(s) : isTokenctlJwt(s))) {
                found.put(s, new Found(s, line));
            }
        }
        return new ArrayList<>(found.values());
    }

    /** A JWT with tokenctl's header (EdDSA, a key id) and claims (issuer tokenctl, a token id); not its signature. */
    static boolean isTokenctlJwt(String jwt) {
        try {
            String[] parts = jwt.split("\\.");
            JsonNode header = Json.mapper().readTree(B64.decode(parts[0]));
            JsonNode claims = Json.mapper().readTree(B64.decode(parts[1]));
            return "EdDSA".equals(header.path("alg").asText()) && header.hasNonNull("kid")
                    && "tokenctl".equals(claims.path("iss").asText()) && claims.hasNonNull("jti");
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
    }
}
