package dev.camelzest.component.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import ch.qos.logback.classic.Level;
import dev.camelzest.component.LogCapture;
import dev.camelzest.component.webhook.WebhookRefusals.Reason;
import dev.camelzest.fixtures.time.MutableClock;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Refusals are counted per reason; the log gets the first one, then at most a summary a minute. */
class WebhookRefusalsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-07T12:00:00Z"));
    private final WebhookRefusals refusals = new WebhookRefusals(clock);

    @Test
    void logsTheFirstRefusalThenOneSummaryAMinute() {
        try (LogCapture log = LogCapture.of(WebhookRefusals.class.getName())) {
            refusals.record(Reason.SIGNATURE_NOT_VERIFIED, "signature does not match");
            for (int i = 0; i < 500; i++) {
                clock.advance(Duration.ofMillis(100));
                refusals.record(i % 100 == 0 ? Reason.BODY_TOO_LARGE : Reason.SIGNATURE_NOT_VERIFIED, "detail " + i);
            }
            // 50 s later: still within the minute of the first line
            List<String> lines = log.messages(Level.INFO);
            assertEquals(1, lines.size(), lines.toString());
            assertTrue(lines.get(0).contains("401 (SIGNATURE_NOT_VERIFIED): signature does not match"), lines.get(0));

            clock.advance(Duration.ofSeconds(10));
            refusals.record(Reason.NOT_AN_EVENT, "body is not a Zest event");
            lines = log.messages(Level.INFO);
            assertEquals(2, lines.size(), lines.toString());
            assertTrue(lines.get(1).contains("BODY_TOO_LARGE=5, SIGNATURE_NOT_VERIFIED=495, NOT_AN_EVENT=1"), lines.get(1));

            refusals.record(Reason.NOT_AN_EVENT, "again");
            refusals.flush();
            lines = log.messages(Level.INFO);
            assertEquals(3, lines.size(), "what was not reported yet is reported when the endpoint stops");
            assertTrue(lines.get(2).endsWith("NOT_AN_EVENT=1"), lines.get(2));
            refusals.flush();
            assertEquals(3, log.messages(Level.INFO).size(), "nothing new, nothing logged");
            assertEquals(503 + 3, log.messages(Level.DEBUG).size(), "each refusal's detail at DEBUG, beside the 3 lines");
        }
        assertEquals(496, refusals.count(Reason.SIGNATURE_NOT_VERIFIED));
        assertEquals(5, refusals.count(Reason.BODY_TOO_LARGE));
        assertEquals(2, refusals.count(Reason.NOT_AN_EVENT));
        assertEquals(503, refusals.total());
    }
}
