package dev.pinfuzz.importer;

import java.util.ArrayList;
import java.util.List;

/**
 * A process's mappings as the log shows them ({@code mmap}, {@code munmap}, {@code mremap},
 * {@code mprotect}), so that a buffer address can be turned into pages of a file. Threads share
 * one; {@code fork} copies it.
 */
final class AddressSpace {
    /** A piece of a user buffer: {@code len} bytes at byte {@code off} of {@code vma.file()}. */
    record Piece(Vma vma, long off, long len) {}

    private final List<Vma> vmas = new ArrayList<>();
    /** The anonymous-memory stand-in of this process, made on first use. */
    FileRef anon;

    AddressSpace copy() {
        AddressSpace c = new AddressSpace();
        c.vmas.addAll(vmas);
        return c;
    }

    /** Adds the mappings of {@code other} (made by a child before its clone returned) on top. */
    void absorb(AddressSpace other) {
        if (other == this) return;
        for (Vma v : other.vmas) map(v);
    }

    void map(Vma v) {
        unmap(v.start(), v.end() - v.start());
        vmas.add(v);
        vmas.sort((a, b) -> Long.compareUnsigned(a.start(), b.start()));
    }

    /** Removes {@code [addr, addr+len)}, splitting mappings that straddle it. */
    void unmap(long addr, long len) {
        long end = addr + len;
        List<Vma> out = new ArrayList<>(vmas.size() + 1);
        for (Vma v : vmas) {
            if (v.end() <= addr || v.start() >= end) {
                out.add(v);
                continue;
            }
            if (v.start() < addr) out.add(v.slice(v.start(), addr));
            if (v.end() > end) out.add(v.slice(end, v.end()));
        }
        vmas.clear();
        vmas.addAll(out);
    }

    /** {@code mprotect}: only whether the range is writable matters to the importer. */
    void protect(long addr, long len, boolean writable) {
        long end = addr + len;
        List<Vma> hit = new ArrayList<>();
        for (Vma v : vmas) if (v.start() < end && v.end() > addr) hit.add(v);
        for (Vma v : hit) {
            long a = Math.max(v.start(), addr);
            long b = Math.min(v.end(), end);
            Vma mid = v.slice(a, b);
            map(new Vma(mid.start(), mid.end(), mid.file(), mid.fileOff(), writable, mid.shared(), mid.line(), mid.buffer()));
        }
    }

    /** {@code mremap}: the mapping at {@code old} moves to {@code to} and becomes {@code newLen} long. */
    void remap(long old, long oldLen, long newLen, long to, int line) {
        Vma v = find(old);
        if (v == null) return;
        Vma base = v.slice(old, Math.min(v.end(), old + oldLen));
        unmap(old, oldLen);
        map(new Vma(to, to + newLen, base.file(), base.fileOff(), base.writable(), base.shared(), line, base.buffer()));
        base.file().touch(base.fileOff() + newLen);
    }

    /** The mapping that contains {@code addr}, or null. */
    Vma find(long addr) {
        for (Vma v : vmas) if (v.contains(addr)) return v;
        return null;
    }

    /** Mappings overlapping {@code [addr, addr+len)}. */
    List<Vma> overlapping(long addr, long len) {
        List<Vma> out = new ArrayList<>();
        for (Vma v : vmas) if (v.start() < addr + len && v.end() > addr) out.add(v);
        return out;
    }

    /**
     * The pieces of {@code [addr, addr+len)}, one per mapping it crosses; null when part of it
     * is not mapped.
     */
    List<Piece> resolve(long addr, long len) {
        List<Piece> out = new ArrayList<>();
        long a = addr;
        long end = addr + Math.max(len, 1);
        while (a < end) {
            Vma v = find(a);
            if (v == null) return null;
            long b = Math.min(end, v.end());
            out.add(new Piece(v, v.fileOff() + (a - v.start()), Math.min(b, addr + len) - a));
            a = b;
        }
        return out;
    }

    /** The mapping whose file satisfies the test, the most recent (highest line) first; or null. */
    Vma latest(java.util.function.Predicate<Vma> test) {
        Vma best = null;
        for (Vma v : vmas) if (test.test(v) && (best == null || v.line() > best.line())) best = v;
        return best;
    }
}
