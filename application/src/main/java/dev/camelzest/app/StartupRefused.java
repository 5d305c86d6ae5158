package dev.camelzest.app;

import java.util.Optional;

/**
 * A configuration the application will not run with. Its message is the one line printed: it names the
 * settings to fix, and never carries a secret.
 */
final class StartupRefused extends RuntimeException {

    StartupRefused(String message) {
        super(message, null, false, false);
    }

    /** The refusal in a failure's cause chain, if any: Camel Main wraps what a listener throws. */
    static Optional<StartupRefused> in(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof StartupRefused refused) {
                return Optional.of(refused);
            }
        }
        return Optional.empty();
    }
}
