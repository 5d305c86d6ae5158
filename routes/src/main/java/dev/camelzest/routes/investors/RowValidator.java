package dev.camelzest.routes.investors;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;

import dev.camelzest.routes.filedrop.RowError;

/**
 * Checks a row locally before anything is sent, as Zest would: required fields, {@code dateOfBirth} a real
 * {@code YYYY-MM-DD} date, {@code countryOfResidence} an ISO 3166 alpha-2 code (any case), an email of the usual
 * shape. Error codes follow Zest's row error vocabulary ({@code required}, {@code format}).
 */
final class RowValidator {

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
        if (!isEmail(row.email())) {
            return RowError.invalid("format", "email", "email is not an email address: '" + row.email() + "'");
        }
        String country = row.countryOfResidence();
        if (country != null && !COUNTRIES.contains(country.toUpperCase(Locale.ROOT))) {
            return RowError.invalid("format", "countryOfResidence",
                    "countryOfResidence must be an ISO 3166 alpha-2 code, got '" + country + "'");
        }
        return null;
    }

    /**
     * {@code YYYY-MM-DD} and a day the calendar has ({@code LocalDate.of} refuses 2021-02-29), read digit by digit:
     * a {@code DateTimeFormatter} costs a profile's worth of CPU and garbage on a file of a million rows.
     */
    private static boolean isDate(String text) {
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return false;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        if (year < 0 || month < 0 || day < 0) {
            return false;
        }
        try {
            LocalDate.of(year, month, day);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    /**
     * The shape of an email address, not its deliverability: one {@code @} with something before it, no white space,
     * and a domain of at least two dot-separated labels, none empty. The regular expression
     * {@code [^@\s]+@[^@\s.]+(\.[^@\s.]+)+} says the same (the test holds them to it) at a matcher and its
     * bookkeeping per row.
     */
    static boolean isEmail(String text) {
        int at = text.indexOf('@');
        if (at <= 0 || text.indexOf('@', at + 1) >= 0) {
            return false;
        }
        int labels = 0;
        int labelLength = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isRegexSpace(c)) {
                return false;
            }
            if (i > at) {
                if (c == '.') {
                    if (labelLength == 0) {
                        return false;
                    }
                    labels++;
                    labelLength = 0;
                } else {
                    labelLength++;
                }
            }
        }
        return labelLength > 0 && labels >= 1;
    }

    /** {@code \s} of {@link java.util.regex.Pattern} without UNICODE_CHARACTER_CLASS: {@code [ \t\n\x0B\f\r]}. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** The number the ASCII digits from {@code from} to {@code to} write, or -1 if any is not one. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
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
