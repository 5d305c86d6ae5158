package dev.camelzest.routes.filedrop;

import java.nio.charset.CharacterCodingException;

/** Turns a low-level reading failure into a sentence a partner can act on. */
final class ReadFailures {

    private ReadFailures() {
    }

    static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            if (root instanceof CharacterCodingException) {
                break;
            }
            root = root.getCause();
        }
        if (root instanceof CharacterCodingException) {
            return "the file is not UTF-8 text";
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message;
    }
}
