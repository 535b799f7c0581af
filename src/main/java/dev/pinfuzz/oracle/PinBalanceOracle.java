package dev.pinfuzz.oracle;

import dev.pinfuzz.mm.Folio;
import dev.pinfuzz.mm.Kernel;
import dev.pinfuzz.program.Op;
import dev.pinfuzz.program.Program;
import dev.pinfuzz.program.Verdict;
import java.util.List;

/**
 * Pin-count balance (DESIGN §3): per page, refcount and pins never go negative and agree
 * ({@code refcount = structural + GUP refs + 1024·pins}, structural counted from the page
 * tables and buffers seen); every release matches its acquisition's kind; after the final exits
 * only what suspended tasks hold is still referenced.
 */
final class PinBalanceOracle {
    private final Timeline tl;
    private final Program p;
    private final Kernel k;
    private final boolean tracksPins;
    private final List<Finding> findings;
    private boolean reported;

    PinBalanceOracle(Timeline tl, Kernel k, List<Finding> findings) {
        this.tl = tl;
        this.p = tl.p;
        this.k = k;
        this.tracksPins = k.policy().tracksPins();
        this.findings = findings;
    }

    private boolean pinKind(int h) {
        return tracksPins && p.gupOf(h).pin();
    }

    /** A release must match the acquisition: {@code unpin_*} for FOLL_PIN, {@code put_page} for FOLL_GET. */
    void stepStarted(int i) {
        if (!(p.step(i).op() instanceof Op.Release r) || !tl.live(r.handle())) return;
        boolean pin = pinKind(r.handle());
        // Without FOLL_PIN (gup-2018) every release is put_page, and every handle FOLL_GET.
        boolean releasesPin = tracksPins && r.call().isUnpin();
        if (releasesPin == pin) return;
        findings.add(new Finding(Verdict.PIN_BALANCE, tl.describe(i) + " releases handle " + p.handles().get(r.handle())
                + " taken with " + (pin ? "FOLL_PIN" : "FOLL_GET") + " at line " + p.line(p.handleDefinition(r.handle()))
                + ": " + (pin ? "a FOLL_PIN page must be released with unpin_user_page*()" : "a FOLL_GET page must be released with put_page()")));
    }

    /** After every step: the counts agree on every live folio (without allocating: it runs per step). */
    void check(int step) {
        if (reported) return;
        for (int f = 0; f < k.fileCount(); f++)
            for (int pg = 0, n = k.cacheSpan(f); pg < n; pg++) {
                Folio x = k.cached(f, pg);
                if (x != null && !consistent(x)) report(step, x);
            }
        for (int i = 0; i < k.orphanCount(); i++) if (!consistent(k.orphan(i))) report(step, k.orphan(i));
    }

    /** The cheap per-step test; {@link #consistency} explains a failure and checks the page tables too. */
    private static boolean consistent(Folio x) {
        return x.pins() >= 0 && x.gupRefs() >= 0 && x.refcount() >= 0 && x.mapcount() >= 0
                && x.refcount() == (x.inCache() ? 1 : 0) + x.mapcount() + (x.buffers() ? 1 : 0) + x.gupRefs()
                        + Folio.GUP_PIN_COUNTING_BIAS * x.pins();
    }

    private void report(int step, Folio x) {
        if (reported) return;
        String bad = consistency(x);
        reported = true;
        findings.add(new Finding(Verdict.PIN_BALANCE, "after " + (step >= 0 ? tl.describe(step) : "an exit") + ": "
                + (bad != null ? bad : name(x) + " counts " + x.mapcount() + " mappings but " + mapped(x) + " PTEs map it")));
    }

    private int mapped(Folio x) {
        if (!x.inCache()) return 0;
        int n = 0;
        for (int t = 0; t < p.tasks().size(); t++) if (k.pte(t, x.file(), x.index()) != 0) n++;
        return n;
    }

    private int structural(Folio x) {
        return (x.inCache() ? 1 : 0) + mapped(x) + (x.buffers() ? 1 : 0);
    }

    /** Why the counts disagree, with the mappings counted from the page tables; null if they agree. */
    private String consistency(Folio x) {
        String page = name(x);
        if (x.pins() < 0) return page + " has pin count " + x.pins() + " (more unpins than pins)";
        if (x.gupRefs() < 0) return page + " has " + x.gupRefs() + " GUP references (more put_page than FOLL_GET)";
        if (x.refcount() < 0) return page + " has refcount " + x.refcount();
        int want = structural(x) + x.gupRefs() + Folio.GUP_PIN_COUNTING_BIAS * x.pins();
        if (x.refcount() != want)
            return page + " has refcount " + x.refcount() + " but structural " + structural(x) + " + GUP refs " + x.gupRefs()
                    + " + 1024 × pins " + x.pins() + " = " + want;
        return null;
    }

    /**
     * After the final exits: only the handles of still-suspended tasks may hold anything. Holds
     * are counted per file page over the cached folio and any orphans truncate left of it: which
     * of them a handle holds depends on when it was taken, not on the page's number.
     */
    void ended() {
        if (reported) return;
        int pages = 0;
        for (var f : p.files()) pages = Math.max(pages, f.pages());
        int[] extra = new int[p.files().size() * pages];
        int[] refs = new int[extra.length], pins = new int[extra.length];
        boolean[] seen = new boolean[extra.length];
        for (Folio x : k.folios()) {
            if (!consistent(x) || x.mapcount() != mapped(x)) {
                report(-1, x);
                return;
            }
            int key = x.file() * pages + x.index();
            extra[key] += x.refcount() - structural(x);
            refs[key] += x.refcount();
            pins[key] += x.pins();
            seen[key] = true;
        }
        for (int key = 0; key < extra.length; key++) {
            if (!seen[key]) continue;
            int file = key / pages, index = key % pages;
            int want = 0;
            boolean inFlux = false;
            for (int h = 0; h < p.handles().size(); h++) {
                Op.Gup g = p.gupOf(h);
                int def = p.handleDefinition(h);
                if (g.file() != file || index < g.page() || index >= g.page() + g.nr()) continue;
                if (tl.start(def) != Timeline.NEVER && !tl.returned(def) && !tl.killed(def)) inFlux = true;
                if (!tl.live(h) || !k.suspended(tl.owner(h))) continue;
                if (releaseInFlux(h)) inFlux = true;
                want += pinKind(h) ? Folio.GUP_PIN_COUNTING_BIAS : 1;
            }
            if (inFlux || extra[key] == want) continue;
            reported = true;
            String page = p.files().get(file).name() + "[" + index + "]";
            findings.add(new Finding(Verdict.PIN_BALANCE, "after the final exits " + page + " (with any truncated copies) has refcount "
                    + refs[key] + ", " + extra[key] + " above its structural references, but suspended tasks hold only " + want
                    + ": a leaked " + (pins[key] > 0 ? "pin" : "reference")));
            return;
        }
    }

    private boolean releaseInFlux(int h) {
        for (int i = 0; i < p.size(); i++)
            if (p.step(i).op() instanceof Op.Release r && r.handle() == h && tl.start(i) != Timeline.NEVER && !tl.returned(i))
                return true;
        return false;
    }

    private String name(Folio x) {
        return p.files().get(x.file()).name() + "[" + x.index() + "]" + (x.inCache() ? "" : " (truncated, orphaned)");
    }
}
