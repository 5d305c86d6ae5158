package dev.camelzest.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConsoleLinesTest {

    @AfterEach
    void clearFormat() {
        System.clearProperty(ConsoleLines.FORMAT);
    }

    @Test
    void textUnlessJsonIsAsked() {
        assertThat(ConsoleLines.isJson()).isEqualTo("json".equals(System.getenv(ConsoleLines.FORMAT)));
        System.setProperty(ConsoleLines.FORMAT, "json");
        assertThat(ConsoleLines.isJson()).isTrue();
        assertThat(ConsoleLines.stream()).isNotSameAs(System.out);
    }

    /** logback.xml includes logback-<format>.xml: any other value would leave the application without a log. */
    @Test
    void aFormatWithoutALogbackFileIsRefused() {
        System.setProperty(ConsoleLines.FORMAT, "JSON");

        assertThatThrownBy(ConsoleLines::checkFormat).isInstanceOf(StartupRefused.class)
                .hasMessage("ZEST_LOG_FORMAT must be text or json, not 'JSON'");
    }
}
