package dev.camelzest.routes.filedrop;

import java.time.Duration;
import java.util.Optional;

import org.apache.camel.Exchange;

/** How far an import is: its rate and time left for the progress line, where it stands for the stop report. */
public final class ImportProgress {

    private ImportProgress() {
    }

    /** From the rows done so far out of {@code total} (unknown when negative) in {@code elapsed}. */
    static String rateAndTimeLeft(long done, long total, Duration elapsed) {
        long millis = Math.max(1, elapsed.toMillis());
        long perSecond = done * 1000 / millis;
        if (done == 0 || total < 0) {
            return perSecond + " rows/s";
        }
        long left = Math.max(0, total - done) * millis / done;
        return perSecond + " rows/s, about " + text(Duration.ofMillis(left)) + " left";
    }

    /** The import an exchange of a file-drop route belongs to, if any: {@code investors.csv: 1200 of 5000 rows ...}. */
    public static Optional<String> of(Exchange exchange) {
        return exchange.getProperty(FileDropImport.RUN) instanceof FileRun<?> run ? Optional.of(run.progress())
                : Optional.empty();
    }

    private static String text(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return seconds / 60 + "m " + seconds % 60 + "s";
        }
        return seconds / 3600 + "h " + seconds % 3600 / 60 + "m";
    }
}
