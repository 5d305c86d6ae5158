package dev.camelzest.sandbox.investors;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The checks one investor row must pass before it can become a person, in the field order of
 * InvestorCreateRow: the first failing field is the row's error. Codes: {@code required} for a missing or
 * blank required field, {@code format} for a value of the wrong type or shape (Zest's documented example:
 * "dateOfBirth must be YYYY-MM-DD").
 */
final class InvestorRowCheck {

    private static final String[] REQUIRED = {"partnerInvestorId", "email", "firstName", "lastName", "dateOfBirth"};
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]+$");
    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private InvestorRowCheck() {
    }

    /** The row's first problem, or empty when it can be onboarded. */
    static Optional<RowError> check(JsonNode row, LocalDate today) {
        if (!row.isObject()) {
            return Optional.of(RowError.of("format", null, "Each investor must be a JSON object."));
        }
        for (String field : REQUIRED) {
            JsonNode value = row.get(field);
            if (value == null || value.isNull() || value.isTextual() && value.asText().isBlank()) {
                return Optional.of(RowError.of("required", field, field + " is required"));
            }
            if (!value.isTextual()) {
                return Optional.of(RowError.of("format", field, field + " must be a string"));
            }
        }
        if (!EMAIL.matcher(row.get("email").asText()).matches()) {
            return Optional.of(RowError.of("format", "email", "email must be a valid email address"));
        }
        Optional<RowError> dateOfBirth = checkDateOfBirth(row.get("dateOfBirth").asText(), today);
        if (dateOfBirth.isPresent()) {
            return dateOfBirth;
        }
        return checkCountry(row.get("countryOfResidence"));
    }

    private static Optional<RowError> checkDateOfBirth(String text, LocalDate today) {
        try {
            if (LocalDate.parse(text, ISO_DATE).isAfter(today)) {
                return Optional.of(RowError.of("format", "dateOfBirth", "dateOfBirth must not be in the future"));
            }
            return Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.of(RowError.of("format", "dateOfBirth", "dateOfBirth must be YYYY-MM-DD"));
        }
    }

    /** Optional; when given, an ISO 3166 alpha-2 code (upper case, as the docs' examples write it). */
    private static Optional<RowError> checkCountry(JsonNode country) {
        if (country == null || country.isNull()) {
            return Optional.empty();
        }
        if (!country.isTextual() || !COUNTRIES.contains(country.asText())) {
            return Optional.of(RowError.of("format", "countryOfResidence",
                    "countryOfResidence must be an ISO 3166 alpha-2 country code"));
        }
        return Optional.empty();
    }
}
