package dev.camelzest.routes.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Drops files as a partner's upload would appear: written under a temporary name, then renamed. */
public final class DroppedFiles {

    private DroppedFiles() {
    }

    public static Path drop(Path directory, String name, String content) {
        try {
            Files.createDirectories(directory);
            Path temporary = Files.writeString(directory.resolve("." + name + ".part"), content,
                    StandardCharsets.UTF_8);
            return Files.move(temporary, directory.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
