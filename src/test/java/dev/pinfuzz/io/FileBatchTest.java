package dev.pinfuzz.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileBatchTest {
    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aRenameFailingPartWayPutsBackTheFilesAlreadyReplacedAndRemovesTheNewOnes(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("a"), b("old a"));
        Files.write(dir.resolve("c"), b("old c"));
        int[] moves = {0};
        FileBatch batch = new FileBatch((tmp, target) -> {
            if (++moves[0] == 3) throw new IOException("disk gone");
            AtomicFile.moveOver(tmp, target);
        });
        batch.add(dir.resolve("a"), b("new a"), false);
        batch.add(dir.resolve("b"), b("new b"), false);
        batch.add(dir.resolve("c"), b("new c"), false);
        FileBatch.Failure f = assertThrows(FileBatch.Failure.class, batch::commit);
        assertEquals("cannot write " + dir.resolve("c") + ": disk gone", f.getMessage());
        assertEquals("old a", Files.readString(dir.resolve("a")), "a was replaced before c's rename failed: its old contents come back");
        assertEquals("old c", Files.readString(dir.resolve("c")));
        assertEquals(List.of("a", "c"), names(dir), "b is new and goes again; no temporary file or backup is left");
    }

    @Test
    void aBatchThatSucceedsReplacesEveryFileAndLeavesNoBackup(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("a"), b("old a"));
        FileBatch batch = new FileBatch();
        batch.add(dir.resolve("a"), b("new a"), false);
        batch.add(dir.resolve("sub/b"), b("new b"), true);
        batch.commit();
        assertEquals("new a", Files.readString(dir.resolve("a")));
        assertEquals("new b", Files.readString(dir.resolve("sub/b")));
        assertEquals(List.of("a", "sub"), names(dir));
        assertTrue(Files.isDirectory(dir.resolve("sub")));
    }

    @Test
    void aFailureBeforeAnyRenameLeavesEveryOldFileAsItWasAndNoDirectoryItMade(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("a"), b("old a"));
        FileBatch batch = new FileBatch((tmp, target) -> {
            throw new IOException("read-only file system");
        });
        batch.add(dir.resolve("a"), b("new a"), false);
        batch.add(dir.resolve("x/y/b"), b("new b"), true);
        assertThrows(FileBatch.Failure.class, batch::commit);
        assertEquals("old a", Files.readString(dir.resolve("a")));
        assertEquals(List.of("a"), names(dir), "the directories x and x/y were made by the batch and go again");
    }

    @Test
    void aDirectoryThatCannotBeWrittenIsRefusedUpFrontWithItsReasonAsAccessSaysSo(@TempDir Path dir) throws Exception {
        Path ro = Files.createDirectory(dir.resolve("ro"));
        Files.setPosixFilePermissions(ro, java.nio.file.attribute.PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            if (Files.isWritable(ro)) {
                // root (CAP_DAC_OVERRIDE): access(2) says writable, and so must the preflight
                FileBatch.preflight(ro.resolve("x.trace"), false);
            } else {
                FileBatch.Failure f = assertThrows(FileBatch.Failure.class, () -> FileBatch.preflight(ro.resolve("x.trace"), false));
                assertEquals("cannot write " + ro.resolve("x.trace") + ": the directory " + ro + " is not writable (read-only or permission denied)",
                        f.getMessage());
            }
        } finally {
            Files.setPosixFilePermissions(ro, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void preflightRefusesAMissingDirectoryUnlessItMayBeMade(@TempDir Path dir) throws Exception {
        Path deep = dir.resolve("a/b/x.trace");
        FileBatch.Failure f = assertThrows(FileBatch.Failure.class, () -> FileBatch.preflight(deep, false));
        assertEquals("cannot write " + deep + ": no such directory: " + deep.getParent(), f.getMessage());
        FileBatch.preflight(deep, true);
        assertTrue(names(dir).isEmpty(), "a preflight makes nothing");
    }
}
