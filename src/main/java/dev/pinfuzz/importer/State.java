package dev.pinfuzz.importer;

import dev.pinfuzz.program.Fs;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the translation knows while it walks the log: tasks, their address spaces and descriptor
 * tables, the files of the program, and where each user buffer lives.
 */
final class State {
    /** The live task of each pid (a pid reused after its task ended maps to the new one). */
    final Map<Integer, Proc> procs = new TreeMap<>();
    /** Tasks made so far with each pid. */
    private final Map<Integer, Integer> generations = new TreeMap<>();
    /** Tasks made so far. */
    int tasks;
    /** A numeric open flags argument (-X raw) was reported: once per log is enough. */
    boolean rawFlags;
    /** Every task made, in order. */
    final List<Proc> all = new ArrayList<>();
    final Map<String, FileRef> files = new LinkedHashMap<>();
    /**
     * Paths the log shows absent (a call on them failed with ENOENT, or they were unlinked or
     * renamed away) and not opened, renamed or linked into place since: an {@code O_CREAT} open of
     * one makes a new, empty file.
     */
    final Set<String> absent = new HashSet<>();
    final List<Problem> problems = new ArrayList<>();
    final Builder out = new Builder(problems);
    /** Calls skipped because the model has nothing for them, by name. */
    final Map<String, Integer> ignored = new TreeMap<>();
    /** Calls the importer does not know at all, by name. */
    final Map<String, Integer> unknown = new TreeMap<>();

    /**
     * The task of {@code pid}; a pid first seen mid-log (at {@code line}), or seen again after
     * strace printed its task's end, gets a new task with fresh, empty state.
     */
    Proc proc(int pid, int line) {
        Proc p = procs.get(pid);
        if (p != null && !p.gone) return p;
        p = newProc(pid, pid, new AddressSpace(), new TreeMap<>());
        p.born = line;
        return p;
    }

    /** A new task for {@code pid}, replacing the one that had it: {@code P<pid>}, then {@code P<pid>_2}, ... */
    Proc newProc(int pid, int tgid, AddressSpace mm, Map<Long, OpenFile> fds) {
        int n = generations.merge(pid, 1, Integer::sum);
        Proc p = new Proc(pid, n == 1 ? "P" + pid : "P" + pid + "_" + n, tgid, mm, fds);
        procs.put(pid, p);
        all.add(p);
        tasks++;
        return p;
    }

    /** The file of the program for a path, or null when the path is not a regular file. */
    FileRef file(String path) {
        if (!FileRef.regular(path)) return null;
        String p = path.startsWith("memfd:") ? "/" + path : path;
        return files.computeIfAbsent("path:" + p, k -> new FileRef(k, p, FileRef.fsOf(p), null));
    }

    /** A tmpfs stand-in for memory without a file of its own (anonymous, MAP_PRIVATE). */
    FileRef region(String key, String what, String origin) {
        FileRef f = files.computeIfAbsent("mem:" + key, k -> new FileRef(k, null, Fs.TMPFS, what));
        f.origin = origin;
        return f;
    }

    /** The stand-in for a process's anonymous memory whose address the log does not give. */
    FileRef anon(Proc p) {
        if (p.mm.anon == null) p.mm.anon = region("anon:" + p.tgid, "anonymous memory of P" + p.tgid, null);
        return p.mm.anon;
    }

    /**
     * Where a buffer lives whose address the log does not show (strace prints the contents of
     * read/write buffers, not their addresses): fio's I/O buffer ({@code iomem=mmap:FILE} or
     * {@code mmapshared:FILE}: the fio process's latest writable data mapping of a file, or any
     * mapping of a file named {@code *iobuf*}), else the process's shared anonymous mapping
     * (PostgreSQL's shared buffers), else its anonymous memory. The buffer is taken to start at
     * the beginning of that region: which io_u a transfer used is not recorded.
     */
    List<AddressSpace.Piece> implied(Proc p, long len) {
        Vma v = p.program.equals("fio") ? p.mm.latest(Vma::buffer) : null;
        if (v == null) v = p.mm.latest(x -> x.file().source().contains("iobuf"));
        if (v == null) v = p.mm.latest(x -> x.file().path == null && x.shared());
        if (v != null) {
            long n = Math.min(len, v.end() - v.start());
            return List.of(new AddressSpace.Piece(v, v.fileOff(), n));
        }
        FileRef a = anon(p);
        Vma fake = new Vma(0, len, a, 0, true, false, 0);
        return List.of(new AddressSpace.Piece(fake, 0, len));
    }

    /**
     * The file of the descriptor in argument {@code index} ({@link Proc#path}); one nothing knows is
     * a problem, reported at that argument, not a silent skip.
     */
    FileRef file(Proc p, Syscall c, List<Value> args, int index) {
        Value fd = args.get(index);
        String path = p.path(fd);
        if (path == null)
            problems.add(c.problemAt(ArgParser.start(c.argText(), index), "descriptor " + Value.num(fd, -1) + " has no known path (no -y annotation, and "
                    + (p.fds.containsKey(Value.num(fd, -1)) ? "the log opens it by a path relative to a directory it does not show)" : "the log does not show it opened)")
                    + ": skipped"));
        return file(path);
    }

    /**
     * Tasks that no clone, fork or vfork of the log made, but the first to appear: a log filtered
     * with {@code -e trace=} without {@code %process}, or attached with {@code -p}. Their memory and
     * descriptors are unknown, so pins and stores into inherited mappings are lost: the header says so.
     */
    List<String> unparented() {
        List<String> out = new ArrayList<>();
        int first = all.stream().mapToInt(p -> p.born).min().orElse(0);
        for (Proc p : all) if (!p.forked && p.born != first) out.add(p.task + " (L" + p.born + ")");
        return out;
    }

    void ignore(String name) {
        ignored.merge(name, 1, Integer::sum);
    }

    void unknown(String name) {
        unknown.merge(name, 1, Integer::sum);
    }
}
