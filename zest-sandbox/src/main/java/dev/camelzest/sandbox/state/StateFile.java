package dev.camelzest.sandbox.state;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import dev.camelzest.sandbox.http.Json;

/**
 * The sandbox's state as a JSON file, so that a restart keeps partners, tokens, SPV requests and stored
 * idempotent answers. Written whole to a temporary file and moved over the old one, so a crash leaves
 * either the old or the new state, never half of one.
 */
public final class StateFile {

    private final Path path;
    private volatile long savedVersion = -1;

    public StateFile(Path path) {
        this.path = path.toAbsolutePath();
    }

    public Path path() {
        return path;
    }

    /** The saved state, or an empty one when the file does not exist yet. */
    public SandboxState load() {
        if (!Files.exists(path)) {
            return new SandboxState();
        }
        try {
            SandboxState state = Json.mapper().readValue(path.toFile(), SandboxState.class);
            savedVersion = state.version();
            return state;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sandbox state file " + path, e);
        }
    }

    /** Writes the state if it changed since the last save. */
    public synchronized void saveIfChanged(SandboxState state) {
        long version = state.version();
        if (version == savedVersion) {
            return;
        }
        try {
            Path parent = path.getParent();
            Files.createDirectories(parent);
            Path temp = Files.createTempFile(parent, path.getFileName().toString(), ".tmp");
            try (OutputStream out = Files.newOutputStream(temp)) {
                Json.mapper().writeValue(out, state);
            }
            move(temp);
            savedVersion = version;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the sandbox state file " + path, e);
        }
    }

    private void move(Path temp) throws IOException {
        try {
            Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
