package dev.camelzest.routes.documents;

/**
 * A document that cannot go yet and waits, in place, for a later poll: its file has not arrived beside the manifest,
 * or it is a funding receipt whose subscription has no signed form on record (Zest takes forms before fundings).
 * Not an error: nothing is reported or moved.
 */
public class DocumentNotReadyException extends RuntimeException {

    public DocumentNotReadyException(String message) {
        super(message, null, false, false);
    }
}
