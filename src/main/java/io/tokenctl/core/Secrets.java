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
    public static final String PREFIX = SecretShape.PREFIX;
    static final String ALPHABET = SecretShape.ALPHABET;
    static final int RANDOM_CHARS = SecretShape.RANDOM_CHARS;
    static final int CHECK_CHARS = SecretShape.CHECK_CHARS;
    public static final int LENGTH = SecretShape.LENGTH;

    private Secrets() {
    }

    public static String generate(SecureRandom random) {
        StringBuilder sb = new StringBuilder(LENGTH).append(PREFIX);
        for (int i = 0; i < RANDOM_CHARS; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.append(checksum(sb)).toString();
    }

    /** True when {@code text} has the shape and a matching checksum: a typo or a fake fails here, offline. */
    public static boolean wellFormed(CharSequence text) {
        return SecretShape.wellFormed(text);
    }

    /** The secret's ASCII bytes when it is well formed (shape and checksum), else null; no store involved. */
    static byte[] asciiIfWellFormed(CharSequence text) {
        return SecretShape.asciiIfWellFormed(text);
    }

    static String checksum(CharSequence body) {
        return SecretShape.checksum(body);
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
