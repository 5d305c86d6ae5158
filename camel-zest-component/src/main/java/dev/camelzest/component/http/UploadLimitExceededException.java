package dev.camelzest.component.http;

import java.io.IOException;

/** Thrown while streaming an upload of unknown length once it passes the size Zest accepts; the call is aborted. */
public class UploadLimitExceededException extends IOException {

    private static final long serialVersionUID = 1L;

    public UploadLimitExceededException(long limit) {
        super("The upload is larger than the " + limit + " bytes Zest accepts");
    }
}
