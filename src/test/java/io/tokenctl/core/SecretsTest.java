package io.tokenctl.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecretsTest {
    private final SecureRandom random = new SecureRandom();

    @Test
    void aSecretIsThePrefixThirtyRandomAndSixChecksumBase62Characters() {
        String s = Secrets.generate(random);
        assertEquals(41, s.length());
        assertTrue(s.matches("tctl_[0-9A-Za-z]{36}"), s.substring(0, 5));
        assertTrue(io.tokenctl.api.SecretShape.wellFormed(s));
    }

    @Test
    void secretsDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertTrue(seen.add(Secrets.generate(random)));
        }
    }

    @Test
    void everyBase62CharacterTurnsUpInEveryRandomPosition() {
        int[][] counts = new int[io.tokenctl.api.SecretShape.RANDOM_CHARS][62];
        for (int i = 0; i < 20_000; i++) {
            String s = Secrets.generate(random);
            for (int p = 0; p < io.tokenctl.api.SecretShape.RANDOM_CHARS; p++) {
                counts[p][io.tokenctl.api.SecretShape.ALPHABET.indexOf(s.charAt(5 + p))]++;
            }
        }
        for (int[] position : counts) {
            for (int c : position) {
                assertTrue(c > 200, "a character far below its expected 322 draws: " + c);
            }
        }
    }

    @Test
    void anyOneCharacterTypoFailsTheChecksum() {
        Random r = new Random(7);
        for (int i = 0; i < 2_000; i++) {
            String s = Secrets.generate(random);
            int pos = 5 + r.nextInt(36);
            char replacement;
            do {
                replacement = io.tokenctl.api.SecretShape.ALPHABET.charAt(r.nextInt(62));
            } while (replacement == s.charAt(pos));
            String typo = s.substring(0, pos) + replacement + s.substring(pos + 1);
            assertFalse(io.tokenctl.api.SecretShape.wellFormed(typo), "typo at " + pos);
        }
    }

    @Test
    void swappedNeighboursFailTheChecksum() {
        String s = Secrets.generate(random);
        for (int pos = 5; pos < 40; pos++) {
            if (s.charAt(pos) != s.charAt(pos + 1)) {
                String swapped = s.substring(0, pos) + s.charAt(pos + 1) + s.charAt(pos) + s.substring(pos + 2);
                assertFalse(io.tokenctl.api.SecretShape.wellFormed(swapped), "swap at " + pos);
            }
        }
    }

    @Test
    void wrongShapesAreRejected() {
        String s = Secrets.generate(random);
        assertFalse(io.tokenctl.api.SecretShape.wellFormed(null));
        assertFalse(io.tokenctl.api.SecretShape.wellFormed(""));
        assertFalse(io.tokenctl.api.SecretShape.wellFormed(s.substring(0, 40)));
        assertFalse(io.tokenctl.api.SecretShape.wellFormed(s + "0"));
        assertFalse(io.tokenctl.api.SecretShape.wellFormed("ghp_" + s.substring(5) + "x"));
        assertFalse(io.tokenctl.api.SecretShape.wellFormed(s.substring(0, 10) + "-" + s.substring(11)));
        // non-ASCII of the right length in chars: a letter outside ASCII, and a surrogate pair (two chars)
        assertFalse(io.tokenctl.api.SecretShape.wellFormed(s.substring(0, 10) + "\u00e9" + s.substring(11)));
        assertFalse(io.tokenctl.api.SecretShape.wellFormed(s.substring(0, 10) + "\ud83d\ude00" + s.substring(12)));
        assertFalse(io.tokenctl.api.SecretShape.wellFormed("tctl\u00df" + s.substring(5)));
    }

    @Test
    void theChecksumIsCrc32OfPrefixAndRandomPartInBase62() {
        // CRC32("tctl_" + 30 zeros) = 0x8B9EAE5A... whatever it is, its base62 must decode back to the CRC value
        String body = "tctl_" + "0".repeat(30);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(body.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        String check = io.tokenctl.api.SecretShape.checksum(body);
        long decoded = 0;
        for (char c : check.toCharArray()) {
            decoded = decoded * 62 + io.tokenctl.api.SecretShape.ALPHABET.indexOf(c);
        }
        assertEquals(crc.getValue(), decoded);
        assertTrue(io.tokenctl.api.SecretShape.wellFormed(body + check));
    }

    @Test
    void theStoredFormIsSha256HexAndListingsShowSixteenDigits() {
        String s = Secrets.generate(random);
        String hash = Secrets.hash(s);
        assertTrue(hash.matches("[0-9a-f]{64}"));
        assertNotEquals(-1, hash.indexOf(Secrets.display(hash).substring(7)));
        assertEquals("sha256:" + hash.substring(0, 16), Secrets.display(hash));
        assertTrue(Secrets.sameHash(hash, Secrets.hash(s)));
        assertFalse(Secrets.sameHash(hash, Secrets.hash(Secrets.generate(random))));
    }
}
