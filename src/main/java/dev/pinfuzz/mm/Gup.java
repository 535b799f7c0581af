package dev.pinfuzz.mm;


import dev.pinfuzz.program.Flags;
import dev.pinfuzz.program.Op;

/**
 * {@code get_user_pages}/{@code pin_user_pages} (mm/gup.c), the device's DMA through what they
 * returned, and the ways a holder gives the pages back.
 */
final class Gup {
    private static final int PAGE = Inode.PAGE;

    private Gup() {}

    /**
     * Models {@code __get_user_pages()}: admission ({@code check_vma_flags()}), then per page a
     * fault if needed ({@code FOLL_WRITE} on a read-only PTE faults like a store) and
     * {@code try_grab_folio()} (+1 for {@code FOLL_GET}, +{@code GUP_PIN_COUNTING_BIAS} for
     * {@code FOLL_PIN}). A range past EOF fails whole with {@code -EFAULT}, also when a truncate
     * moved EOF while the GUP waited for a page lock.
     */
    static long gup(Kernel k, Task t, int hIdx, Op.Gup g) {
        Handle h = k.handles[hIdx];
        Inode f = k.files[g.file()];
        if (!t.started) {
            boolean pin = g.pin() && k.policy.tracksPins();
            h = k.handles[hIdx] = new Handle(hIdx, t.idx, g, pin);
            t.own(hIdx);
            t.started = true;
            t.cur = 0;
            int err = k.policy.admitGup(pin, Flags.write(g.flags()), Flags.longterm(g.flags()), !f.tmpfs);
            if (err == 0 && (g.page() + g.nr() - 1) * PAGE >= f.size) err = -Errno.EFAULT;
            if (err != 0) {
                h.done = h.failed = true;
                return err;
            }
        }
        byte[] row = k.mapping(t, g.file());
        for (; t.cur < g.nr(); t.cur++) {
            int page = g.page() + t.cur;
            if (page * PAGE >= f.size) {
                // A truncate ran while this GUP waited on a fault: the page is past EOF now.
                // The fault fails; give back what was taken so the handle is empty, as at the start.
                putPages(k, t, h, false, false, h.pinned);
                h.done = h.failed = true;
                return -Errno.EFAULT;
            }
            Folio x = k.findOrCreate(g.file(), page);
            if (Flags.write(g.flags())) {
                if ((row[page] & Task.PTE_WRITE) == 0 && FaultPath.writeFault(k, t, x, row) == Kernel.BLOCKED)
                    return Kernel.BLOCKED;
            } else {
                FaultPath.readFault(x, row);
            }
            grab(k, t, h, x);
            h.folios[t.cur] = x;
            h.taken = t.cur + 1;
        }
        h.done = true;
        return g.nr();
    }

    private static void grab(Kernel k, Task t, Handle h, Folio x) {
        if (h.pinned) {
            k.getRefs(t, x, Folio.GUP_PIN_COUNTING_BIAS);
            x.pins++;
            if (h.longtermPin) x.longtermPins++;
        } else {
            k.getRefs(t, x, 1);
            x.gupRefs++;
        }
    }

    /** The device writes through the handle: bytes change, nothing else does. */
    static long dma(Kernel k, Op.DmaWrite d, int stamp) {
        Handle h = k.handles[d.handle()];
        if (h == null || !h.live()) return 0; // GUP failed or has not run yet: no pages to write
        int end = d.off() + d.len();
        for (int i = d.off() / PAGE; i * PAGE < end; i++) FaultPath.copy(h.folios[i], i, d.off(), end, stamp);
        return d.len();
    }

    /**
     * A release call on a handle. {@code unpin_user_pages_dirty_lock(H, true)} locks only a page
     * that is not already dirty; the 2018 {@code set_page_dirty_lock} + {@code put_page} always
     * locks. The handle remembers how many pages it has given back.
     */
    static long release(Kernel k, Task t, Op.Release r) {
        Handle h = k.handles[r.handle()];
        if (h == null || !h.live()) return 0;
        boolean alwaysLock = !k.policy.tracksPins();
        boolean asPin = r.call().isUnpin() && k.policy.tracksPins();
        long res = putPages(k, t, h, r.dirty(), alwaysLock, asPin);
        if (res == 0) h.released = true;
        return res;
    }

    /** {@code set_page_dirty_lock()} on every page of a handle. */
    static long setPageDirtyLock(Kernel k, Task t, Op.SetPageDirtyLock s) {
        Handle h = k.handles[s.handle()];
        if (h == null || !h.live()) return 0;
        for (; t.cur < h.taken; t.cur++) {
            Folio x = h.folios[t.cur];
            if (!x.inCache) continue;
            if (!k.trylock(t, x)) return k.blockOnLock(t, x);
            k.setPageDirty(t, x);
            k.unlock(x);
        }
        return 0;
    }

    /**
     * Dirties (when asked) and drops the references of each page not yet given back.
     * {@code asPin}: drop a pin ({@code unpin_user_page}) rather than a reference ({@code put_page}).
     */
    static long putPages(Kernel k, Task t, Handle h, boolean dirty, boolean alwaysLock, boolean asPin) {
        for (; h.put < h.taken; h.put++) {
            Folio x = h.folios[h.put];
            if (dirty && x.inCache && (alwaysLock || !x.dirty)) {
                if (!k.trylock(t, x)) return k.blockOnLock(t, x);
                k.setPageDirty(t, x);
                k.unlock(x);
            }
            if (asPin) {
                x.pins--;
                if (h.longtermPin) x.longtermPins--;
                k.putRefs(t, x, Folio.GUP_PIN_COUNTING_BIAS);
            } else {
                x.gupRefs--;
                k.putRefs(t, x, 1);
            }
        }
        return 0;
    }

    /**
     * Exit: every live handle of the task is released, writable ones dirty (locking only a page
     * that is not already dirty); then the mappings go. {@code t.cur2} is the next of the
     * task's own handles (only those: thousands of tasks would make exits quadratic).
     */
    static long exit(Kernel k, Task t) {
        for (; t.cur2 < t.ownedCount; t.cur2++) {
            Handle h = k.handles[t.owned[t.cur2]];
            if (h == null || !h.live()) continue;
            if (putPages(k, t, h, h.writable(), false, h.pinned) == Kernel.BLOCKED) return Kernel.BLOCKED;
            h.released = true;
        }
        k.unmapTask(t);
        t.exited = true;
        return 0;
    }

}
