package dev.pinfuzz.importer;

import dev.pinfuzz.importer.Draft.Kind;
import dev.pinfuzz.program.Flags;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * read/write and their positional and vector forms. On an {@code O_DIRECT} file the buffer's
 * pages are pinned for the I/O (bio_iov_iter_get_pages): a read pins {@code FOLL_WRITE}, the
 * device writes the bytes, and the pages are unpinned dirty; a write pins read-only. A buffered
 * write is {@code write}; a buffered read into a known buffer is a CPU copy, i.e. stores. Notes
 * of the C programs ({@code write(99</dev/null>, "# ...")}) are read here too.
 */
final class Transfers {
    /** One iovec: its address when known. */
    record Iov(Long addr, long len) {}

    private final State st;
    private final Pipes pipes;
    private final Uring uring;
    private final Set<String> explained = new HashSet<>();

    Transfers(State st, Pipes pipes, Uring uring) {
        this.st = st;
        this.pipes = pipes;
        this.uring = uring;
    }

    void call(Proc p, Syscall c, List<Value> a) {
        if (a.size() < 2) return;
        String name = c.name();
        OpenFile of = Translator.fd(p, a, 0);
        if (name.equals("write") && "/dev/null".equals(of.path) && a.get(1) instanceof Value.Str s && s.text().startsWith("#")) {
            note(p, c, s.cut() ? whole(s.text()) : s.text());
            return;
        }
        List<Iov> iovs = iovs(name, a, p.takeAnnounced());
        boolean write = name.contains("write");
        boolean positional = false;
        long off = of.pos;
        if (name.startsWith("p") && a.size() > 3) { // pread64, preadv2, pwrite64, ...: the offset argument
            long at = Value.num(a.get(3), Long.MIN_VALUE);
            if (at >= 0) {
                positional = true;
                off = at;
            } else if (!(at == -1 && name.endsWith("2"))) { // -1: p{read,write}v2 at the file position
                if (!c.failed()) st.problems.add(c.problemAt(ArgParser.start(c.argText(), 3), "offset " + shown(a.get(3)) + " is out of range"));
                return;
            }
        }
        FileRef f = st.file(of.path);
        if (write && of.append && f != null && f.size >= 0) off = f.size;
        long ret = c.failed() ? -1 : c.ret(0);
        if (!positional && ret > 0) of.pos = off + ret;
        if (of.pipe != null) {
            pipes.transfer(p, c, of, write, ret, iovs);
            return;
        }
        if (f != null && of.direct && !f.directory) {
            direct(p, c, a, of, f, write, off, iovs);
            return;
        }
        if (ret <= 0) return;
        if (write && f != null) {
            st.out.write(c, p.task(), f, off, ret);
            syncedWrite(p, c, a, of, f);
        } else if (!write) {
            stores(st, p, c, iovs, ret);
        }
    }

    /**
     * O_DSYNC / O_SYNC, or pwritev2's RWF_DSYNC / RWF_SYNC for one call: the write returns only once
     * it is durable, as if followed by fdatasync / fsync.
     */
    private void syncedWrite(Proc p, Syscall c, List<Value> a, OpenFile of, FileRef f) {
        Value flags = c.name().equals("pwritev2") && a.size() > 4 ? a.get(4) : null;
        boolean sync = of.sync || Value.hasFlag(flags, "RWF_SYNC");
        if (sync || of.dsync || Value.hasFlag(flags, "RWF_DSYNC")) st.out.sync(c, p.task(), sync ? Kind.FSYNC : Kind.FDATASYNC, f);
    }

    private void direct(Proc p, Syscall c, List<Value> a, OpenFile of, FileRef f, boolean write, long off, List<Iov> iovs) {
        if (c.refusedBeforeMemory()) {
            st.out.comment(c.where() + ": " + c.name() + " = -" + c.errno() + ": refused before any page was pinned: no step");
            return;
        }
        long left = c.failed() ? Long.MAX_VALUE : c.ret(0);
        List<AddressSpace.Piece> pieces = new ArrayList<>();
        for (Iov v : iovs) {
            long n = Math.min(v.len(), left);
            left -= n;
            if (n <= 0) continue;
            List<AddressSpace.Piece> ps = v.addr() != null ? p.mm.resolve(v.addr(), n) : st.implied(p, n);
            if (ps == null) {
                st.out.notModelled(c, "buffer 0x" + Long.toHexString(v.addr()) + " is not mapped: the model has no unmapped user memory");
                return;
            }
            for (AddressSpace.Piece x : ps) {
                if (!write && !x.vma().writable()) {
                    st.out.notModelled(c, "FOLL_WRITE pin of a read-only (PROT_READ) mapping: every mapping of the model is writable");
                    return;
                }
                if (v.addr() == null) explain(p, x.vma());
            }
            pieces.addAll(ps);
        }
        if (pieces.isEmpty()) return;
        String task = p.task();
        Answer ans = st.out.answer(c);
        ans.result(c.ret(-1), c.errno());
        List<Integer> hs = new ArrayList<>();
        for (AddressSpace.Piece x : pieces)
            hs.add(st.out.gup(c, task, x.vma().file(), x.off(), x.len(), write ? 0 : Flags.FOLL_WRITE, false, ans));
        if (!c.failed()) {
            if (write) st.out.write(c, task, f, off, c.ret(0));
            else for (int i = 0; i < hs.size(); i++) st.out.dma(c, hs.get(i), pieces.get(i).off(), pieces.get(i).len());
        }
        for (int h : hs) st.out.release(c, task, h);
        if (!c.failed() && write) syncedWrite(p, c, a, of, f);
    }

    private void explain(Proc p, Vma v) {
        if (!explained.add(p.task() + ":" + v.file().key)) return;
        String where = v.file().path != null ? v.file().path : v.file().what;
        st.out.comment(p.task() + ": buffer addresses are not in the log (strace prints the contents): "
                + "taken to be at the start of " + where + (v.line() > 0 ? " (mapped at L" + v.line() + ")" : ""));
    }

    /** A CPU copy into user memory ({@code copy_to_user}): stores into whatever maps the buffer. */
    static void stores(State st, Proc p, Syscall c, List<Iov> iovs, long n) {
        long left = n;
        for (Iov v : iovs) {
            long k = Math.min(v.len(), left);
            left -= k;
            if (k <= 0 || v.addr() == null) continue;
            List<AddressSpace.Piece> ps = p.mm.resolve(v.addr(), k);
            if (ps == null) continue;
            for (AddressSpace.Piece x : ps) if (x.vma().writable()) st.out.store(c, p.task(), x.vma().file(), x.off(), x.len());
        }
    }

    /** The buffers of a transfer; addresses strace did not print come from the last note. */
    static List<Iov> iovs(String name, List<Value> a, List<Long> announced) {
        List<Iov> out = new ArrayList<>();
        if (name.endsWith("v") || name.endsWith("v2") || name.equals("vmsplice")) {
            if (a.get(1) instanceof Value.Arr arr)
                for (Value v : arr.items())
                    if (v instanceof Value.Struct s) out.add(new Iov(addr(s.get("iov_base")), Math.max(0, Value.num(s.get("iov_len"), 0))));
        } else if (a.size() > 2) {
            out.add(new Iov(addr(a.get(1)), Math.max(0, Value.num(a.get(2), 0))));
        }
        int k = 0;
        for (int i = 0; i < out.size() && k < announced.size(); i++)
            if (out.get(i).addr() == null) out.set(i, new Iov(announced.get(k++), out.get(i).len()));
        return out;
    }

    /** A number argument as the log printed it, cut short if it is long. */
    static String shown(Value v) {
        return v instanceof Value.Num n ? Long.toString(n.value()) : v instanceof Value.Sym y ? Text.compact(y.text(), 40) : "?";
    }

    /** A buffer argument: an address when strace printed one (a failed call, NULL aside), else null. */
    static Long addr(Value v) {
        return v instanceof Value.Num n && n.path() == null && n.value() != 0 ? n.value() : null;
    }

    /**
     * A note strace cut ({@code -s}): its last word may be cut too ({@code buf=0x7"...} is not
     * buffer 0x7), so it goes. Not a problem of the log: the traces' own C programs' notes are cut.
     */
    private static String whole(String text) {
        int end = text.length();
        while (end > 0 && !Character.isWhitespace(text.charAt(end - 1))) end--;
        return text.substring(0, end);
    }

    private void note(Proc p, Syscall c, String text) {
        Note n = Note.parse(text);
        for (var e : n.regions().entrySet()) {
            p.regions.put(e.getKey(), e.getValue());
            Vma v = p.mm.find(e.getValue());
            if (v != null && v.file().path == null && v.file().noteName == null) v.file().noteName = e.getKey();
        }
        p.announced = new ArrayList<>(n.addresses());
        for (Note.Store s : n.stores()) {
            Long base = p.regions.get(s.region());
            List<AddressSpace.Piece> ps = base == null ? null : p.mm.resolve(base + s.off(), s.len());
            if (ps == null) continue;
            for (AddressSpace.Piece x : ps) if (x.vma().writable()) st.out.store(c, p.task(), x.vma().file(), x.off(), x.len());
        }
        uring.note(p, c, n);
    }
}
