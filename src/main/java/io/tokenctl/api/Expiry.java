package io.tokenctl.api;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.annotation.JsonCreator;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * When a token should stop working: after a duration from now (resolved by whoever holds the clock),
 * at a fixed time, or never (both null).
 */
public record Expiry(Duration after, Instant at) {
    public static final Expiry NEVER = new Expiry(null, null);

    public Expiry {
        if (after != null && at != null) {
            throw new IllegalArgumentException("an expiry is a duration or a time, not both");
        }
    }

    /** What the wire carries: {@code never}, a duration such as {@code 30d}, or an ISO-8601 time. */
    @JsonValue
    public String wire() {
        return isNever() ? "never" : after != null ? Durations.format(after) : at.toString();
    }

    @JsonCreator
    static Expiry fromJson(String text) {
        return parse("expires", text);
    }

    public boolean isNever() {
        return after == null && at == null;
    }

    /** Resolves against {@code now}; null means never. */
    public Instant resolve(Instant now) {
        return after != null ? now.plus(after) : at;
    }

    /** Parses what users type after {@code --expires}: 30d, 12h, an ISO-8601 time, or never. */
    public static Expiry parse(String flag, String text) {
        if ("never".equals(text)) {
            return NEVER;
        }
        Duration d = Durations.tryParse(text);
        if (d != null && !d.isZero()) {
            return new Expiry(d, null);
        }
        Instant at = parseTime(text);
        if (at == null) {
            throw TokenctlException.usage(flag + ": \"" + text
                    + "\" is not a duration; use e.g. 30d, 12h, an ISO-8601 time, or never");
        }
        return new Expiry(null, at);
    }

    private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    /**
     * Parses an ISO-8601 instant with a zone or offset (2027-01-31T00:00:00Z), in the years 1970-9999; null when
     * it is not one.
     */
    public static Instant parseTime(String text) {
        try {
            Instant at = OffsetDateTime.parse(text).toInstant();
            return at.isBefore(EARLIEST) || at.isAfter(LATEST) ? null : at;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
