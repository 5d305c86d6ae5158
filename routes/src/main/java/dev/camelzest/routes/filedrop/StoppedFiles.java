package dev.camelzest.routes.filedrop;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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

    public StoppedFiles(Duration period) {
        this(period, Clock.systemUTC());
    }

    StoppedFiles(Duration period, Clock clock) {
        this.period = period;
        this.clock = clock;
    }

    void hold(String fileName, long length, long lastModified) {
        heldUntil.put(key(fileName, length, lastModified), clock.instant().plus(period));
    }

    @Override
    public boolean accept(GenericFile<Object> file) {
        if (file.isDirectory()) {
            return true;
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
