package dev.camelzest.routes.filedrop;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.CamelContext;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;

/**
 * Keeps a file whose import stopped (Zest refused the credentials with 401/403, a request was rejected, or retries
 * ran out) out of the polls for a while: the file stays where it is for a later run, but is not re-sent on every
 * poll while the cause lasts. The hold ends after its period, when the file changes (size or time), or when the
 * application restarts.
 */
public final class StoppedFiles implements GenericFileFilter<Object> {

    private final Duration period;
    private final Clock clock;
    private final Map<String, Instant> heldUntil = new ConcurrentHashMap<>();
    /** Told of every file a poll lists, for the directory's backlog gauge; null when not measured. */
    private final FileBacklog backlog;

    public StoppedFiles(Duration period) {
        this(period, Clock.systemUTC(), null);
    }

    /** A hold that also reports the directory's waiting files to the context's meter registry ({@link FileBacklog}). */
    public StoppedFiles(Duration period, CamelContext camelContext) {
        this(period, Clock.systemUTC(), camelContext);
    }

    StoppedFiles(Duration period, Clock clock) {
        this(period, clock, null);
    }

    private StoppedFiles(Duration period, Clock clock, CamelContext camelContext) {
        this.period = period;
        this.clock = clock;
        this.backlog = camelContext == null ? null : new FileBacklog(camelContext, this, clock);
    }

    void hold(String fileName, long length, long lastModified) {
        heldUntil.put(key(fileName, length, lastModified), clock.instant().plus(period));
    }

    @Override
    public boolean accept(GenericFile<Object> file) {
        if (file.isDirectory()) {
            return true;
        }
        if (backlog != null) {
            backlog.listed(file);
        }
        String key = key(file.getRelativeFilePath(), file.getFileLength(), file.getLastModified());
        Instant until = heldUntil.get(key);
        if (until == null) {
            return true;
        }
        if (clock.instant().isBefore(until)) {
            return false;
        }
        heldUntil.remove(key);
        return true;
    }

    private static String key(String fileName, long length, long lastModified) {
        return fileName + '|' + length + '|' + lastModified;
    }
}
