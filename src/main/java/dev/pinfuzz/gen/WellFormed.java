package dev.pinfuzz.gen;

import dev.pinfuzz.policy.Policies;
import dev.pinfuzz.program.Call;
import dev.pinfuzz.program.Flags;
import dev.pinfuzz.program.Op;
import dev.pinfuzz.program.Program;
import dev.pinfuzz.program.Step;

/**
 * DESIGN §3 "Well-formed", beyond what the parser checks: the GUP API of the policy's era, and
 * a device-written handle released dirty. Also: only a {@code FOLL_WRITE} handle is dirtied
 * (a page read-faulted for a read-only GUP has no buffers; dirtying it is the caller's bug).
 * The canary matrix is stated over such programs; the shrinker keeps to them.
 */
public final class WellFormed {
    private WellFormed() {}

    /** Null when well-formed under {@code policy}, else what is wrong and where. */
    public static String violation(Program p, String policy) {
        boolean pinApi = Policies.get(policy).tracksPins();
        boolean[] dmaDirty = new boolean[p.handles().size()];
        for (int i = 0; i < p.size(); i++) {
            Step s = p.step(i);
            Op op = s.op();
            Call c = op.call();
            String at = "line " + p.line(i) + ": ";
            if (pinApi && (c == Call.GET_USER_PAGES || c == Call.PUT_PAGE || c == Call.SET_PAGE_DIRTY_LOCK))
                return at + c.spelling() + " under " + policy + ", which tracks FOLL_PIN: use pin_user_pages/unpin_*";
            if (!pinApi && (c == Call.PIN_USER_PAGES || c.isUnpin()))
                return at + c.spelling() + " under " + policy + ": the 2018 API is get_user_pages/set_page_dirty_lock/put_page";
            if (op instanceof Op.DmaWrite d) {
                dmaDirty[d.handle()] = true;
            } else if (op instanceof Op.SetPageDirtyLock d) {
                if (!Flags.write(p.gupOf(d.handle()).flags())) return at + "set_page_dirty_lock on a handle taken without FOLL_WRITE";
                dmaDirty[d.handle()] = false;
            } else if (op instanceof Op.Release r) {
                if (r.dirty() && !Flags.write(p.gupOf(r.handle()).flags()))
                    return at + "dirty release of a handle taken without FOLL_WRITE";
                if (!r.dirty() && dmaDirty[r.handle()])
                    return at + "handle " + p.handles().get(r.handle()) + " written by dma_write is released without dirtying it";
            }
        }
        return null;
    }
}
