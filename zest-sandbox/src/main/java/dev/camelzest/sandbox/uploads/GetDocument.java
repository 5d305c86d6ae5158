package dev.camelzest.sandbox.uploads;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import dev.camelzest.sandbox.SandboxContext;
import dev.camelzest.sandbox.http.ApiException;
import dev.camelzest.sandbox.http.ApiHandler;
import dev.camelzest.sandbox.http.ApiRequest;
import dev.camelzest.sandbox.http.ApiResponse;

/** GET /sandbox/documents/{name}?expires=...: an uploaded form or receipt, while its link is valid. */
public final class GetDocument implements ApiHandler {

    private final SandboxContext context;
    private final DocumentStorage storage;

    public GetDocument(SandboxContext context, DocumentStorage storage) {
        this.context = context;
        this.storage = storage;
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        long expires = request.queryParam("expires").map(GetDocument::epochSeconds).orElse(0L);
        if (Instant.ofEpochSecond(expires).isBefore(context.now())) {
            throw ApiException.forbidden("This document link has expired.");
        }
        String name = request.pathParam("name");
        Path file = storage.find(name).orElseThrow(() -> ApiException.notFound("No document " + name + "."));
        String extension = name.substring(name.lastIndexOf('.') + 1);
        String mediaType = java.util.Arrays.stream(DocumentType.values())
                .filter(type -> type.extension().equals(extension)).findFirst()
                .map(DocumentType::mediaType).orElse("application/octet-stream");
        try {
            return new ApiResponse(200, mediaType, Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long epochSeconds(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return 0L;
        }
    }
}
