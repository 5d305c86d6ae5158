package dev.camelzest.routes.filedrop;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The ids met so far in one file (partnerInvestorIds, partnerSubscriptionIds), each with the row it first appeared
 * at, for a flow's duplicate check. They live in a scratch
 * file of H2's storage engine behind a small cache, so memory stays the same whether the file has a thousand rows or
 * ten million; a map in the heap would hold about 130 bytes a row.
 */
public final class SeenIds implements Closeable {

    static final String FILE_NAME = "seen-ids.mv";
    private static final int CACHE_MEGABYTES = 4;
    /**
     * Changes kept in memory before the store writes them: ids that come in no order (UUIDs, a CRM's references)
     * touch a different leaf of the B-tree each, and with H2's 1 MB default every write rewrote most leaves: 100,000
     * UUIDs grew the file to 49-100 MB and cost 21-32 µs of CPU each; with 8 MB, 2-8 MB and 9-14 µs (performance.md).
     * Memory stays flat: the buffer is a bound, the same for any number of rows.
     */
    static final int WRITE_BUFFER_KILOBYTES = 8 * 1024;

    private final Path file;
    private final MVStore store;
    private final MVMap<String, Long> firstRows;

    private SeenIds(Path file, MVStore store) {
        this.file = file;
        this.store = store;
        this.firstRows = store.openMap("firstRows");
    }

    /** A fresh set in {@code directory}; what an interrupted earlier run left there is discarded. */
    public static SeenIds in(Path directory) {
        Path file = directory.resolve(FILE_NAME);
        try {
            Files.createDirectories(directory);
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare " + file, e);
        }
        MVStore store = new MVStore.Builder().fileName(file.toString()).cacheSize(CACHE_MEGABYTES)
                .autoCommitBufferSize(WRITE_BUFFER_KILOBYTES).open();
        return new SeenIds(file, store);
    }

    /** Records {@code id} at {@code row} unless seen before; answers the row it was first seen at, or null. */
    public Long firstRow(String id, long row) {
        return firstRows.putIfAbsent(id, row);
    }

    @Override
    public void close() {
        if (!store.isClosed()) {
            store.closeImmediately();
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + file, e);
        }
    }
}
