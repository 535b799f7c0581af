package dev.pinfuzz.run;

import dev.pinfuzz.mm.Folio;
import dev.pinfuzz.mm.Kernel;
import dev.pinfuzz.program.Program;
import java.util.LinkedHashMap;
import java.util.Map;

/** Page state in kernel terms, one line per live folio: what {@code --verbose} diffs. */
public final class PageStates {
    private PageStates() {}

    /** "f[0]" → "refcount=4 pins=0 gup_refs=1 PG_dirty buffers pte[A]=rw,dirty". */
    public static Map<String, String> snapshot(Program p, Kernel k) {
        Map<String, String> m = new LinkedHashMap<>();
        for (Folio x : k.folios()) m.put(name(p, x), describe(p, k, x));
        return m;
    }

    public static String name(Program p, Folio x) {
        return p.files().get(x.file()).name() + "[" + x.index() + "]" + (x.inCache() ? "" : "(orphan)");
    }

    public static String describe(Program p, Kernel k, Folio x) {
        StringBuilder sb = new StringBuilder();
        sb.append("refcount=").append(x.refcount()).append(" pins=").append(x.pins());
        if (x.gupRefs() != 0) sb.append(" gup_refs=").append(x.gupRefs());
        if (x.dirty()) sb.append(" PG_dirty");
        if (x.writeback()) sb.append(" PG_writeback");
        if (x.locked()) sb.append(" PG_locked(").append(p.tasks().get(x.lockOwner())).append(')');
        sb.append(x.buffers() ? " buffers" : " no-buffers");
        for (int t = 0; t < p.tasks().size(); t++) {
            int pte = x.inCache() ? k.pte(t, x.file(), x.index()) : 0;
            if (pte == 0) continue;
            sb.append(" pte[").append(p.tasks().get(t)).append("]=")
                    .append((pte & 2) != 0 ? "rw" : "ro").append((pte & 4) != 0 ? ",dirty" : "");
        }
        return sb.toString();
    }
}
