package dev.pinfuzz.importer;

import dev.pinfuzz.importer.Draft.Kind;
import dev.pinfuzz.program.FileDecl;
import dev.pinfuzz.program.Flags;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the drafts of the program in log order and keeps the handle rules of DESIGN §4 by
 * construction: a handle is used only while live, never after its owner's {@code exit()}, and
 * {@code dma_write} only through {@code FOLL_WRITE} handles and within their pages.
 */
final class Builder {
    static final long PAGE = FileDecl.PAGE_SIZE;
    /** The task that performs device DMA. */
    static final String DEV = "dev";

    private record Handle(String owner, long firstByte, long bytes, int flags, boolean get) {}

    final List<Draft> drafts = new ArrayList<>();
    /** Where numbers no kernel would accept are reported (the log's problems). */
    private final List<Problem> problems;
    final List<Answer> answers = new ArrayList<>();
    /** Kernel answers to pinning calls the model cannot represent: "L12 call: why". */
    final List<String> notModelled = new ArrayList<>();
    private final List<Handle> handles = new ArrayList<>();
    private final List<Boolean> live = new ArrayList<>();
    private List<String> comments = new ArrayList<>();
    final java.util.Set<String> exited = new java.util.HashSet<>();
    /** Tasks with at least one step: only they get an exit() step. */
    private final java.util.Set<String> busy = new java.util.HashSet<>();

    Builder(List<Problem> problems) {
        this.problems = problems;
    }

    /** A comment line above the next step. */
    void comment(String text) {
        comments.add(text);
    }

    /** Comments after the last step. */
    List<String> trailing() {
        return comments;
    }

    private void add(Kind kind, String task, FileRef f, long off, long len, int h, int flags, Syscall c) {
        add(kind, task, f, off, len, h, flags, c == null ? null : Text.comment(c));
    }

    private void add(Kind kind, String task, FileRef f, long off, long len, int h, int flags, String comment) {
        if (f != null && (kind == Kind.WRITE || kind == Kind.STORE || kind.gup())) f.used = true;
        busy.add(task);
        drafts.add(new Draft(kind, task, f, off, len, h, flags, comment, comments));
        comments = new ArrayList<>();
    }

    boolean exited(String task) {
        return exited.contains(task);
    }

    /** Offsets and lengths the log can hold but a file cannot (negative, or past 2^48). */
    private boolean absurd(Syscall c, long off, long len) {
        if (off >= 0 && len >= 0 && off < 1L << 48 && len < 1L << 48) return false;
        comment((c == null ? "" : c.where() + ": ") + "offset " + off + " / length " + len + " out of range: no step");
        if (c != null) problems.add(c.problemAt(0, "offset " + off + " / length " + len + " is out of range: skipped"));
        return true;
    }

    /**
     * {@code pin_user_pages} ({@code get}: {@code get_user_pages}) of the pages holding
     * {@code [off, off+len)} of {@code f}; returns the handle, or -1 when the task has exited.
     */
    int gup(Syscall c, String task, FileRef f, long off, long len, int flags, boolean get, Answer answer) {
        if (exited(task) || absurd(c, off, len)) return -1;
        long first = off / PAGE * PAGE;
        long last = (off + Math.max(len, 1) - 1) / PAGE * PAGE;
        int h = handles.size();
        handles.add(new Handle(task, first, last - first + PAGE, flags, get));
        live.add(true);
        f.touch(last + PAGE);
        if (answer != null) answer.drafts.add(drafts.size());
        add(get ? Kind.GET : Kind.PIN, task, f, first, last - first + PAGE, h, flags, c);
        return h;
    }

    /** The device writes {@code len} bytes at byte {@code off} of the file through handle {@code h}. */
    void dma(Syscall c, int h, long off, long len) {
        if (h < 0 || !live.get(h) || len <= 0) return;
        Handle x = handles.get(h);
        if (!Flags.write(x.flags)) return;
        long rel = Math.max(0, off - x.firstByte);
        long n = Math.min(len, x.bytes - rel);
        if (n > 0) add(Kind.DMA, DEV, null, rel, n, h, 0, c);
    }

    /** Gives a handle back: dirty when it was taken for writing, {@code put_page} for FOLL_GET. */
    void release(Syscall c, String task, int h) {
        if (h < 0 || !live.get(h) || exited(task)) return;
        Handle x = handles.get(h);
        live.set(h, false);
        Kind k = x.get ? Kind.PUT_PAGE : Flags.write(x.flags) ? Kind.UNPIN_DIRTY : Kind.UNPIN;
        add(k, task, null, 0, 0, h, 0, c);
    }

    boolean live(int h) {
        return h >= 0 && live.get(h);
    }

    void write(Syscall c, String task, FileRef f, long off, long len) {
        if (exited(task) || len <= 0 || absurd(c, off, len)) return;
        f.touch(off + len);
        if (f.size >= 0 && off + len > f.size) f.size = off + len;
        add(Kind.WRITE, task, f, off, len, -1, 0, c);
    }

    void store(Syscall c, String task, FileRef f, long off, long len) {
        if (exited(task) || len <= 0 || absurd(c, off, len)) return;
        f.touch(off + len);
        add(Kind.STORE, task, f, off, len, -1, 0, c);
    }

    /** fsync, fdatasync, msync, sync_file_range ({@code f}), or sync ({@code f} null). */
    void sync(Syscall c, String task, Kind kind, FileRef f) {
        if (exited(task)) return;
        add(kind, task, f, 0, 0, -1, 0, c);
    }

    void truncate(Syscall c, String task, FileRef f, long size) {
        if (exited(task) || absurd(c, size, 0)) return;
        f.sized(size);
        add(Kind.TRUNCATE, task, f, size, 0, -1, 0, c);
    }

    /** {@code exit()}: the model releases the task's handles; so does the builder. */
    void exit(String comment, String task) {
        if (exited(task)) return;
        if (busy.contains(task)) add(Kind.EXIT, task, null, 0, 0, -1, 0, comment);
        exited.add(task);
        for (int h = 0; h < handles.size(); h++) if (handles.get(h).owner.equals(task)) live.set(h, false);
    }

    Answer answer(Syscall c) {
        Answer a = new Answer(c.where(), Text.compact(c.text(), 90));
        answers.add(a);
        return a;
    }

    /** A kernel answer the model cannot show, with the reason. */
    void notModelled(Syscall c, String why) {
        String answer = c.errno() != null ? "-" + c.errno() : String.valueOf(c.ret());
        notModelled.add(c.where() + " " + Text.compact(c.text(), 70) + " (kernel: " + answer + "): " + why);
        comment(c.where() + ": not modelled: " + why);
    }
}
