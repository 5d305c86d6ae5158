package dev.camelzest.routes.filedrop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ImportProgressTest {

    @Test
    void rateAndTimeLeftFollowFromTheRowsDoneSoFar() {
        assertThat(ImportProgress.rateAndTimeLeft(25_000, 100_000, Duration.ofSeconds(20)))
                .isEqualTo("1250 rows/s, about 1m 0s left");
        assertThat(ImportProgress.rateAndTimeLeft(1_000, 10_000_000, Duration.ofSeconds(1)))
                .isEqualTo("1000 rows/s, about 2h 46m left");
        assertThat(ImportProgress.rateAndTimeLeft(0, 100, Duration.ofSeconds(5))).isEqualTo("0 rows/s");
        assertThat(ImportProgress.rateAndTimeLeft(10, -1, Duration.ofSeconds(5))).isEqualTo("2 rows/s");
    }
}
