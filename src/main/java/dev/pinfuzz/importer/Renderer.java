package dev.pinfuzz.importer;

import dev.pinfuzz.program.Flags;
import dev.pinfuzz.program.Fs;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the kept drafts as trace format v1: the header comments, {@code policy} and
 * {@code file} lines, one line per step with the log line it came from as a comment.
 */
final class Renderer {
    private final Layout layout;
    private final StringBuilder body = new StringBuilder();
    private final Map<Integer, String> handleNames = new HashMap<>();
    private final Map<Integer, Long> handleBytes = new HashMap<>();
    /** Step index (in the program) of each draft's first step, -1 when it produced none. */
    final int[] stepOf;
    int steps;

    Renderer(Layout layout, int drafts) {
        this.layout = layout;
        this.stepOf = new int[drafts];
        java.util.Arrays.fill(stepOf, -1);
    }

    /** Renders draft number {@code index}. */
    void draft(int index, Draft d) {
        for (String c : d.before()) body.append("# ").append(c).append('\n');
        String who = d.task() + ": ";
        switch (d.kind()) {
            case WRITE, STORE -> {
                String call = d.kind() == Draft.Kind.WRITE ? "write" : "store";
                for (Layout.Range r : layout.ranges(d.file(), d.off(), d.len()))
                    if (r.len() > 0) step(index, who + call + "(" + file(d) + ", " + r.off() + ", " + r.len() + ")", d);
            }
            case PIN, GET -> {
                int[] pn = layout.pages(d.file(), d.off(), d.len());
                String h = "h" + (handleNames.size() + 1);
                handleNames.put(d.handle(), h);
                handleBytes.put(d.handle(), pn[1] * Layout.PAGE);
                String call = d.kind() == Draft.Kind.PIN ? "pin_user_pages" : "get_user_pages";
                step(index, who + h + " = " + call + "(" + file(d) + ", " + pn[0] + ", " + pn[1] + ", " + Flags.format(d.flags()) + ")", d);
            }
            case DMA -> {
                long bytes = handleBytes.get(d.handle());
                long len = Math.min(d.len(), bytes - d.off());
                if (len > 0) step(index, who + "dma_write(" + handleNames.get(d.handle()) + ", " + d.off() + ", " + len + ")", d);
            }
            case UNPIN -> step(index, who + "unpin_user_pages(" + handleNames.get(d.handle()) + ")", d);
            case UNPIN_DIRTY -> step(index, who + "unpin_user_pages_dirty_lock(" + handleNames.get(d.handle()) + ", true)", d);
            case PUT_PAGE -> step(index, who + "put_page(" + handleNames.get(d.handle()) + ")", d);
            case FSYNC -> step(index, who + "fsync(" + file(d) + ")", d);
            case FDATASYNC -> step(index, who + "fdatasync(" + file(d) + ")", d);
            case MSYNC -> step(index, who + "msync(" + file(d) + ")", d);
            case SYNC_FILE_RANGE -> step(index, who + "sync_file_range(" + file(d) + ")", d);
            case SYNC -> step(index, who + "sync()", d);
            case TRUNCATE -> {
                if (!layout.decl(d.file()).folded() || d.off() == 0)
                    step(index, who + "truncate(" + file(d) + ", " + d.off() + ")", d);
                else
                    body.append("# ").append(d.comment()).append(": truncate to ").append(d.off())
                            .append(" not representable in the folded ").append(file(d)).append('\n');
            }
            case EXIT -> step(index, who + "exit()", d);
        }
    }

    private String file(Draft d) {
        return layout.decl(d.file()).name();
    }

    private void step(int index, String text, Draft d) {
        if (stepOf[index] < 0) stepOf[index] = steps;
        steps++;
        body.append(text);
        if (d.comment() != null) body.append("  # ").append(d.comment());
        body.append('\n');
    }

    void trailing(List<String> comments) {
        for (String c : comments) body.append("# ").append(c).append('\n');
    }

    /** The whole trace: header comments, policy, file lines, steps. */
    String text(List<String> header, String policy) {
        StringBuilder sb = new StringBuilder();
        for (String h : header) sb.append("# ").append(h).append('\n');
        sb.append("policy ").append(policy).append('\n');
        List<Layout.Decl> ds = new ArrayList<>(layout.decls.values());
        if (ds.isEmpty()) sb.append("file unused pages=1  # nothing in the log maps to a file of the model\n");
        for (Layout.Decl d : ds) {
            sb.append("file ").append(d.name()).append(" pages=").append(d.pages());
            if (d.ref().fs == Fs.TMPFS) sb.append(" fs=tmpfs");
            sb.append("  # ").append(describe(d)).append('\n');
        }
        return sb.append(body).toString();
    }

    private static String describe(Layout.Decl d) {
        FileRef f = d.ref();
        String what = f.path != null ? f.path : f.what;
        if (d.folded()) what += ", " + f.extent + " bytes folded into " + Layout.MAX + " pages (offsets modulo " + Layout.WINDOW + ")";
        return Text.compact(what, 160);
    }
}
