package dev.camelzest.component.http;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads an HTTP {@code Retry-After} value (RFC 9110): delta-seconds ({@code 120}) or an HTTP-date
 * ({@code Wed, 21 Oct 2026 07:28:00 GMT}). A value that is neither is ignored rather than failing the error it came
 * with; a date in the past means "now".
 */
public final class RetryAfter {

    /** Longer than any delta-seconds value a server means; bounds the parse of outside input. */
    private static final int MAX_CHARS = 64;
    private static final int MAX_SECONDS_DIGITS = 9;

    private RetryAfter() {
    }

    /** The wait the value asks for, counted from {@code now}; {@code null} when there is no readable value. */
    public static Duration parse(String value, Instant now) {
        if (value == null || value.isBlank() || value.length() > MAX_CHARS) {
            return null;
        }
        String text = value.strip();
        if (text.chars().allMatch(Character::isDigit)) {
            return text.length() > MAX_SECONDS_DIGITS ? null : Duration.ofSeconds(Long.parseLong(text));
        }
        try {
            Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }
}
