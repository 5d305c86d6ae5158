package dev.camelzest.routes.filedrop;

/**
 * A dropped file cannot be read at all (not the format, over a read bound, required columns missing). Such a file
 * is moved to the error directory with a report; no row of it is sent.
 * <p>
 * It carries no cause on purpose: Camel matches exception policies from the root cause up, and a low-level
 * {@code IOException} underneath would be taken for a transient failure.
 */
public class UnreadableFileException extends RuntimeException {

    public UnreadableFileException(String message) {
        super(message);
    }
}
