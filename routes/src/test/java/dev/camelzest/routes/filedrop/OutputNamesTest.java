package dev.camelzest.routes.filedrop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The names a file takes when its own is taken: nothing in a results, done or error directory is replaced. */
class OutputNamesTest {

    private static final Instant RUN = Instant.parse("2026-12-05T06:15:00Z");

    @Test
    void aPublishedFileIsStampedWithTheTimeOfItsRunBeforeItsKindAndExtension() {
        assertThat(OutputFile.stamped("orders.results.csv", RUN)).isEqualTo("orders.20261205T061500Z.results.csv");
        assertThat(OutputFile.stamped("orders.summary.json", RUN)).isEqualTo("orders.20261205T061500Z.summary.json");
        assertThat(OutputFile.stamped("orders.csv.error.txt", RUN)).isEqualTo("orders.csv.20261205T061500Z.error.txt");
        assertThat(OutputFile.stamped("done/form.pdf.result.json", RUN))
                .isEqualTo("done/form.pdf.20261205T061500Z.result.json");
        assertThat(OutputFile.stamped("report.json", RUN)).isEqualTo("report.20261205T061500Z.json");
        assertThat(OutputFile.stamped("README", RUN)).isEqualTo("README.20261205T061500Z");
    }

    @Test
    void aMovedFileTakesTheNextFreeNumberBeforeItsExtension() {
        assertThat(FreeNameRenamer.numbered("done/orders.csv", 1)).isEqualTo("done/orders.csv");
        assertThat(FreeNameRenamer.numbered("done/orders.csv", 2)).isEqualTo("done/orders-2.csv");
        assertThat(FreeNameRenamer.numbered("done/orders.v2.csv", 3)).isEqualTo("done/orders.v2-3.csv");
        assertThat(FreeNameRenamer.numbered("done.d/orders", 2)).isEqualTo("done.d/orders-2");
        assertThat(FreeNameRenamer.numbered("error/.hidden", 2)).isEqualTo("error/.hidden-2");
    }
}
