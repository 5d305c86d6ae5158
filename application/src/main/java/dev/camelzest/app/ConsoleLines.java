package dev.camelzest.app;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the application's own lines for the person at the terminal go (where Zest, SFTP and the ledger are, the
 * sample journey): standard output as they are, or, when the log is JSON ({@value #FORMAT}{@code =json}), log
 * events of the logger {@code camel-zest}, so that every line a log shipper reads is one JSON object.
 */
final class ConsoleLines {

    /** The environment variable (or system property) logback.xml reads to choose the log format. */
    static final String FORMAT = "ZEST_LOG_FORMAT";
    private static final Logger LOG = LoggerFactory.getLogger("camel-zest");

    private ConsoleLines() {
    }

    static PrintStream stream() {
        return isJson() ? new PrintStream(new LineLogger(), true, StandardCharsets.UTF_8) : System.out;
    }

    static boolean isJson() {
        return "json".equals(format());
    }

    /** {@code text} (the default) or {@code json}; logback.xml includes logback-<format>.xml. */
    static String format() {
        String format = System.getProperty(FORMAT, System.getenv(FORMAT));
        return format == null || format.isEmpty() ? "text" : format;
    }

    /** A format logback has no file for would leave the application without a log at all: refused instead. */
    static void checkFormat() {
        String format = format();
        if (!format.equals("text") && !format.equals("json")) {
            throw new StartupRefused(FORMAT + " must be text or json, not '" + format + "'");
        }
    }

    /** Logs each line written to it, without its line break. */
    private static final class LineLogger extends OutputStream {

        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.UTF_8);
                line.reset();
                if (!text.isEmpty()) {
                    LOG.info("{}", text);
                }
            } else if (b != '\r') {
                line.write(b);
            }
        }
    }
}
