package dev.camelzest.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateDirectoryTest {

    @TempDir
    Path temp;

    @Test
    void theDataDirectoryIsCreatedOwnerOnly() throws Exception {
        Path data = PrivateDirectory.create(temp.resolve("var/camel-zest/data"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
    }

    @Test
    void anExistingDirectoryIsKept() throws Exception {
        Path data = Files.createDirectory(temp.resolve("data"));
        Files.writeString(data.resolve("kept"), "x");
        assertThat(PrivateDirectory.create(data).resolve("kept")).hasContent("x");
    }
}
