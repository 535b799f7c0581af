package dev.pinfuzz.importer;

import dev.pinfuzz.program.Flags;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code process_vm_writev}/{@code process_vm_readv}: the remote side is pinned with
 * {@code pin_user_pages_remote()} in the other process's mappings ({@code FOLL_WRITE} for
 * writev), copied through the kernel mapping (a write behind the PTEs, like a DMA) and
 * unpinned ({@code unpin_user_pages_dirty_lock(pages, vm_write)}); the local side is an ordinary
 * copy (stores for readv).
 */
final class ProcessVm {
    private final State st;

    ProcessVm(State st) {
        this.st = st;
    }

    void call(Proc p, Syscall c, List<Value> a) {
        if (a.size() < 5) return;
        boolean write = c.name().equals("process_vm_writev");
        long pid = Value.num(a.get(0), -1);
        if (c.refusedBeforeMemory()) {
            st.out.comment(c.where() + ": " + c.name() + " = -" + c.errno() + ": nothing pinned: no step");
            return;
        }
        Proc remote = pid > 0 && pid <= Integer.MAX_VALUE ? st.procs.get((int) pid) : null;
        if (remote == null || remote.exited) {
            st.out.comment(c.where() + ": the remote process " + pid + " is not in the log: no step");
            return;
        }
        List<Transfers.Iov> local = Transfers.iovs("readv", List.of(a.get(0), a.get(1)), p.takeAnnounced());
        List<Transfers.Iov> rem = iovecs(a.get(3));
        long left = c.failed() ? -1 : c.ret(0);
        List<AddressSpace.Piece> pieces = new ArrayList<>();
        for (Transfers.Iov v : rem) {
            long n = left < 0 ? v.len() : Math.min(v.len(), left);
            if (left >= 0) left -= n;
            if (n <= 0 || v.addr() == null) continue;
            List<AddressSpace.Piece> ps = remote.mm.resolve(v.addr(), n);
            if (ps == null) {
                st.out.notModelled(c, "remote buffer 0x" + Long.toHexString(v.addr()) + " is not mapped in P" + pid);
                return;
            }
            for (AddressSpace.Piece x : ps)
                if (write && !x.vma().writable()) {
                    st.out.notModelled(c, "FOLL_WRITE pin of a read-only (PROT_READ) mapping of P" + pid + ": every mapping of the model is writable");
                    return;
                }
            pieces.addAll(ps);
            if (left < 0) break; // a failed call stopped at its first iovec
        }
        if (pieces.isEmpty()) return;
        Answer ans = st.out.answer(c);
        ans.result(c.ret(-1), c.errno());
        List<Integer> hs = new ArrayList<>();
        for (AddressSpace.Piece x : pieces)
            hs.add(st.out.gup(c, remote.task(), x.vma().file(), x.off(), x.len(), write ? Flags.FOLL_WRITE : 0, false, ans));
        if (!c.failed() && write)
            for (int i = 0; i < hs.size(); i++) st.out.dma(c, hs.get(i), pieces.get(i).off(), pieces.get(i).len());
        for (int h : hs) st.out.release(c, p.task(), h);
        if (!c.failed() && !write) Transfers.stores(st, p, c, local, c.ret(0));
    }

    private static List<Transfers.Iov> iovecs(Value v) {
        List<Transfers.Iov> out = new ArrayList<>();
        if (v instanceof Value.Arr arr)
            for (Value x : arr.items())
                if (x instanceof Value.Struct s) out.add(new Transfers.Iov(Transfers.addr(s.get("iov_base")), Math.max(0, Value.num(s.get("iov_len"), 0))));
        return out;
    }
}
