package dev.pinfuzz.importer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Pipes that hold page references. {@code vmsplice} of user memory into a pipe takes a
 * {@code FOLL_GET} reference per page (iov_iter_get_pages2: {@code get_user_pages}, read-only),
 * and {@code splice} from a file puts page-cache references in the pipe (no GUP in the kernel;
 * modelled the same way). The references go ({@code put_page}) when the bytes leave the pipe.
 */
final class Pipes {
    /** Bytes in a pipe; {@code handle} >= 0 when they are a referenced page. */
    private static final class Seg {
        final int handle;
        long bytes;

        Seg(int handle, long bytes) {
            this.handle = handle;
            this.bytes = bytes;
        }
    }

    private final State st;
    private final Map<String, Deque<Seg>> pipes = new TreeMap<>();

    Pipes(State st) {
        this.st = st;
    }

    void call(Proc p, Syscall c, List<Value> a) {
        if (c.failed() && !c.name().equals("vmsplice")) return;
        switch (c.name()) {
            case "pipe", "pipe2" -> {
                if (a.get(0) instanceof Value.Arr arr && arr.items().size() == 2) {
                    // Without -y the ends carry no pipe:[inode]: name the pipe by the line that made it.
                    String made = Value.path(arr.items().get(0)) == null ? "pipe:[" + c.where() + "]" : null;
                    end(p, arr.items().get(0), true, made);
                    end(p, arr.items().get(1), false, made);
                }
            }
            case "vmsplice" -> vmsplice(p, c, a);
            case "splice" -> splice(p, c, a);
            case "copy_file_range" -> copy(p, c, a, 0, 1, 2, 3);
            case "sendfile", "sendfile64" -> copy(p, c, a, 1, 2, 0, -1);
            default -> { }
        }
    }

    private void end(Proc p, Value v, boolean read, String made) {
        String path = made != null ? made : Value.path(v);
        if (path != null && Value.num(v, -1) >= 0) p.fds.put(Value.num(v, -1), new OpenFile(path, path, read));
    }

    private void vmsplice(Proc p, Syscall c, List<Value> a) {
        if (a.size() < 2) return;
        OpenFile of = Translator.fd(p, a, 0);
        List<Transfers.Iov> iovs = Transfers.iovs("vmsplice", a, p.takeAnnounced());
        if (of.pipe == null) return;
        long ret = c.failed() ? -1 : c.ret(0);
        if (of.readEnd) { // pipe to user: a copy, i.e. stores into the buffer
            if (ret > 0) {
                Transfers.stores(st, p, c, iovs, ret);
                consume(p, c, of.pipe, ret);
            }
            return;
        }
        if (c.refusedBeforeMemory()) return;
        Answer ans = null;
        long left = c.failed() ? Long.MAX_VALUE : ret;
        for (Transfers.Iov v : iovs) {
            long n = Math.min(v.len(), left);
            left -= n;
            if (n <= 0) continue;
            List<AddressSpace.Piece> ps = v.addr() != null ? p.mm.resolve(v.addr(), n) : st.implied(p, n);
            if (ps == null) {
                st.out.notModelled(c, "buffer 0x" + Long.toHexString(v.addr()) + " is not mapped");
                return;
            }
            if (ans == null) {
                ans = st.out.answer(c);
                ans.result(c.ret(-1), c.errno());
            }
            for (AddressSpace.Piece x : ps) refs(p, c, x.vma().file(), x.off(), x.len(), of.pipe, ans, !c.failed());
        }
    }

    /** One {@code get_user_pages(F, page, 1, 0)} per page of the range, queued in the pipe. */
    private void refs(Proc p, Syscall c, FileRef f, long off, long len, String pipe, Answer ans, boolean queue) {
        long pos = off;
        long end = off + len;
        while (pos < end) {
            long pageEnd = (pos / Builder.PAGE + 1) * Builder.PAGE;
            long n = Math.min(end, pageEnd) - pos;
            int h = st.out.gup(c, p.task(), f, pos, n, 0, true, ans);
            if (queue && h >= 0) pipes.computeIfAbsent(pipe, k -> new ArrayDeque<>()).add(new Seg(h, n));
            pos += n;
        }
    }

    private void splice(Proc p, Syscall c, List<Value> a) {
        if (a.size() < 5) return;
        OpenFile in = Translator.fd(p, a, 0);
        OpenFile out = Translator.fd(p, a, 2);
        long n = c.ret(0);
        if (n <= 0) return;
        if (in.pipe != null && out.pipe == null) {
            consume(p, c, in.pipe, n);
            FileRef f = st.file(out.path);
            long off = offset(a.get(3), out, n);
            if (f != null) st.out.write(c, p.task(), f, off, n);
        } else if (in.pipe == null && out.pipe != null) {
            FileRef f = st.file(in.path);
            long off = offset(a.get(1), in, n);
            if (f != null) refs(p, c, f, off, n, out.pipe, null, true);
            else pipes.computeIfAbsent(out.pipe, k -> new ArrayDeque<>()).add(new Seg(-1, n));
        } else if (in.pipe != null) {
            consume(p, c, in.pipe, n);
        }
    }

    /**
     * {@code copy_file_range} and {@code sendfile}: the kernel copies file to file (or to a pipe)
     * through the page cache, so what lands in a file is a buffered {@code write} of the bytes
     * copied. Arguments by index: the source and its offset pointer, the destination and its
     * (-1: none, the file position).
     */
    private void copy(Proc p, Syscall c, List<Value> a, int inArg, int inOff, int outArg, int outOff) {
        if (a.size() <= Math.max(Math.max(inArg, inOff), Math.max(outArg, outOff))) return;
        long n = c.ret(0);
        if (n <= 0) return;
        OpenFile in = Translator.fd(p, a, inArg);
        OpenFile out = Translator.fd(p, a, outArg);
        if (in.pipe != null) consume(p, c, in.pipe, n);
        else offset(a.get(inOff), in, n);
        if (out.pipe != null) {
            pipes.computeIfAbsent(out.pipe, k -> new ArrayDeque<>()).add(new Seg(-1, n));
            return;
        }
        long off = offset(outOff < 0 ? null : a.get(outOff), out, n);
        FileRef f = st.file(out.path); // an unknown descriptor (stdout without -y): no step, as for write(2)
        if (f != null) st.out.write(c, p.task(), f, off, n);
    }

    /** The {@code loff_t *} of splice ({@code [4096]}), else the file position, which advances. */
    private static long offset(Value v, OpenFile of, long n) {
        if (v instanceof Value.Arr arr && !arr.items().isEmpty()) return Value.num(arr.items().get(0), 0);
        long off = of.pos;
        of.pos += n;
        return off;
    }

    /** read/write on a pipe end: writes queue plain bytes, reads take bytes out (and copy them). */
    void transfer(Proc p, Syscall c, OpenFile of, boolean write, long ret, List<Transfers.Iov> iovs) {
        if (ret <= 0) return;
        if (write) {
            pipes.computeIfAbsent(of.pipe, k -> new ArrayDeque<>()).add(new Seg(-1, ret));
        } else {
            Transfers.stores(st, p, c, iovs, ret);
            consume(p, c, of.pipe, ret);
        }
    }

    private void consume(Proc p, Syscall c, String pipe, long n) {
        Deque<Seg> q = pipes.get(pipe);
        while (q != null && n > 0 && !q.isEmpty()) {
            Seg s = q.peekFirst();
            long take = Math.min(n, s.bytes);
            s.bytes -= take;
            n -= take;
            if (s.bytes == 0) {
                q.removeFirst();
                st.out.release(c, p.task(), s.handle);
            }
        }
    }

    /** The last descriptor of a pipe closed: its buffers, and their page references, go. */
    void closed(Proc p, Syscall c, OpenFile of) {
        for (Proc t : st.procs.values())
            if (!t.exited) for (OpenFile o : t.fds.values()) if (of.pipe.equals(o.pipe)) return;
        Deque<Seg> q = pipes.remove(of.pipe);
        if (q == null) return;
        List<Seg> rest = new ArrayList<>(q);
        for (Seg s : rest) st.out.release(c, p.task(), s.handle);
    }
}
