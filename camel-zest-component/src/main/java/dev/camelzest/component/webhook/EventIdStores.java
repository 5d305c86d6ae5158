package dev.camelzest.component.webhook;

import java.io.File;
import java.nio.file.Path;

import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.LRUCacheFactory;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;

/** The default eventId store: a file that survives restarts. */
public final class EventIdStores {

    /** Zest advises keeping ids 24 h; this many covers about three events a second, around the clock. */
    public static final int DEFAULT_CACHE_SIZE = 250_000;
    /** An eventId line is about 21 bytes; the file is trimmed back to the cache when it outgrows this. */
    static final long MAX_FILE_SIZE = 16L * 1024 * 1024;
    public static final String FILE_NAME = "zest-event-ids.dat";

    private EventIdStores() {
    }

    /** A file-backed repository at {@code <directory>/zest-event-ids.dat}; start it before use. */
    public static IdempotentRepository fileStore(Path directory) {
        File file = directory.resolve(FILE_NAME).toFile();
        CachedFileStore store = new CachedFileStore(file);
        store.setCacheSize(DEFAULT_CACHE_SIZE);
        store.setMaxFileStoreSize(MAX_FILE_SIZE);
        return store;
    }

    /**
     * Camel's file repository, answering from its cache alone. The stock one scans the whole file for every id it
     * has not cached, which is every new event: a cost growing with the file that brought a busy endpoint down to a
     * hundred events a second. The file is loaded into the cache at start, and the cache holds the latest 250 000
     * ids, so only ids older than that are forgotten, long after Zest stops retrying them.
     */
    static final class CachedFileStore extends FileIdempotentRepository {

        CachedFileStore(File file) {
            super(file, LRUCacheFactory.newLRUCache(DEFAULT_CACHE_SIZE));
        }

        @Override
        protected boolean containsStore(String key) {
            return false;
        }
    }
}
