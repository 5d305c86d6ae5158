package dev.camelzest.routes.filedrop;

/**
 * This replica no longer holds its claim on the file it imports (it stalled for longer than the claim's expiry, or
 * could not renew it), so another replica may be importing it: this one stops at once and writes nothing, and the
 * file is left to the claim's holder.
 */
public final class ClaimLostException extends RuntimeException {

    public ClaimLostException(String file) {
        super("the claim on " + file + " passed to another replica");
    }
}
