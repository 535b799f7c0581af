package dev.pinfuzz.fuzz;

import dev.pinfuzz.oracle.Finding;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    private static final Pattern TOKEN = Pattern.compile(
            "\\b([a-z_]+)\\(|(initial zeros|deadlock|livelock|waits for the release|leaked|underflow|overflow|BUG|WARNING|suspended|exit)");

    private FindingKind() {}

    static String of(List<Finding> findings) {
        StringBuilder sb = new StringBuilder();
        for (Finding f : findings) {
            if (sb.length() > 0) sb.append('+');
            sb.append(f.verdict().spelling());
            String last = "";
            Matcher m = TOKEN.matcher(f.explanation());
            while (m.find()) {
                String t = normal(m.group(1) != null ? m.group(1) : m.group(2));
                if (t.equals(last)) continue;
                sb.append('.').append(t);
                last = t;
            }
        }
        return sb.toString();
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
