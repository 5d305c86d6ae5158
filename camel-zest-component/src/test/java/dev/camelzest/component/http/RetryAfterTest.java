package dev.camelzest.component.http;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-10-21T07:28:00Z");

    @Test
    void readsDeltaSeconds() {
        assertEquals(Duration.ofSeconds(120), RetryAfter.parse(" 120 ", NOW));
        assertEquals(Duration.ZERO, RetryAfter.parse("0", NOW));
    }

    @Test
    void readsAnHttpDateCountedFromNow() {
        assertEquals(Duration.ofSeconds(90), RetryAfter.parse("Wed, 21 Oct 2026 07:29:30 GMT", NOW));
        assertEquals(Duration.ZERO, RetryAfter.parse("Wed, 21 Oct 2026 07:00:00 GMT", NOW), "a past date means now");
    }

    @Test
    void ignoresWhatIsNeitherAndBoundsWhatItReads() {
        assertNull(RetryAfter.parse(null, NOW));
        assertNull(RetryAfter.parse("soon", NOW));
        assertNull(RetryAfter.parse("-5", NOW));
        assertNull(RetryAfter.parse("99999999999999999999", NOW), "more seconds than a server means");
        assertNull(RetryAfter.parse("1".repeat(10_000), NOW));
    }
}
