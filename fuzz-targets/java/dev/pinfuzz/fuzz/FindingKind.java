package dev.pinfuzz.fuzz;

import dev.pinfuzz.oracle.Finding;
import java.util.List;

/**
 * A cheap kind for a run's findings, from the shape of their explanations: each verdict with the
 * calls and the few keywords its explanation names, in order ({@code durability.fsync.zeros.dma_write}
 * for a pinned page's lie, {@code durability.fsync.truncate.truncate} for truncate bookkeeping).
 *
 * <p>Why: Jazzer keeps one input per crash signature (the stack trace) and ignores the rest. With
 * one signature per verdict, the first durability input of a run (perhaps a model bug that is easy
 * to hit) would hide every other kind of durability finding for the whole run. The kind becomes
 * a synthetic top stack frame, so each kind gets its own input; nightly then shrinks them all.
 */
final class FindingKind {
    /** Words an explanation uses for what went wrong, tried in this order where no call starts. */
    private static final String[] KEYWORDS = {"initial zeros", "deadlock", "livelock", "waits for the release", "leaked",
            "underflow", "overflow", "BUG", "WARNING", "suspended", "exit"};

    /** The first letters of {@link #KEYWORDS}. */
    private static final String KEY_START = "idlwuoBWse";

    private FindingKind() {}

    static String of(List<Finding> findings) {
        StringBuilder sb = new StringBuilder();
        for (Finding f : findings) {
            if (sb.length() > 0) sb.append('+');
            sb.append(f.verdict().spelling());
            String last = "";
            String s = f.explanation();
            int i = 0;
            while (i < s.length()) {
                String t;
                int call = callAt(s, i);
                if (call > i) {
                    t = s.substring(i, call);
                    i = call + 1;
                } else {
                    String kw = keywordAt(s, i);
                    if (kw == null) {
                        i++;
                        continue;
                    }
                    t = kw;
                    i += kw.length();
                }
                t = normal(t);
                if (t.equals(last)) continue;
                sb.append('.').append(t);
                last = t;
            }
        }
        return sb.toString();
    }

    /**
     * Where the '(' of a call named at {@code i} stands, or -1: a name of {@code [a-z_]} at a word
     * boundary followed by '(' ({@code \b([a-z_]+)\(} over ASCII text, scanned by hand because a
     * regex costs several microseconds per finding and canary policies find something in most
     * inputs).
     */
    private static int callAt(String s, int i) {
        if (i > 0 && isWord(s.charAt(i - 1))) return -1;
        int j = i;
        while (j < s.length() && (s.charAt(j) >= 'a' && s.charAt(j) <= 'z' || s.charAt(j) == '_')) j++;
        return j > i && j < s.length() && s.charAt(j) == '(' ? j : -1;
    }

    private static String keywordAt(String s, int i) {
        if (KEY_START.indexOf(s.charAt(i)) < 0) return null; // most positions: no keyword starts here
        for (String kw : KEYWORDS) if (s.startsWith(kw, i)) return kw;
        return null;
    }

    /**
     * A word character as {@code \b} sees one in an explanation. Explanations name calls, files,
     * handles and tasks of decoded programs, all ASCII, so ASCII is enough.
     */
    private static boolean isWord(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }

    /** Sync and release calls that differ only in name count as one, so kinds stay few. */
    private static String normal(String t) {
        return switch (t) {
            case "fsync", "fdatasync", "msync", "sync" -> "sync";
            case "unpin_user_pages", "unpin_user_pages_dirty_lock", "put_user_page", "put_user_pages_dirty_lock", "put_page" -> "release";
            default -> t.replace(' ', '_');
        };
    }

    /** {@code e} with a first stack frame naming {@code kind}, which is what Jazzer's signature hashes. */
    static <T extends Throwable> T mark(T e, String kind) {
        StackTraceElement[] st = e.getStackTrace();
        StackTraceElement[] marked = new StackTraceElement[st.length + 1];
        marked[0] = new StackTraceElement("dev.pinfuzz.fuzz.FindingKind", kind, "FindingKind.java", 0);
        System.arraycopy(st, 0, marked, 1, st.length);
        e.setStackTrace(marked);
        return e;
    }
}
