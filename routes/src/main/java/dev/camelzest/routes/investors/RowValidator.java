package dev.camelzest.routes.investors;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import dev.camelzest.routes.filedrop.RowError;

/**
 * Checks a row locally before anything is sent, as Zest would: required fields, {@code dateOfBirth} a real
 * {@code YYYY-MM-DD} date, {@code countryOfResidence} an ISO 3166 alpha-2 code (any case), an email of the usual
 * shape. Error codes follow Zest's row error vocabulary ({@code required}, {@code format}).
 */
final class RowValidator {

    private static final DateTimeFormatter ISO_DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern DATE_SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    /** One @, no spaces, a dot in the domain: the shape, not deliverability. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    RowError check(InvestorRow row) {
        if (row.readError() != null) {
            return row.readError();
        }
        for (InvestorField field : InvestorField.values()) {
            if (field.required() && value(row, field) == null) {
                return RowError.invalid("required", field.fieldName(), field.fieldName() + " is required");
            }
        }
        if (!isDate(row.dateOfBirth())) {
            return RowError.invalid("format", "dateOfBirth",
                    "dateOfBirth must be a real date written YYYY-MM-DD, got '" + row.dateOfBirth() + "'");
        }
        if (!EMAIL.matcher(row.email()).matches()) {
            return RowError.invalid("format", "email", "email is not an email address: '" + row.email() + "'");
        }
        String country = row.countryOfResidence();
        if (country != null && !COUNTRIES.contains(country.toUpperCase(Locale.ROOT))) {
            return RowError.invalid("format", "countryOfResidence",
                    "countryOfResidence must be an ISO 3166 alpha-2 code, got '" + country + "'");
        }
        return null;
    }

    private static boolean isDate(String text) {
        if (!DATE_SHAPE.matcher(text).matches()) {
            return false;
        }
        try {
            LocalDate.parse(text, ISO_DATE);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static String value(InvestorRow row, InvestorField field) {
        return switch (field) {
            case PARTNER_INVESTOR_ID -> row.partnerInvestorId();
            case EMAIL -> row.email();
            case FIRST_NAME -> row.firstName();
            case LAST_NAME -> row.lastName();
            case DATE_OF_BIRTH -> row.dateOfBirth();
            case COUNTRY_OF_RESIDENCE -> row.countryOfResidence();
        };
    }
}
