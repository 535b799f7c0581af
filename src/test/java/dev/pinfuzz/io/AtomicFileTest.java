package dev.pinfuzz.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
    @Test
    void aNewFileIsReadableByAllAndAReplacedOneKeepsItsModeAndNoTemporaryFileIsLeft(@TempDir Path dir) throws Exception {
        Path fresh = dir.resolve("report.html");
        AtomicFile.write(fresh, "<html>");
        Path plain = Files.createFile(dir.resolve("plain"));
        assertEquals(PosixFilePermissions.toString(Files.getPosixFilePermissions(plain)),
                PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)),
                "a new file gets what any new file gets under the umask, not the temporary file's 0600");
        Files.delete(plain);
        Path kept = Files.writeString(dir.resolve("mine.trace"), "old");
        Files.setPosixFilePermissions(kept, PosixFilePermissions.fromString("rw-rw----"));
        AtomicFile.write(kept, "new");
        assertEquals("new", Files.readString(kept));
        assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(kept)));
        try (var s = Files.list(dir)) {
            assertEquals(List.of("mine.trace", "report.html"), s.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }
}
