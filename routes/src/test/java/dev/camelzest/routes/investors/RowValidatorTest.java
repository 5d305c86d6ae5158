package dev.camelzest.routes.investors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camelzest.routes.filedrop.RowError;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RowValidatorTest {

    private final RowValidator validator = new RowValidator();

    private static InvestorRow row(String email, String dateOfBirth, String country) {
        return new InvestorRow(1, "a-1", email, "A", "B", dateOfBirth, country, null);
    }

    @ParameterizedTest
    @CsvSource({
            "a@example.com, 2000-02-29, ",
            "a.b+c@mail.example.co.uk, 1999-12-31, gb",
            "a@example.com, 1985-04-12, AE" })
    void acceptsValidRows(String email, String dateOfBirth, String country) {
        assertThat(validator.check(row(email, dateOfBirth, country))).isNull();
    }

    @ParameterizedTest
    @CsvSource({
            "a@example.com, 1900-02-29, , dateOfBirth",
            "a@example.com, 1985-4-12, , dateOfBirth",
            "a@example.com, 1985-13-01, , dateOfBirth",
            "a@example.com, 1985-04-31, , dateOfBirth",
            "a@example.com, 1985-0a-12, , dateOfBirth",
            "a@example.com, 1985/04/12, , dateOfBirth",
            "a@example.com, 1985-04-12T00:00, , dateOfBirth",
            "a@example.com, 85-04-12, , dateOfBirth",
            "a@example, 1985-04-12, , email",
            "a b@example.com, 1985-04-12, , email",
            "a@@example.com, 1985-04-12, , email",
            "a@example.com, 1985-04-12, UK, countryOfResidence",
            "a@example.com, 1985-04-12, ARE, countryOfResidence" })
    void rejectsMalformedFields(String email, String dateOfBirth, String country, String field) {
        RowError error = validator.check(row(email, dateOfBirth, country));
        assertThat(error.code()).isEqualTo("format");
        assertThat(error.field()).isEqualTo(field);
        assertThat(error.retryable()).isFalse();
    }
}
