package dev.camelzest.routes.filedrop;

import java.time.Duration;

/** The rate and the time left of an import, for its progress line: {@code 1250 rows/s, about 2m 40s left}. */
final class ImportProgress {

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
