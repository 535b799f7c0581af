package dev.pinfuzz.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IoErrorsTest {
    @Test
    void theReasonIsWhatWentWrongNotThePathTheUserTyped(@TempDir Path dir) throws IOException {
        IOException missing = assertThrows(IOException.class, () -> Files.readAllBytes(dir.resolve("missing.trace")));
        assertEquals("no such file or directory", IoErrors.reason(missing));
        IOException isDir = assertThrows(IOException.class, () -> Files.readAllBytes(dir));
        assertEquals("is a directory", IoErrors.reason(isDir));
        Path file = Files.writeString(dir.resolve("f"), "x");
        IOException underFile = assertThrows(IOException.class, () -> Files.writeString(file.resolve("g"), "y"));
        assertEquals("not a directory", IoErrors.reason(underFile));
    }

    @Test
    void strerrorSentencesAreLowerCasedEvenWithAHyphenatedFirstWord() {
        assertEquals("read-only file system", IoErrors.reason(new java.nio.file.FileSystemException("/x", null, "Read-only file system")));
        assertEquals("/Some/Path", IoErrors.reason(new IOException("/Some/Path")), "a path stays as it is");
    }
}
