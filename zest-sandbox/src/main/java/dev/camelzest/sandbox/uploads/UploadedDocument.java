package dev.camelzest.sandbox.uploads;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.camelzest.sandbox.http.ApiException;
import dev.camelzest.sandbox.http.ApiRequest;
import dev.camelzest.sandbox.http.ValidationErrorItem;

import io.vertx.ext.web.FileUpload;

/**
 * The {@code file} part of an upload, checked as Zest checks it: present (400), at most 10 MB (413
 * payload_too_large), and a PDF, JPEG, PNG or WEBP both by the part's declared content type and by the
 * file's magic bytes (415 unsupported_media_type; a declared type the content contradicts is refused too).
 */
record UploadedDocument(Path file, DocumentType type, long size) {

    static final long MAX_BYTES = 10L * 1024 * 1024;
    private static final String FIELD = "file";

    static UploadedDocument of(ApiRequest request) {
        List<FileUpload> parts = request.fileUploads().stream().filter(u -> FIELD.equals(u.name())).toList();
        if (parts.size() != 1) {
            throw ApiException.validationError("Exactly one file part named 'file' is required.", List.of(
                    new ValidationErrorItem(FIELD, "required", "file is required", null)));
        }
        FileUpload part = parts.get(0);
        if (part.size() > MAX_BYTES) {
            throw ApiException.payloadTooLarge("The file is " + part.size() + " bytes; the limit is 10 MB.");
        }
        DocumentType declared = DocumentType.ofMediaType(part.contentType())
                .orElseThrow(() -> ApiException.unsupportedMediaType("Content type " + part.contentType()
                        + " is not accepted; upload a PDF, JPEG, PNG or WEBP file."));
        Path file = Path.of(part.uploadedFileName());
        DocumentType actual = DocumentType.ofContent(head(file))
                .orElseThrow(() -> ApiException.unsupportedMediaType(
                        "The file's content is not a PDF, JPEG, PNG or WEBP file."));
        if (actual != declared) {
            throw ApiException.unsupportedMediaType("The file is declared " + declared.mediaType()
                    + " but its content is " + actual.mediaType() + ".");
        }
        return new UploadedDocument(file, actual, part.size());
    }

    private static byte[] head(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(DocumentType.HEAD_LENGTH);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
