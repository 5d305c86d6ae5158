package dev.camelzest.sandbox.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The project's Zest OpenAPI document, packaged as the classpath resource {@value #RESOURCE}. */
public final class OpenApiDocument {

    public static final String RESOURCE = "openapi/zest-openapi.json";

    private static final byte[] BYTES = load();

    private OpenApiDocument() {
    }

    /** The document exactly as published (served by GET /openapi.json). */
    public static byte[] bytes() {
        return BYTES.clone();
    }

    static byte[] sharedBytes() {
        return BYTES;
    }

    private static byte[] load() {
        try (InputStream in = OpenApiDocument.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource " + RESOURCE + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
