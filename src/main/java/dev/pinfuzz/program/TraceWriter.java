package dev.pinfuzz.program;

import java.util.Set;

/** The canonical text form of a program (trace format v1). */
public final class TraceWriter {
    private TraceWriter() {}

    public static String print(Program p) {
        StringBuilder sb = new StringBuilder(64 + 40 * p.size());
        if (p.policy() != null) sb.append("policy ").append(p.policy()).append('\n');
        for (FileDecl f : p.files()) {
            sb.append("file ").append(f.name()).append(" pages=").append(f.pages());
            if (f.fs() != Fs.EXT4) sb.append(" fs=").append(f.fs().spelling());
            sb.append('\n');
        }
        for (int i = 0; i < p.size(); i++) sb.append(step(p, i)).append('\n');
        if (p.expect() != null) sb.append("expect ").append(verdicts(p.expect())).append('\n');
        return sb.toString();
    }

    /** {@code ok} for an empty set, else the names joined by commas in report order. */
    public static String verdicts(Set<Verdict> vs) {
        if (vs.isEmpty()) return Verdict.OK.spelling();
        StringBuilder sb = new StringBuilder();
        for (Verdict v : vs) {
            if (v == Verdict.OK) continue;
            if (sb.length() > 0) sb.append(',');
            sb.append(v.spelling());
        }
        return sb.length() == 0 ? Verdict.OK.spelling() : sb.toString();
    }

    /** One step in canonical form, with its task prefix (none for {@code crash()}). */
    public static String step(Program p, int i) {
        Step s = p.step(i);
        StringBuilder sb = new StringBuilder(40);
        if (s.task() >= 0) sb.append(p.tasks().get(s.task())).append(": ");
        if (s.handle() >= 0) sb.append(p.handles().get(s.handle())).append(" = ");
        sb.append(s.call().spelling()).append('(');
        Op op = s.op();
        if (op instanceof Op.Write w) {
            args(sb, file(p, w.file()), w.off(), w.len());
        } else if (op instanceof Op.Store st) {
            args(sb, file(p, st.file()), st.off(), st.len());
        } else if (op instanceof Op.Gup g) {
            args(sb, file(p, g.file()), g.page(), g.nr());
            sb.append(", ").append(Flags.format(g.flags()));
        } else if (op instanceof Op.DmaWrite d) {
            args(sb, p.handles().get(d.handle()), d.off(), d.len());
        } else if (op instanceof Op.Release r) {
            sb.append(p.handles().get(r.handle()));
            if (r.call() == Call.UNPIN_USER_PAGES_DIRTY_LOCK) sb.append(", ").append(r.dirty());
        } else if (op instanceof Op.SetPageDirtyLock d) {
            sb.append(p.handles().get(d.handle()));
        } else if (op instanceof Op.Sync y) {
            if (y.file() >= 0) sb.append(file(p, y.file()));
        } else if (op instanceof Op.Truncate t) {
            sb.append(file(p, t.file())).append(", ").append(t.size());
        }
        return sb.append(')').toString();
    }

    private static String file(Program p, int f) {
        return p.files().get(f).name();
    }

    private static void args(StringBuilder sb, String name, int a, int b) {
        sb.append(name).append(", ").append(a).append(", ").append(b);
    }
}
