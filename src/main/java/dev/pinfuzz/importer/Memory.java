package dev.pinfuzz.importer;

import dev.pinfuzz.importer.Draft.Kind;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code mmap} family: keeps each process's mappings so buffer addresses can be resolved, and
 * turns {@code msync(MS_SYNC)} into {@code msync(F)} for the files it covers. A shared mapping of
 * a file maps that file; anonymous memory and private mappings get a {@code tmpfs} stand-in each
 * (their pages are not the file's page cache once written, and the kernel does not judge them
 * for durability or refuse them long-term pins).
 */
final class Memory {
    private final State st;

    Memory(State st) {
        this.st = st;
    }

    void call(Proc p, Syscall c, List<Value> a) {
        if (c.failed()) return;
        switch (c.name()) {
            case "mmap", "mmap2" -> mmap(p, c, a);
            case "munmap" -> munmap(p, c, a);
            case "mremap" -> {
                if (a.size() >= 3 && c.ret() != null)
                    p.mm.remap(Value.num(a.get(0), 0), Value.num(a.get(1), 0), Value.num(a.get(2), 0), c.ret(), c.line());
            }
            case "mprotect" -> {
                if (a.size() >= 3) p.mm.protect(Value.num(a.get(0), 0), Value.num(a.get(1), 0), Value.hasFlag(a.get(2), "PROT_WRITE"));
            }
            case "msync" -> msync(p, c, a);
            case "madvise" -> madvise(p, c, a);
            default -> { }
        }
    }

    private void mmap(Proc p, Syscall c, List<Value> a) {
        if (a.size() < 6 || c.ret() == null) return;
        long addr = c.ret();
        long len = Value.num(a.get(1), 0);
        if (len <= 0) return;
        long end = addr + (len + Builder.PAGE - 1) / Builder.PAGE * Builder.PAGE;
        boolean writable = Value.hasFlag(a.get(2), "PROT_WRITE");
        boolean shared = Value.hasFlag(a.get(3), "MAP_SHARED") || Value.hasFlag(a.get(3), "MAP_SHARED_VALIDATE");
        boolean anonymous = Value.num(a.get(4), -1) < 0;
        String path = anonymous ? null : p.path(a.get(4));
        if (!anonymous && path == null) {
            st.file(p, c, a, 4); // reported: which file it maps is unknown
            return;
        }
        long off = Value.num(a.get(5), 0);
        FileRef f = anonymous ? null : st.file(path);
        String key = p.tgid + ":" + Long.toHexString(addr) + ":L" + c.line();
        boolean buffer = f != null && writable && !Value.hasFlag(a.get(3), "MAP_FIXED") && !Value.hasFlag(a.get(3), "MAP_DENYWRITE");
        Vma v;
        if (f != null && shared) {
            f.touch(off + len);
            v = new Vma(addr, end, f, off, writable, true, c.line(), buffer);
        } else if (f != null) {
            FileRef r = st.region("private:" + key, "MAP_PRIVATE mapping of " + path + " by P" + p.tgid, path);
            r.touch(len);
            v = new Vma(addr, end, r, 0, writable, false, c.line(), buffer);
        } else {
            String what = (shared ? "shared" : "private") + " anonymous mapping of P" + p.tgid + " at 0x" + Long.toHexString(addr);
            FileRef r = st.region((shared ? "shmem:" : "anon:") + key, what, null);
            r.touch(len);
            v = new Vma(addr, end, r, 0, writable, shared, c.line());
        }
        p.mm.map(v);
    }

    private void munmap(Proc p, Syscall c, List<Value> a) {
        if (a.size() < 2) return;
        long addr = Value.num(a.get(0), 0);
        long len = Value.num(a.get(1), 0);
        for (Vma v : p.mm.overlapping(addr, len))
            if (v.file().used) {
                st.out.comment(c.where() + ": munmap of " + name(v) + ": the model keeps a task's mappings until exit()");
                break;
            }
        p.mm.unmap(addr, len);
    }

    /** MS_SYNC writes back the shared file pages in the range; MS_ASYNC does nothing since 2.6.19. */
    private void msync(Proc p, Syscall c, List<Value> a) {
        if (a.size() < 3) return;
        Set<FileRef> files = new LinkedHashSet<>();
        for (Vma v : p.mm.overlapping(Value.num(a.get(0), 0), Value.num(a.get(1), 0)))
            if (v.shared() && v.file().path != null) files.add(v.file());
        if (files.isEmpty()) return;
        if (!Value.hasFlag(a.get(2), "MS_SYNC")) {
            st.out.comment(c.where() + ": " + Text.compact(c.text(), 80) + ": no MS_SYNC, no writeback: no step");
            return;
        }
        for (FileRef f : files) st.out.sync(c, p.task(), Kind.MSYNC, f);
    }

    private void madvise(Proc p, Syscall c, List<Value> a) {
        if (a.size() < 3 || !Value.hasFlag(a.get(2), "MADV_DONTNEED")) return;
        for (Vma v : p.mm.overlapping(Value.num(a.get(0), 0), Value.num(a.get(1), 0)))
            if (v.file().used) {
                st.out.comment(c.where() + ": MADV_DONTNEED zaps PTEs of " + name(v) + ": not modelled (the next access faults again)");
                return;
            }
    }

    private static String name(Vma v) {
        return v.file().path != null ? v.file().path : v.file().what;
    }
}
