package dev.pinfuzz.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes several files all or none (one gap: a file that existed and was already replaced when a
 * later rename fails keeps its new contents; renames come last, after every check, so only a file
 * system failing in between leaves that). {@link #commit()} first checks every destination (its
 * directory exists, or may be made when {@link #add} allowed it; the file is absent or a regular
 * file, never a symbolic link, FIFO or directory, which a rename would replace), then writes each
 * to a hidden temporary file beside it, and only when all are written renames them into place.
 * When something fails, what the batch made (temporary files, new files, directories) is removed
 * again. Messages name the destination as given, never a temporary file.
 */
public final class FileBatch {
    /** Why the batch wrote nothing: {@code cannot write PATH: reason}. */
    public static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;

        Failure(Path target, String why) {
            super("cannot write " + target + ": " + why, null, false, false);
        }
    }

    private record Entry(Path target, byte[] bytes, boolean makeDirs) {}

    private final Map<Path, Entry> entries = new LinkedHashMap<>();

    /** Adds a file; {@code makeDirs}: its missing parent directories may be created. */
    public void add(Path target, byte[] bytes, boolean makeDirs) {
        entries.put(target.toAbsolutePath().normalize(), new Entry(target, bytes, makeDirs));
    }

    /** Checks every destination, then writes them all, or (on a failure) none. */
    public void commit() throws Failure {
        for (Entry e : entries.values()) check(e);
        List<Path> dirs = new ArrayList<>();
        List<Path> temps = new ArrayList<>();
        List<Path> placed = new ArrayList<>();
        Entry at = null;
        try {
            for (Entry e : entries.values()) {
                at = e;
                Path dir = e.target.toAbsolutePath().getParent();
                if (e.makeDirs) makeDirs(dir, dirs);
                Path tmp = AtomicFile.tempBeside(e.target.toAbsolutePath());
                temps.add(tmp);
                Files.write(tmp, e.bytes);
            }
            int k = 0;
            for (Entry e : entries.values()) {
                at = e;
                Path abs = e.target.toAbsolutePath();
                boolean existed = Files.exists(abs, LinkOption.NOFOLLOW_LINKS);
                AtomicFile.moveOver(temps.get(k++), abs);
                if (!existed) placed.add(abs);
            }
        } catch (IOException | RuntimeException x) {
            for (Path p : temps) deleteQuietly(p);
            for (Path p : placed) deleteQuietly(p);
            for (int i = dirs.size() - 1; i >= 0; i--) deleteQuietly(dirs.get(i));
            throw new Failure(at.target, reason(x));
        }
    }

    private static void check(Entry e) throws Failure {
        Path abs = e.target.toAbsolutePath();
        Path dir = abs.getParent();
        Path shown = e.target.getParent() != null ? e.target.getParent() : Path.of(".");
        if (!e.makeDirs && !Files.exists(dir)) throw new Failure(e.target, "no such directory: " + shown);
        Path existing = dir;
        while (!Files.exists(existing)) existing = existing.getParent();
        if (!Files.isDirectory(existing)) throw new Failure(e.target, "not a directory: " + (existing.equals(dir) ? shown : existing));
        if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(abs, LinkOption.NOFOLLOW_LINKS))
            throw new Failure(e.target, "not a regular file" + (Files.isSymbolicLink(abs) ? " (a symbolic link)" : Files.isDirectory(abs) ? " (a directory)" : ""));
    }

    private static void makeDirs(Path dir, List<Path> made) throws IOException {
        if (Files.isDirectory(dir)) return;
        makeDirs(dir.getParent(), made);
        Files.createDirectory(dir);
        made.add(dir);
    }


    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // best effort: the failure being reported matters more
        }
    }

    /** What went wrong, without the name of a temporary file. */
    static String reason(Exception x) {
        if (x instanceof IOException io) return IoErrors.reason(io);
        return x.getMessage() != null ? x.getMessage() : x.getClass().getSimpleName();
    }
}
