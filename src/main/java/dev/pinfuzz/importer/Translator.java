package dev.pinfuzz.importer;

import dev.pinfuzz.importer.Draft.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Walks the events of a log and turns each system call into drafts: tasks, descriptors, sizes
 * and syncs here; memory, transfers, AIO, io_uring and pipes in their own classes.
 */
final class Translator {
    /** Calls that change nothing the model holds (pages, sizes, pins, tasks). */
    static final Set<String> IGNORED = Set.of("brk", "access", "faccessat", "faccessat2", "arch_prctl",
            "set_tid_address", "set_robust_list", "rseq", "prlimit64", "getrandom", "futex", "getpid", "gettid",
            "getppid", "getuid", "geteuid", "getgid", "getegid", "getresuid", "getresgid", "uname", "ioctl",
            "rt_sigaction", "rt_sigprocmask", "rt_sigreturn", "sigaltstack", "clock_gettime", "clock_nanosleep",
            "nanosleep", "gettimeofday", "time", "getdents64", "fchdir", "getcwd", "fadvise64", "sched_getaffinity",
            "sched_setaffinity", "sched_yield", "getrusage", "getpriority", "setpriority", "setsid", "setpgid",
            "sysinfo", "timerfd_create", "timerfd_settime", "pselect6", "select", "poll", "ppoll", "epoll_create1",
            "epoll_ctl", "epoll_wait", "epoll_pwait", "socket", "socketpair", "connect", "bind", "listen", "accept",
            "accept4", "sendto", "recvfrom", "sendmsg", "recvmsg", "shutdown", "getsockopt", "setsockopt",
            "getsockname", "getpeername", "wait4", "waitid", "kill", "tgkill", "unlink", "unlinkat", "rename",
            "renameat", "renameat2", "mkdir", "mkdirat", "rmdir", "fchown", "fchmod", "chmod", "chown", "umask",
            "readlink", "readlinkat", "shmget", "shmat", "shmdt", "shmctl", "semget", "semop", "semctl",
            "restart_syscall", "set_mempolicy", "get_mempolicy", "mbind", "eventfd2", "signalfd4", "capget",
            "capset", "prctl", "flock", "statfs", "fstatfs", "alarm", "setitimer", "getitimer", "times",
            "membarrier", "setuid", "setgid", "setgroups", "setresuid", "setresgid", "getgroups", "pause",
            "rt_sigsuspend", "rt_sigtimedwait", "link", "linkat", "symlink",
            "symlinkat", "utimensat", "futimesat", "getxattr", "lgetxattr", "fgetxattr", "listxattr",
            "sched_getparam", "sched_getscheduler", "getsid", "getpgrp", "getpgid", "personality", "newuname",
            "tee");

    /** Arguments that strace decodes as arrays of buffers; printed as a bare address, their buffers are lost. */
    private static final Map<String, int[]> ARRAYS = Map.of("readv", new int[] {1}, "writev", new int[] {1},
            "preadv", new int[] {1}, "pwritev", new int[] {1}, "preadv2", new int[] {1}, "pwritev2", new int[] {1},
            "vmsplice", new int[] {1}, "process_vm_readv", new int[] {1, 3}, "process_vm_writev", new int[] {1, 3},
            "io_submit", new int[] {2});
    private static final int[] NONE = {};

    private final State st;
    private final Memory memory;
    private final Transfers transfers;
    private final Aio aio;
    private final Uring uring;
    private final Pipes pipes;

    Translator(State st) {
        this.st = st;
        this.pipes = new Pipes(st);
        this.uring = new Uring(st);
        this.memory = new Memory(st);
        this.transfers = new Transfers(st, pipes, uring);
        this.aio = new Aio(st);
    }

    void event(Event e) {
        if (e instanceof Event.Exit x) {
            Proc p = st.proc(x.pid(), x.line());
            if (!p.exited) exit(p, "L" + x.line() + ": +++ " + (x.code() < 0 ? "killed by a signal" : "exited with " + x.code()) + " +++");
            p.gone = true;
            return;
        }
        if (e instanceof Event.Superseded s) { // the leader ends; the thread that ran execve takes its pid
            Proc leader = st.proc(s.pid(), s.line());
            Proc thread = st.proc(s.former(), s.line());
            if (!leader.exited) exit(leader, "L" + s.line() + ": +++ superseded by execve in pid " + s.former() + " +++");
            leader.gone = true;
            st.procs.remove(s.former());
            st.procs.put(s.pid(), thread);
            return;
        }
        Syscall c = ((Event.Call) e).call();
        Proc p = st.proc(c.pid(), c.line());
        if (p.exited) return; // strace may print a killed thread's last lines after the group's exit
        try {
            call(p, c, c.args());
        } catch (SyntaxError err) {
            st.problems.add(c.problem(err));
        } catch (RuntimeException err) { // a shape of arguments we did not foresee: skip the call
            st.problems.add(new Problem(c.endLine(), 1, c.name() + ": cannot import this call (" + err + ")"));
        }
    }

    private void call(Proc p, Syscall c, List<Value> a) throws SyntaxError {
        String n = c.name();
        if (!a.isEmpty() && a.get(0) instanceof Value.Sym s && s.text().startsWith("AT_FDCWD") && s.path() != null) p.cwd = s.path();
        List<String> named = namedPaths(p, a);
        if (!named.isEmpty() && ("ENOENT".equals(c.errno()) || c.ret(-1) == 0 && (n.equals("unlink") || n.equals("unlinkat"))))
            st.absent.add(named.get(0));
        if (named.size() > 1 && c.ret(-1) == 0 && (n.startsWith("rename") || n.startsWith("link") || n.startsWith("symlink"))) {
            if (n.startsWith("rename")) st.absent.add(named.get(0));
            st.absent.remove(named.get(1)); // renamed or linked into place: it exists, with contents
        }
        for (int i : ARRAYS.getOrDefault(n, NONE))
            if (i < a.size() && a.get(i) instanceof Value.Num addr && addr.value() != 0 && !c.refusedBeforeMemory())
                st.problems.add(c.problemAt(ArgParser.start(c.argText(), i), "its iovec/iocb array is printed as an address (strace -e verbose=none?): "
                        + "the buffers are unknown, so no pin or store is made for them"));
        switch (n) {
            case "execve", "execveat" -> exec(p, c, a);
            case "clone", "clone3", "fork", "vfork" -> fork(p, c);
            case "exit_group" -> {
                for (Proc t : st.procs.values()) if (t.tgid == p.tgid && !t.exited) exit(t, Text.comment(c));
            }
            case "exit" -> exit(p, Text.comment(c));
            case "open", "openat", "openat2", "creat", "memfd_create" -> open(p, c, a);
            case "close" -> close(p, c, a);
            case "dup", "dup2", "dup3" -> { if (c.ret(-1) >= 0) p.fds.put(c.ret(-1), fd(p, a, 0)); }
            case "fcntl", "fcntl64" -> fcntl(p, c, a);
            case "lseek", "llseek" -> { if (c.ret(-1) >= 0) fd(p, a, 0).pos = c.ret(-1); }
            case "chdir" -> { if (c.ret(-1) == 0 && a.get(0) instanceof Value.Str s) p.cwd = p.absolute(s.text()); }
            case "ftruncate", "truncate" -> truncate(p, c, a);
            case "fallocate" -> fallocate(p, c, a);
            case "fstat", "newfstatat", "stat", "lstat", "statx", "fstatat64" -> stat(p, c, a);
            case "fsync", "fdatasync", "sync_file_range", "sync_file_range2", "syncfs", "sync" -> sync(p, c, a);
            case "mmap", "mmap2", "munmap", "mremap", "mprotect", "msync", "madvise" -> memory.call(p, c, a);
            case "read", "pread64", "readv", "preadv", "preadv2", "write", "pwrite64", "writev", "pwritev", "pwritev2" ->
                    transfers.call(p, c, a);
            case "pipe", "pipe2", "vmsplice", "splice", "copy_file_range", "sendfile", "sendfile64" -> pipes.call(p, c, a);
            case "process_vm_readv", "process_vm_writev" -> new ProcessVm(st).call(p, c, a);
            case "io_setup", "io_submit", "io_getevents", "io_pgetevents", "io_destroy", "io_cancel" -> aio.call(p, c, a);
            case "io_uring_setup", "io_uring_register", "io_uring_enter" -> uring.call(p, c, a);
            default -> {
                if (IGNORED.contains(n)) st.ignore(n);
                else st.unknown(n);
            }
        }
    }

    static OpenFile fd(Proc p, List<Value> a, int i) {
        Value v = a.get(i);
        return p.fd(Value.num(v, -1), Value.path(v));
    }

    private void exit(Proc p, String comment) {
        p.exited = true;
        aio.exited(p);
        st.out.exit(comment, p.task());
    }

    private void exec(Proc p, Syscall c, List<Value> a) {
        if (c.ret(-1) != 0) return;
        p.mm = new AddressSpace();
        int k = c.name().equals("execveat") ? 1 : 0;
        if (k < a.size() && a.get(k) instanceof Value.Str s) p.program = s.text().substring(s.text().lastIndexOf('/') + 1);
    }

    private void fork(Proc parent, Syscall c) {
        long child = c.ret(-1);
        if (child <= 0 || child > Integer.MAX_VALUE) return;
        String flags = c.argText();
        boolean thread = flags.contains("CLONE_THREAD");
        boolean vm = flags.contains("CLONE_VM") || c.name().equals("vfork");
        boolean files = flags.contains("CLONE_FILES");
        AddressSpace mm = vm ? parent.mm : parent.mm.copy();
        Map<Long, OpenFile> fds = files ? parent.fds : new TreeMap<>(parent.fds);
        Proc p = st.procs.get((int) child);
        if (p == null || (p.exited || p.gone) && p.born < c.line()) { // new, or a pid reused after its task ended
            p = st.newProc((int) child, (int) child, mm, fds);
            p.born = c.endLine();
        } else { // its first lines (perhaps its end) came after the clone began, before it returned: keep what it did
            mm.absorb(p.mm);
            for (var e : p.fds.entrySet()) fds.putIfAbsent(e.getKey(), e.getValue());
            p.mm = mm;
            p.fds = fds;
        }
        p.forked = true;
        p.tgid = thread ? parent.tgid : (int) child;
        if (p.cwd == null) p.cwd = parent.cwd;
        p.program = parent.program;
        for (var e : parent.regions.entrySet()) p.regions.putIfAbsent(e.getKey(), e.getValue());
    }

    private void open(Proc p, Syscall c, List<Value> a) {
        long fd = c.ret(-1);
        if (fd < 0) return;
        String path = c.retPath();
        if (path == null && c.name().equals("memfd_create")) { // -y would show /memfd:NAME (deleted)
            if (!a.isEmpty() && a.get(0) instanceof Value.Str s) path = "memfd:" + s.text();
        } else if (path == null) {
            int k = c.name().equals("open") || c.name().equals("creat") ? 0 : 1;
            if (k < a.size() && a.get(k) instanceof Value.Str s) path = p.absolute(s.text());
        }
        OpenFile of = new OpenFile(path, null, false);
        Value flags = c.name().equals("openat2") && a.size() > 2 && a.get(2) instanceof Value.Struct s ? s.get("flags")
                : c.name().equals("open") ? (a.size() > 1 ? a.get(1) : null)
                : a.size() > 2 ? a.get(2) : null;
        if (flags instanceof Value.Num && !st.rawFlags) { // strace prints O_RDONLY even for 0: a number is -X raw
            st.rawFlags = true;
            st.problems.add(c.problemAt(ArgParser.start(c.argText(), c.name().equals("open") ? 1 : 2), "flags printed as a number "
                    + "(strace -X raw?): flags are not decoded, so O_DIRECT, MAP_SHARED, MS_SYNC and the like are not seen in this log"));
        }
        if (flags != null) of.flags(flags);
        p.fds.put(fd, of);
        FileRef f = st.file(path);
        if (f == null) return;
        if (Value.hasFlag(flags, "O_DIRECTORY")) f.directory = true;
        boolean trunc = Value.hasFlag(flags, "O_TRUNC") || c.name().equals("creat");
        boolean known = st.absent.remove(path);
        // A file the log shows absent, or O_EXCL, is made here: empty, whatever the log maps later.
        boolean created = Value.hasFlag(flags, "O_CREAT") && (known || Value.hasFlag(flags, "O_EXCL"));
        if (created && !trunc) st.out.comment(c.where() + ": " + path.substring(path.lastIndexOf('/') + 1) + " is created here, empty");
        if (trunc || created) st.out.truncate(c, p.task(), f, 0);
    }

    /**
     * The paths a call names (its string arguments, in order), each made absolute against the
     * directory descriptor before it ({@code renameat(3</d>, "x", 4</e>, "y")}) or the cwd; a
     * path relative to an unknown directory ends the list.
     */
    private static List<String> namedPaths(Proc p, List<Value> a) {
        List<String> out = new ArrayList<>(2);
        for (int i = 0; i < a.size(); i++) {
            if (!(a.get(i) instanceof Value.Str s)) continue;
            String dir = i > 0 && !(a.get(i - 1) instanceof Value.Sym y && y.text().startsWith("AT_FDCWD")) ? Value.path(a.get(i - 1)) : null;
            String path = dir != null && !s.text().startsWith("/") ? PathName.normal(dir + "/" + s.text()) : p.absolute(s.text());
            if (path == null) break;
            out.add(path);
        }
        return out;
    }

    private void close(Proc p, Syscall c, List<Value> a) {
        long fd = Value.num(a.get(0), -1);
        OpenFile of = p.fds.remove(fd);
        if (c.ret(-1) != 0) return;
        if (of != null && of.pipe != null) pipes.closed(p, c, of);
        uring.closed(p, c, fd);
    }

    private void fcntl(Proc p, Syscall c, List<Value> a) {
        if (a.size() < 2 || c.ret(-1) < 0) return;
        String cmd = a.get(1) instanceof Value.Sym s ? s.text() : "";
        OpenFile of = fd(p, a, 0);
        if (cmd.startsWith("F_DUPFD")) p.fds.put(c.ret(-1), of);
        if (cmd.equals("F_SETFL") && a.size() > 2) { // F_SETFL changes O_APPEND and O_DIRECT, not O_DSYNC
            of.direct = Value.hasFlag(a.get(2), "O_DIRECT");
            of.append = Value.hasFlag(a.get(2), "O_APPEND");
        }
    }

    private FileRef target(Proc p, Syscall c, List<Value> a) {
        Value v = a.get(0);
        if (v instanceof Value.Str s) return st.file(p.absolute(s.text()));
        return st.file(p, c, a, 0);
    }

    private void truncate(Proc p, Syscall c, List<Value> a) {
        if (c.ret(-1) != 0 || a.size() < 2) return;
        FileRef f = target(p, c, a);
        long size = Value.num(a.get(1), -1);
        if (size < 0) st.problems.add(c.problemAt(ArgParser.start(c.argText(), 1), "size " + Transfers.shown(a.get(1)) + " is out of range"));
        else if (f != null) st.out.truncate(c, p.task(), f, size);
    }

    /** fallocate: growing the size and punching the tail are truncations; the rest is not modelled. */
    private void fallocate(Proc p, Syscall c, List<Value> a) {
        if (c.ret(-1) != 0 || a.size() < 4) return;
        FileRef f = target(p, c, a);
        if (f == null) return;
        Value mode = a.get(1);
        long off = Value.num(a.get(2), 0);
        long len = Value.num(a.get(3), 0);
        boolean plain = Value.num(mode, -1) == 0;
        if (plain) {
            if (f.size >= 0 && off + len > f.size) st.out.truncate(c, p.task(), f, off + len);
            else f.touch(off + len);
        } else if (Value.hasFlag(mode, "FALLOC_FL_PUNCH_HOLE") && f.size >= 0 && off + len >= f.size && off < f.size) {
            long size = f.size; // a hole to EOF: drop the tail's pages and bytes, keep i_size
            st.out.comment(c.where() + ": hole punched from " + off + " to EOF: truncate down and back up");
            st.out.truncate(c, p.task(), f, off);
            st.out.truncate(c, p.task(), f, size);
        } else if (!Value.hasFlag(mode, "FALLOC_FL_KEEP_SIZE") || Value.hasFlag(mode, "FALLOC_FL_PUNCH_HOLE")) {
            st.out.comment(c.where() + ": not representable: " + Text.compact(c.text(), 90));
        }
    }

    private void stat(Proc p, Syscall c, List<Value> a) {
        st.ignore(c.name());
        if (c.ret(-1) != 0) return;
        FileRef f = null;
        Value.Struct buf = null;
        for (Value v : a) {
            String fd = v == a.get(0) ? p.path(v) : Value.path(v); // fstat(3, ...) without -y: the descriptor table
            if (v instanceof Value.Struct s) buf = s;
            else if (f == null && fd != null && !(v instanceof Value.Sym s && s.text().startsWith("AT_FDCWD"))) f = st.file(fd);
            else if (f == null && v instanceof Value.Str s && !s.text().isEmpty()) f = st.file(p.absolute(s.text()));
        }
        if (f == null || buf == null) return;
        Value size = buf.get("st_size") != null ? buf.get("st_size") : buf.get("stx_size");
        Value mode = buf.get("st_mode") != null ? buf.get("st_mode") : buf.get("stx_mode");
        if (Value.hasFlag(mode, "S_IFDIR")) f.directory = true;
        if (size instanceof Value.Num n && n.value() >= 0) f.sized(n.value());
    }

    private void sync(Proc p, Syscall c, List<Value> a) {
        if (c.ret(-1) != 0) return;
        switch (c.name()) {
            case "sync", "syncfs" -> st.out.sync(c, p.task(), Kind.SYNC, null); // syncfs: every file of the model
            default -> {
                FileRef f = st.file(p, c, a, 0);
                if (f == null) return;
                Kind k = c.name().equals("fsync") ? Kind.FSYNC : c.name().equals("fdatasync") ? Kind.FDATASYNC : Kind.SYNC_FILE_RANGE;
                st.out.sync(c, p.task(), k, f);
            }
        }
    }
}
