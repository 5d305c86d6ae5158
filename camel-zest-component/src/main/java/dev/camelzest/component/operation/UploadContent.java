package dev.camelzest.component.operation;

import java.io.BufferedInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.camelzest.component.ZestApiException;
import org.apache.camel.Exchange;
import org.apache.camel.WrappedFile;
import org.apache.camel.util.FileUtil;
import org.apache.hc.client5.http.entity.mime.ByteArrayBody;
import org.apache.hc.client5.http.entity.mime.ContentBody;
import org.apache.hc.client5.http.entity.mime.FileBody;
import org.apache.hc.client5.http.entity.mime.InputStreamBody;
import org.apache.hc.core5.http.ContentType;

/**
 * The file part of an upload, checked before anything is sent: at most {@code maxUploadSize} bytes and a PDF, JPEG,
 * PNG or WEBP by content. Files are streamed from disk and streams are passed through, never read whole; a stream
 * of unknown length is cut off, and the call aborted, once it passes the limit.
 */
final class UploadContent {

    private UploadContent() {
    }

    static ContentBody of(ZestCall call, Object source) throws ZestApiException {
        long limit = call.configuration().getMaxUploadSize();
        String declaredName = fileNameHeader(call);
        try {
            if (source instanceof WrappedFile<?> wrapped) {
                Object file = wrapped.getFile();
                return of(call, file instanceof File ? file : wrapped.getBody());
            }
            if (source instanceof Path path) {
                return fileBody(call, path.toFile(), limit);
            }
            if (source instanceof File file) {
                return fileBody(call, file, limit);
            }
            if (source instanceof byte[] bytes) {
                checkSize(call, bytes.length, limit);
                UploadMediaType type = detect(call, bytes, Math.min(bytes.length, UploadMediaType.SNIFF_LENGTH));
                return new ByteArrayBody(bytes, contentType(type), fileName(declaredName, type));
            }
            if (source instanceof InputStream stream) {
                return streamBody(call, stream, declaredName, limit);
            }
        } catch (IOException e) {
            throw call.reject("invalid_request", "the file to upload could not be read: " + e.getMessage());
        }
        throw call.reject("invalid_request", call.operation() + " needs the file as a File, Path, InputStream, byte[] or"
                                             + " GenericFile body, not " + (source == null ? "an empty body" : source.getClass().getName()));
    }

    private static ContentBody fileBody(ZestCall call, File file, long limit) throws IOException, ZestApiException {
        if (!file.isFile()) {
            throw call.reject("invalid_request", "the file to upload does not exist: " + file);
        }
        checkSize(call, file.length(), limit);
        byte[] head = new byte[UploadMediaType.SNIFF_LENGTH];
        int length;
        try (InputStream in = Files.newInputStream(file.toPath())) {
            length = in.readNBytes(head, 0, head.length);
        }
        UploadMediaType type = detect(call, head, length);
        return new FileBody(file, contentType(type), file.getName());
    }

    private static ContentBody streamBody(ZestCall call, InputStream source, String declaredName, long limit)
            throws IOException, ZestApiException {
        Long declaredLength = call.message().getHeader(Exchange.FILE_LENGTH, Long.class);
        if (declaredLength != null) {
            checkSize(call, declaredLength, limit);
        }
        InputStream stream = source.markSupported() ? source : new BufferedInputStream(source);
        byte[] head = new byte[UploadMediaType.SNIFF_LENGTH];
        stream.mark(head.length);
        int length = stream.readNBytes(head, 0, head.length);
        stream.reset();
        UploadMediaType type = detect(call, head, length);
        return new InputStreamBody(new SizeLimitedInputStream(stream, limit), contentType(type), fileName(declaredName, type));
    }

    private static void checkSize(ZestCall call, long size, long limit) throws ZestApiException {
        if (size > limit) {
            throw call.reject("payload_too_large",
                    "the file has " + size + " bytes; Zest accepts at most " + limit + " bytes");
        }
        if (size == 0) {
            throw call.reject("invalid_request", "the file to upload is empty");
        }
    }

    private static UploadMediaType detect(ZestCall call, byte[] head, int length) throws ZestApiException {
        return UploadMediaType.detect(head, length).orElseThrow(() -> call.reject("unsupported_media_type",
                "the file is not a PDF, JPEG, PNG or WEBP by its content (Zest accepts no other type)"));
    }

    private static ContentType contentType(UploadMediaType type) {
        return ContentType.create(type.mimeType());
    }

    private static String fileNameHeader(ZestCall call) {
        String name = call.message().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        if (name == null) {
            name = call.message().getHeader(Exchange.FILE_NAME, String.class);
        }
        return name == null ? null : FileUtil.stripPath(name);
    }

    private static String fileName(String declaredName, UploadMediaType type) {
        return declaredName != null && !declaredName.isBlank() ? declaredName : "upload" + type.extension();
    }
}
