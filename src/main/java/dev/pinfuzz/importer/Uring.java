package dev.pinfuzz.importer;

import dev.pinfuzz.importer.Draft.Kind;
import dev.pinfuzz.program.Flags;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * io_uring. {@code IORING_REGISTER_BUFFERS} (and {@code _BUFFERS2}, {@code _BUFFERS_UPDATE})
 * pin every iovec {@code FOLL_WRITE|FOLL_LONGTERM} until unregistered, replaced, the ring
 * closed, or exit; Linux >= 6.5 refuses that on a dirty-tracked shared file mapping (EFAULT).
 * SQEs and CQEs live in shared ring memory that strace does not show; the C programs announce
 * them in notes, and those are imported: READ_FIXED is a DMA through the registration, a
 * non-fixed READ/WRITEV pins per I/O like O_DIRECT, FSYNC is fsync/fdatasync.
 */
final class Uring {
    /** A registered buffer: its handle and the user range it covers. */
    private record Buf(int handle, long start, long len, FileRef file, long fileOff) {}

    /** A submitted SQE waiting for its CQE. */
    private record Io(Note.Sqe sqe, List<Integer> handles, List<AddressSpace.Piece> pieces, Answer answer) {}

    private static final class Ring {
        final Map<Long, List<Buf>> slots = new TreeMap<>();
        final List<String> files = new ArrayList<>();
        final List<Note.Sqe> queued = new ArrayList<>();
        final Map<Long, Io> submitted = new TreeMap<>();
        boolean sqesSeen;
        boolean explained;
    }

    private final State st;
    private final Map<String, Ring> rings = new TreeMap<>();
    /** The ring a process set up last: its notes refer to it. */
    private final Map<Integer, Ring> latest = new TreeMap<>();

    Uring(State st) {
        this.st = st;
    }

    private static String key(Proc p, long fd) {
        return p.tgid + ":" + fd;
    }

    void call(Proc p, Syscall c, List<Value> a) {
        switch (c.name()) {
            case "io_uring_setup" -> {
                if (c.failed()) return;
                Ring r = new Ring();
                rings.put(key(p, c.ret(-1)), r);
                p.fds.putIfAbsent(c.ret(-1), new OpenFile("anon_inode:[io_uring]", null, false)); // without -y: no file, not unknown
                latest.put(p.tgid, r);
            }
            case "io_uring_register" -> register(p, c, a);
            case "io_uring_enter" -> enter(p, c, a);
            default -> { }
        }
    }

    private Ring ring(Proc p, List<Value> a) {
        return rings.computeIfAbsent(key(p, Value.num(a.get(0), -1)), k -> new Ring());
    }

    private void register(Proc p, Syscall c, List<Value> a) {
        if (a.size() < 3) return;
        Ring r = ring(p, a);
        String op = a.get(1) instanceof Value.Sym y ? y.text() : "";
        switch (op) {
            case "IORING_REGISTER_BUFFERS" -> buffers(p, c, r, 0, a.get(2));
            case "IORING_REGISTER_BUFFERS2" -> {
                if (a.get(2) instanceof Value.Struct s) buffers(p, c, r, 0, s.get("data"));
            }
            case "IORING_REGISTER_BUFFERS_UPDATE" -> {
                if (a.get(2) instanceof Value.Struct s) buffers(p, c, r, Value.num(s.get("offset"), 0), s.get("data"));
            }
            case "IORING_UNREGISTER_BUFFERS" -> {
                if (!c.failed()) unregister(p, c, r);
            }
            case "IORING_REGISTER_FILES" -> {
                if (!c.failed() && a.get(2) instanceof Value.Arr arr) {
                    r.files.clear();
                    for (Value v : arr.items()) r.files.add(Value.path(v));
                }
            }
            default -> { }
        }
    }

    /** Pins each iovec long-term; on success they fill slots {@code first...}. */
    private void buffers(Proc p, Syscall c, Ring r, long first, Value data) {
        if (!(data instanceof Value.Arr arr) || arr.items().isEmpty()) return; // a sparse table pins nothing
        if (c.refusedBeforeMemory()) {
            st.out.comment(c.where() + ": registration refused with " + c.errno() + " before pinning: no step");
            return;
        }
        List<List<AddressSpace.Piece>> all = new ArrayList<>();
        for (Value v : arr.items()) {
            Value.Struct s = v instanceof Value.Struct x ? x : null;
            Long base = s == null ? null : Transfers.addr(s.get("iov_base"));
            long len = s == null ? 0 : Value.num(s.get("iov_len"), 0);
            List<AddressSpace.Piece> ps = base == null || len <= 0 ? null : p.mm.resolve(base, len);
            if (ps == null) {
                st.out.notModelled(c, "a registered buffer is not mapped (or not shown): the model cannot pin it");
                return;
            }
            for (AddressSpace.Piece x : ps)
                if (!x.vma().writable()) {
                    st.out.notModelled(c, "FOLL_WRITE|FOLL_LONGTERM pin of a read-only (PROT_READ) mapping: every mapping of the model is writable");
                    return;
                }
            all.add(ps);
        }
        Answer ans = st.out.answer(c);
        ans.result(c.ret(-1), c.errno());
        for (int i = 0; i < all.size(); i++) {
            List<Buf> bufs = new ArrayList<>();
            for (AddressSpace.Piece x : all.get(i)) {
                int h = st.out.gup(c, p.task(), x.vma().file(), x.off(), x.len(), Flags.FOLL_WRITE | Flags.FOLL_LONGTERM, false, ans);
                long start = x.vma().start() + (x.off() - x.vma().fileOff());
                bufs.add(new Buf(h, start, x.len(), x.vma().file(), x.off()));
            }
            if (c.failed()) continue; // refused: nothing registered; whatever a policy let through stays until exit
            List<Buf> old = r.slots.put(first + i, bufs);
            if (old != null) for (Buf b : old) st.out.release(c, p.task(), b.handle);
        }
    }

    private void unregister(Proc p, Syscall c, Ring r) {
        for (List<Buf> bufs : r.slots.values()) for (Buf b : bufs) st.out.release(c, p.task(), b.handle);
        r.slots.clear();
    }

    /** close() of a ring descriptor tears the ring down with its registrations. */
    void closed(Proc p, Syscall c, long fd) {
        Ring r = rings.remove(key(p, fd));
        if (r != null) unregister(p, c, r);
    }

    private void enter(Proc p, Syscall c, List<Value> a) {
        if (a.size() < 2 || c.failed()) return;
        Ring r = ring(p, a);
        long n = c.ret(0);
        if (n > 0 && !r.sqesSeen && !r.explained) {
            r.explained = true;
            st.out.comment(c.where() + ": io_uring_enter submits SQEs from shared ring memory, which the log does not show: not imported");
        }
        for (int i = 0; i < n && !r.queued.isEmpty(); i++) submit(p, c, r, r.queued.remove(0));
    }

    /** A non-fixed read or write pins its buffer when it is issued, as O_DIRECT does. */
    private void submit(Proc p, Syscall c, Ring r, Note.Sqe s) {
        List<Integer> hs = new ArrayList<>();
        List<AddressSpace.Piece> pieces = new ArrayList<>();
        Answer ans = null;
        boolean read = s.op().equals("READ") || s.op().equals("READV");
        if (read || s.op().equals("WRITE") || s.op().equals("WRITEV")) {
            for (long[] b : s.bufs()) {
                List<AddressSpace.Piece> ps = b[1] > 0 ? p.mm.resolve(b[0], b[1]) : null;
                if (ps == null) continue;
                pieces.addAll(ps);
            }
            if (!pieces.isEmpty()) {
                ans = st.out.answer(c);
                for (AddressSpace.Piece x : pieces)
                    hs.add(st.out.gup(c, p.task(), x.vma().file(), x.off(), x.len(), read ? Flags.FOLL_WRITE : 0, false, ans));
            }
        }
        r.submitted.put(s.id(), new Io(s, hs, pieces, ans));
    }

    /** Notes: SQEs queue for the next io_uring_enter, CQEs complete them. */
    void note(Proc p, Syscall c, Note n) {
        Ring r = latest.get(p.tgid);
        if (r == null) return;
        for (Note.Sqe s : n.sqes()) {
            r.sqesSeen = true;
            r.queued.add(s);
        }
        if (n.cqe() != null) complete(p, c, r, n.cqe());
    }

    private void complete(Proc p, Syscall c, Ring r, Note.Cqe q) {
        Io io = r.submitted.remove(q.id());
        if (io == null) {
            st.out.comment(c.where() + ": completion of an SQE no note described: no step");
            return;
        }
        Note.Sqe s = io.sqe;
        long res = q.res();
        if (io.answer != null) io.answer.result(res, res == -14 ? "EFAULT" : null);
        String task = p.task();
        FileRef target = target(p, r, s.target());
        if (res > 0 && s.op().equals("READ_FIXED")) {
            for (long[] b : s.bufs()) fixedDma(c, r, b[0], Math.min(res, b[1] < 0 ? res : b[1]));
        } else if (res > 0 && s.op().startsWith("READ")) {
            long left = res;
            for (int i = 0; i < io.handles.size() && left > 0; i++) {
                long k = Math.min(left, io.pieces.get(i).len());
                st.out.dma(c, io.handles.get(i), io.pieces.get(i).off(), k);
                left -= k;
            }
        } else if (res > 0 && s.op().startsWith("WRITE") && target != null) {
            st.out.write(c, task, target, s.off(), res);
        }
        for (int h : io.handles) st.out.release(c, task, h);
        if (res == 0 && s.op().equals("FSYNC") && target != null) st.out.sync(c, task, s.datasync() ? Kind.FDATASYNC : Kind.FSYNC, target);
    }

    /** The device writes into a registered buffer: through the registration's handle. */
    private void fixedDma(Syscall c, Ring r, long addr, long len) {
        for (List<Buf> bufs : r.slots.values())
            for (Buf b : bufs)
                if (addr >= b.start && addr < b.start + b.len) {
                    st.out.dma(c, b.handle, b.fileOff + (addr - b.start), Math.min(len, b.start + b.len - addr));
                    return;
                }
    }

    /** {@code fixedfile0} is a registered file; another word names an open file ({@code out} = out.dat). */
    private FileRef target(Proc p, Ring r, String word) {
        if (word == null) return null;
        if (word.startsWith("fixedfile")) {
            try {
                int i = Integer.parseInt(word.substring(9));
                return i < r.files.size() ? st.file(r.files.get(i)) : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        FileRef found = null;
        for (OpenFile of : p.fds.values()) {
            if (of.path == null) continue;
            String base = of.path.substring(of.path.lastIndexOf('/') + 1);
            if (base.equals(word) || base.startsWith(word + ".")) found = st.file(of.path);
        }
        return found;
    }
}
