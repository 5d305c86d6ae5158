package dev.camelzest.routes.filedrop;

/** Camel is stopping: the import stops between two batches, and the file stays for the next run. */
public final class ImportInterruptedException extends RuntimeException {

    public ImportInterruptedException() {
        super("the application (or the route) is stopping; the batches sent so far are recorded");
    }

    /** The import ended (stopped, by another batch's failure or a stop) while a batch waited to be sent. */
    public ImportInterruptedException(String message) {
        super(message);
    }
}
