package dev.camelzest.routes.filedrop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeenIdsTest {

    @TempDir
    Path temp;

    @Test
    void anIdSeenBeforeAnswersTheRowItFirstAppearedAt() {
        try (SeenIds seen = SeenIds.in(temp)) {
            assertThat(seen.firstRow("acme-1", 1)).isNull();
            assertThat(seen.firstRow("acme-2", 2)).isNull();
            assertThat(seen.firstRow("acme-1", 3)).isEqualTo(1L);
            assertThat(seen.firstRow("acme-1", 4)).isEqualTo(1L);
        }
        assertThat(temp.resolve(SeenIds.FILE_NAME)).doesNotExist();
    }

    /**
     * Fails on the old 1 MB write buffer: ids in no order touched a different leaf each, and every write rewrote most
     * of them (100,000 UUIDs grew the file to 49-100 MB; 2-8 MB now).
     */
    @Test
    void idsInNoOrderAreNotWrittenOverAndOverAgain() throws Exception {
        int ids = 100_000;
        try (SeenIds seen = SeenIds.in(temp)) {
            for (int row = 1; row <= ids; row++) {
                assertThat(seen.firstRow(UUID.randomUUID().toString(), row)).isNull();
            }
            assertThat(Files.size(temp.resolve(SeenIds.FILE_NAME))).isLessThan(24L << 20);
        }
    }
}
