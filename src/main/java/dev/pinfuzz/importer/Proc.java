package dev.pinfuzz.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One traced task (thread or process) and what it shares: threads share the address space and
 * the descriptor table, {@code fork} copies both.
 */
final class Proc {
    final int pid;
    /** The task's name in the program: {@code P<pid>}, {@code P<pid>_2} for the second task with that pid, ... */
    final String task;
    /** The thread group: {@code exit_group} ends all of it. */
    int tgid;
    AddressSpace mm;
    Map<Long, OpenFile> fds;
    boolean exited;
    /** strace printed its end ({@code +++ exited +++}): a later line of its pid is a new task that reuses the pid. */
    boolean gone;
    /**
     * The log line where it first appears. A child may run, and even end, before strace prints its
     * parent's {@code clone} returning; it is that clone's child if it appeared after the clone began.
     */
    int born;
    /** A clone, fork or vfork of the log made it (else its memory and descriptors are unknown, but for the log's first task). */
    boolean forked;
    /** The program it runs (basename of the last execve), inherited by fork. */
    String program = "";
    /** The working directory, learned from {@code AT_FDCWD</path>}, for relative paths. */
    String cwd;
    /** Buffer addresses the last note announced ({@code buf=0x...}), for the next transfer. */
    List<Long> announced = new ArrayList<>();
    /** Region names the notes defined ({@code map=0x7f...}): store notes refer to them. */
    Map<String, Long> regions = new TreeMap<>();

    Proc(int pid, String task, int tgid, AddressSpace mm, Map<Long, OpenFile> fds) {
        this.pid = pid;
        this.task = task;
        this.tgid = tgid;
        this.mm = mm;
        this.fds = fds;
    }

    String task() {
        return task;
    }

    /** The open file of {@code fd}, made from its {@code -y} path when the log did not show the open. */
    OpenFile fd(long fd, String path) {
        OpenFile f = fds.get(fd);
        if (f != null && (path == null || path.equals(f.path))) return f;
        OpenFile n = new OpenFile(path, path != null && path.startsWith("pipe:") ? path : null, false);
        if (f != null) n.copyFlags(f); // renamed since it was opened: same open file
        fds.put(fd, n);
        return n;
    }

    /**
     * The path of a descriptor argument: its {@code -y} annotation, else what the descriptor table
     * holds (a log without {@code -y}); null when neither knows it.
     */
    String path(Value fd) {
        String y = Value.path(fd);
        if (y != null) return y;
        OpenFile f = fds.get(Value.num(fd, -1));
        return f == null ? null : f.path;
    }

    /**
     * An absolute path for {@code p} (a string argument), normalised as {@code -y} paths are
     * ({@link PathName}), or null when it is relative to an unknown directory.
     */
    String absolute(String p) {
        if (p == null) return null;
        if (p.startsWith("/")) return PathName.normal(p);
        return cwd == null ? null : PathName.normal(cwd + "/" + p);
    }

    /** Takes the announced addresses (a note is good for one transfer). */
    List<Long> takeAnnounced() {
        List<Long> a = announced;
        announced = new ArrayList<>();
        return a;
    }
}
