package io.tokenctl.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The audit keeps at most 256 characters of anything a caller supplied, and says how long it was. */
class AuditStoredTest {
    @Test
    void aHugeValueIsCutTo256CharactersAndItsLength() {
        String stored = Audit.stored("x".repeat(100_000));
        assertTrue(stored.startsWith("x".repeat(256) + "\u2026 (100000 characters)"), stored);
        assertEquals(256 + " (100000 characters)".length() + 1, stored.length());
    }

    @Test
    void lengthsCountCharactersNotUtf16Units() {
        String emoji = "\uD83D\uDD11";
        assertEquals(emoji.repeat(256), Audit.stored(emoji.repeat(256)));
        assertTrue(Audit.stored(emoji.repeat(257)).endsWith("(257 characters)"));
    }

    @Test
    void secretsAreRedactedBeforeAnythingIsKept() {
        assertEquals("id <redacted>", Audit.stored("id tctl_" + "a".repeat(36)));
    }
}
