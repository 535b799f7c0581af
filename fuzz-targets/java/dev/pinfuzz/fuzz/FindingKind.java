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
    private FindingKind() {}

    static String of(List<Finding> findings) {
        StringBuilder sb = new StringBuilder();
        for (Finding f : findings) {
            if (sb.length() > 0) sb.append('+');
            sb.append(f.verdict().spelling());
            String last = "";
            // A char[]: String.charAt checks bounds and the string's coder at every position.
            char[] s = f.explanation().toCharArray();
            int i = 0;
            while (i < s.length) {
                String t;
                int call = callAt(s, i);
                if (call > i) {
                    t = new String(s, i, call - i);
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
    private static int callAt(char[] s, int i) {
        if (i > 0 && isWord(s[i - 1])) return -1;
        int j = i;
        while (j < s.length && (s[j] >= 'a' && s[j] <= 'z' || s[j] == '_')) j++;
        return j > i && j < s.length && s[j] == '(' ? j : -1;
    }

    /**
     * The keyword starting at {@code i}, or null: the words an explanation uses for what went wrong
     * (FindingKindTest holds the same list as the regular expression this scanner replaced).
     * Keywords may start inside a word, so this runs at every position; its first letter picks the
     * one or two candidates (no two keywords with the same first letter can both match), which made
     * naming a kind five times cheaper than trying every keyword at every position, and a
     * {@code switch} measured faster than a table by first letter.
     */
    private static String keywordAt(char[] s, int i) {
        return switch (s[i]) {
            case 'i' -> match(s, i, "initial zeros");
            case 'd' -> match(s, i, "deadlock");
            case 'l' -> match(s, i, "livelock") != null ? "livelock" : match(s, i, "leaked");
            case 'w' -> match(s, i, "waits for the release");
            case 'u' -> match(s, i, "underflow");
            case 'o' -> match(s, i, "overflow");
            case 'B' -> match(s, i, "BUG");
            case 'W' -> match(s, i, "WARNING");
            case 's' -> match(s, i, "suspended");
            case 'e' -> match(s, i, "exit");
            default -> null;
        };
    }

    private static String match(char[] s, int i, String keyword) {
        if (i + keyword.length() > s.length) return null;
        for (int k = 1; k < keyword.length(); k++) if (s[i + k] != keyword.charAt(k)) return null;
        return keyword;
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
