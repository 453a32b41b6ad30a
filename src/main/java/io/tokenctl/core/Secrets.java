package io.tokenctl.core;

import io.tokenctl.api.SecretShape;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Token secrets, made and hashed: the shape ({@link SecretShape}) is the API's, checkable without a store.
 * 30 uniform base62 characters carry 178.6 bits, so a fast hash (SHA-256) is enough to store them
 * (NIST SP 800-63B).
 */
public final class Secrets {

    private Secrets() {
    }

    public static String generate(SecureRandom random) {
        StringBuilder sb = new StringBuilder(SecretShape.LENGTH).append(SecretShape.PREFIX);
        for (int i = 0; i < SecretShape.RANDOM_CHARS; i++) {
            sb.append(SecretShape.ALPHABET.charAt(random.nextInt(SecretShape.ALPHABET.length())));
        }
        return sb.append(SecretShape.checksum(sb)).toString();
    }

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    });

    /** SHA-256 of the secret, hex: the only form a secret is ever stored in. */
    public static String hash(String secret) {
        return HexFormat.of().formatHex(digest(secret));
    }

    static byte[] digest(String secret) {
        return digest(secret.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] digest(byte[] bytes) {
        return SHA256.get().digest(bytes);
    }

    /**
     * Loads the security providers SHA-256 comes from and seeds the system's generator (a one-off per JVM,
     * shared by every instance), so the first real digest or secret doesn't pay for it. Nothing is kept.
     */
    static void warmUp() {
        digest(new byte[0]);
        new SecureRandom().nextInt();
    }

    /** Constant-time comparison of two stored hashes. */
    public static boolean sameHash(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

    /** What listings show instead of a secret. */
    public static String display(String hashHex) {
        return "sha256:" + hashHex.substring(0, 16);
    }
}
