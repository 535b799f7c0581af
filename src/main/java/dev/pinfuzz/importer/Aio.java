package dev.pinfuzz.importer;

import dev.pinfuzz.importer.Draft.Kind;
import dev.pinfuzz.program.Flags;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Linux AIO ({@code io_submit}/{@code io_getevents}). An O_DIRECT iocb pins its buffer at
 * submission and keeps it pinned until its completion is reaped: the device's bytes (reads) and
 * the file's new bytes (writes) land at completion, then the pages are unpinned. strace shows
 * neither the iocb pointers of {@code io_submit} nor a usable {@code aio_data}, so a completion is
 * matched to the oldest in-flight iocb of the same length ({@code res == aio_nbytes}), else to
 * the oldest.
 */
final class Aio {
    private record Iocb(Proc proc, String op, FileRef file, OpenFile of, long off, long nbytes,
                        List<Integer> handles, List<AddressSpace.Piece> pieces, Answer answer) {}

    private final State st;
    private final Map<Long, List<Iocb>> inflight = new TreeMap<>();

    Aio(State st) {
        this.st = st;
    }

    void call(Proc p, Syscall c, List<Value> a) {
        if (c.failed() || a.isEmpty()) return;
        long ctx = Value.num(a.get(0), 0);
        switch (c.name()) {
            case "io_submit" -> submit(p, c, ctx, a);
            case "io_getevents", "io_pgetevents" -> {
                if (a.size() > 3 && a.get(3) instanceof Value.Arr events)
                    for (Value e : events.items()) if (e instanceof Value.Struct s) complete(p, c, ctx, Value.num(s.get("res"), 0));
            }
            case "io_destroy" -> {
                List<Iocb> q = inflight.remove(ctx);
                if (q != null) for (Iocb x : q) for (int h : x.handles) st.out.release(c, p.task(), h);
            }
            default -> { }
        }
    }

    /** The submitting task is gone: its exit() released the pins of its in-flight iocbs. */
    void exited(Proc p) {
        for (List<Iocb> q : inflight.values()) q.removeIf(x -> x.proc == p);
    }

    private void submit(Proc p, Syscall c, long ctx, List<Value> a) {
        if (a.size() < 3 || !(a.get(2) instanceof Value.Arr iocbs)) return;
        long n = Math.min(c.ret(0), iocbs.items().size());
        for (int i = 0; i < n; i++) if (iocbs.items().get(i) instanceof Value.Struct s) iocb(p, c, ctx, s);
    }

    private void iocb(Proc p, Syscall c, long ctx, Value.Struct s) {
        String op = s.get("aio_lio_opcode") instanceof Value.Sym y ? y.text() : "?";
        Value fd = s.get("aio_fildes");
        OpenFile of = p.fd(Value.num(fd, -1), Value.path(fd));
        FileRef f = st.file(of.path);
        long off = Value.num(s.get("aio_offset"), 0);
        long nbytes = Math.max(0, Value.num(s.get("aio_nbytes"), 0));
        boolean read = op.equals("IOCB_CMD_PREAD");
        List<Integer> hs = new ArrayList<>();
        List<AddressSpace.Piece> pieces = new ArrayList<>();
        Answer ans = null;
        if (f != null && of.direct && (read || op.equals("IOCB_CMD_PWRITE")) && nbytes > 0) {
            Long addr = Transfers.addr(s.get("aio_buf"));
            List<AddressSpace.Piece> ps = addr != null ? p.mm.resolve(addr, nbytes) : st.implied(p, nbytes);
            if (ps == null || (read && ps.stream().anyMatch(x -> !x.vma().writable()))) {
                st.out.comment(c.where() + ": " + op + " buffer is not mapped writable: not modelled");
            } else {
                ans = st.out.answer(c);
                for (AddressSpace.Piece x : ps)
                    hs.add(st.out.gup(c, p.task(), x.vma().file(), x.off(), x.len(), read ? Flags.FOLL_WRITE : 0, false, ans));
                pieces.addAll(ps);
            }
        } else if (f != null && op.equals("IOCB_CMD_PWRITE") && nbytes > 0) {
            st.out.write(c, p.task(), f, off, nbytes); // buffered AIO completes inside io_submit
        }
        inflight.computeIfAbsent(ctx, k -> new ArrayList<>()).add(new Iocb(p, op, f, of, off, nbytes, hs, pieces, ans));
    }

    private void complete(Proc p, Syscall c, long ctx, long res) {
        List<Iocb> q = inflight.get(ctx);
        if (q == null || q.isEmpty()) return;
        Iocb x = null;
        for (Iterator<Iocb> it = q.iterator(); it.hasNext(); ) {
            Iocb y = it.next();
            if (y.nbytes == res) {
                x = y;
                it.remove();
                break;
            }
        }
        if (x == null) x = q.remove(0);
        if (x.answer != null) x.answer.result(res, res == -14 ? "EFAULT" : null);
        String task = p.task();
        if (res > 0 && !x.handles.isEmpty()) {
            if (x.op.equals("IOCB_CMD_PREAD")) {
                long left = res;
                for (int i = 0; i < x.handles.size() && left > 0; i++) {
                    long n = Math.min(left, x.pieces.get(i).len());
                    st.out.dma(c, x.handles.get(i), x.pieces.get(i).off(), n);
                    left -= n;
                }
            } else {
                st.out.write(c, task, x.file, x.off, res);
            }
        }
        for (int h : x.handles) st.out.release(c, task, h);
        if (res == 0 && x.file != null && (x.op.equals("IOCB_CMD_FSYNC") || x.op.equals("IOCB_CMD_FDSYNC")))
            st.out.sync(c, task, x.op.equals("IOCB_CMD_FSYNC") ? Kind.FSYNC : Kind.FDATASYNC, x.file);
        if (res > 0 && x.file != null && x.op.equals("IOCB_CMD_PWRITE") && !x.handles.isEmpty() && (x.of.dsync || x.of.sync))
            st.out.sync(c, task, x.of.sync ? Kind.FSYNC : Kind.FDATASYNC, x.file);
    }
}
