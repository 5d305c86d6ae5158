package dev.camelzest.sandbox.uploads;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where uploaded forms and receipts are kept, and the time-limited links to them that Zest hands out
 * ({@code subscriptionFormUrl}, {@code fundingReceiptUrl}). The sandbox serves them under
 * {@code /sandbox/documents/{name}?expires=<epoch seconds>}; after expiry the link answers 403, as a
 * signed storage URL would.
 */
public final class DocumentStorage {

    /** How long a handed-out link works; the docs say only "time-limited". */
    public static final Duration LINK_LIFETIME = Duration.ofHours(1);
    private static final Pattern SAFE_NAME = Pattern.compile("[a-z0-9_]+-(signed|receipt)\\.[a-z]+");

    private final Path directory;

    public DocumentStorage(Path directory) {
        this.directory = directory;
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the documents directory " + directory, e);
        }
    }

    /** Copies the upload (Vert.x deletes its temporary file after the response) under a stable name. */
    String store(UploadedDocument document, String name) {
        String fileName = name + "." + document.type().extension();
        try {
            Files.copy(document.file(), directory.resolve(fileName), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fileName;
    }

    String link(String baseUrl, String fileName, Instant now) {
        return baseUrl + "/sandbox/documents/" + fileName + "?expires=" + now.plus(LINK_LIFETIME).getEpochSecond();
    }

    /** The stored file of that name, if the name is one this storage hands out and the file exists. */
    Optional<Path> find(String fileName) {
        if (fileName == null || !SAFE_NAME.matcher(fileName).matches()) {
            return Optional.empty();
        }
        Path file = directory.resolve(fileName);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }
}
