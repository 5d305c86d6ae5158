package dev.camelzest.routes.investors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;

import dev.camelzest.routes.filedrop.RowError;
import org.junit.jupiter.api.Test;
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

    /** The shape the email check stands for, as a regular expression. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "a@b.c", "a.b@c.d.e", "@b.c", "a@", "a@b", "a@b.", "a@.b", "a@b..c", "a@b.c.", ".@b.c", "a@b@c.d",
            "a\tb@c.d", "a@b.c\u000B", "a@b.\u00e9", "\u00e9@b.c", "a@b.c ", "a..b@c.d", "a@b.c.d.e.f" })
    void checksTheEmailShapeAsItsRegularExpression(String email) {
        String text = email.translateEscapes();
        assertThat(RowValidator.isEmail(text)).as(text).isEqualTo(EMAIL.matcher(text).matches());
    }

    @Test
    void agreesWithTheRegularExpressionOnRandomText() {
        Random random = new Random(20261205);
        char[] alphabet = {'a', 'b', '.', '@', ' ', '\t', '\r', '\u000B', '\u00a0', '\u00e9', '-', '+'};
        for (int i = 0; i < 200_000; i++) {
            char[] text = new char[1 + random.nextInt(8)];
            for (int j = 0; j < text.length; j++) {
                text[j] = alphabet[random.nextInt(alphabet.length)];
            }
            String email = new String(text);
            assertThat(RowValidator.isEmail(email)).as(email).isEqualTo(EMAIL.matcher(email).matches());
        }
    }
}
