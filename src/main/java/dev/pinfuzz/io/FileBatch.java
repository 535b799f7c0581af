package dev.pinfuzz.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes several files all or none. {@link #commit()} first checks every destination (its
 * directory exists, or may be made when {@link #add} allowed it; the file is absent or a regular
 * file, never a symbolic link, FIFO or directory, which a rename would replace), then writes each
 * to a hidden temporary file beside it, keeps a hard link (or a copy) of each file it will
 * replace, and only when all are written renames them into place. When something fails, what the
 * batch made (temporary files, new files, directories) is removed again and the files it already
 * replaced get their old contents back. Messages name the destination as given, never a
 * temporary file.
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

    /** Renames a temporary file over its destination; tests make it fail part-way. */
    interface Mover {
        void move(Path tmp, Path target) throws IOException;
    }

    private final Map<Path, Entry> entries = new LinkedHashMap<>();
    private final Mover mover;

    public FileBatch() {
        this(AtomicFile::moveOver);
    }

    FileBatch(Mover mover) {
        this.mover = mover;
    }

    /** Adds a file; {@code makeDirs}: its missing parent directories may be created. */
    public void add(Path target, byte[] bytes, boolean makeDirs) {
        entries.put(target.toAbsolutePath().normalize(), new Entry(target, bytes, makeDirs));
    }

    /**
     * The checks {@link #commit()} makes first, for one destination, so that a command can refuse
     * an unusable path before it does its work rather than after.
     */
    public static void preflight(Path target, boolean makeDirs) throws Failure {
        check(new Entry(target, null, makeDirs));
    }

    /** Checks every destination, then writes them all, or (on a failure) none. */
    public void commit() throws Failure {
        for (Entry e : entries.values()) check(e);
        List<Path> dirs = new ArrayList<>();
        List<Path> temps = new ArrayList<>();
        List<Path> placed = new ArrayList<>();
        Map<Path, Path> backups = new LinkedHashMap<>(); // replaced file -> its old contents
        Entry at = null;
        try {
            for (Entry e : entries.values()) {
                at = e;
                Path dir = e.target.toAbsolutePath().getParent();
                if (e.makeDirs) makeDirs(dir, dirs);
                Path tmp = AtomicFile.tempBeside(e.target.toAbsolutePath());
                temps.add(tmp);
                Files.write(tmp, e.bytes);
                Path abs = e.target.toAbsolutePath();
                if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) backups.put(abs, backup(abs));
            }
            int k = 0;
            for (Entry e : entries.values()) {
                at = e;
                Path abs = e.target.toAbsolutePath();
                mover.move(temps.get(k++), abs);
                if (!backups.containsKey(abs)) placed.add(abs);
            }
        } catch (IOException | RuntimeException x) {
            for (Path p : temps) deleteQuietly(p);
            for (Path p : placed) deleteQuietly(p);
            restore(backups);
            for (int i = dirs.size() - 1; i >= 0; i--) deleteQuietly(dirs.get(i));
            throw new Failure(at.target, reason(x));
        }
        for (Path b : backups.values()) deleteQuietly(b);
    }

    /** A hidden name beside {@code file} for its present contents: a hard link, else a copy. */
    private static Path backup(Path file) throws IOException {
        Path b = AtomicFile.tempBeside(file);
        Files.delete(b);
        try {
            Files.createLink(b, file);
        } catch (IOException | UnsupportedOperationException e) {
            Files.copy(file, b, StandardCopyOption.COPY_ATTRIBUTES);
        }
        return b;
    }

    /** Puts back each replaced file's old contents (a file not yet replaced just loses its backup). */
    private static void restore(Map<Path, Path> backups) {
        backups.forEach((file, b) -> {
            try {
                AtomicFile.moveOver(b, file);
            } catch (IOException e) {
                // best effort: the failure being reported matters more
            }
            deleteQuietly(b); // rename(2) of a hard link over its own file leaves both names
        });
    }

    private static void check(Entry e) throws Failure {
        Path abs = e.target.toAbsolutePath();
        Path dir = abs.getParent();
        Path shown = e.target.getParent() != null ? e.target.getParent() : Path.of(".");
        if (!e.makeDirs && !Files.exists(dir)) throw new Failure(e.target, "no such directory: " + shown);
        Path existing = dir;
        while (!Files.exists(existing)) existing = existing.getParent();
        if (!Files.isDirectory(existing)) throw new Failure(e.target, "not a directory: " + (existing.equals(dir) ? shown : existing));
        // access(2): EROFS or EACCES. Caught here, before the temporary file, for a clearer message.
        if (!Files.isWritable(existing))
            throw new Failure(e.target, "the directory " + (existing.equals(dir) ? shown : existing) + " is not writable (read-only or permission denied)");
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
