package dev.pinfuzz.importer;

import dev.pinfuzz.importer.Draft.Kind;
import dev.pinfuzz.program.Flags;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * Keeps at most {@code max} steps of a long program. A handle's steps (its GUP, DMAs, release)
 * are kept or dropped together, so the result keeps DESIGN §4's rules. Priority: every
 * {@code exit()}, every long-term pin, then the steps within {@link #CONTEXT} of each pinning
 * call in log order (what writes, syncs and other pins surround it), then the rest in order.
 */
final class Capper {
    /** Steps kept on either side of a pinning call. */
    static final int CONTEXT = 4;

    /** What was kept, and a line for the output saying so. */
    record Cut(boolean[] kept, int steps, String summary) {}

    private final List<Draft> drafts;
    private final ToIntFunction<Draft> cost;
    private final Map<Integer, List<Integer>> groups = new LinkedHashMap<>();
    private final boolean[] kept;
    private int steps;
    private final int max;

    private Capper(List<Draft> drafts, ToIntFunction<Draft> cost, int max) {
        this.drafts = drafts;
        this.cost = cost;
        this.max = max;
        this.kept = new boolean[drafts.size()];
        for (int i = 0; i < drafts.size(); i++) {
            int h = drafts.get(i).handle();
            if (h >= 0) groups.computeIfAbsent(h, k -> new ArrayList<>()).add(i);
        }
    }

    static Cut cap(List<Draft> drafts, ToIntFunction<Draft> cost, int max) {
        Capper c = new Capper(drafts, cost, max);
        int total = 0;
        for (Draft d : drafts) total += cost.applyAsInt(d);
        if (total <= max) {
            java.util.Arrays.fill(c.kept, true);
            return new Cut(c.kept, total, null);
        }
        for (int i = 0; i < drafts.size(); i++) if (drafts.get(i).kind() == Kind.EXIT) c.add(i);
        for (int i = 0; i < drafts.size(); i++) {
            Draft d = drafts.get(i);
            if (d.kind().gup() && Flags.longterm(d.flags())) c.add(i);
        }
        int pins = 0;
        int windows = 0;
        int lastLine = 0;
        for (int i = 0; i < drafts.size(); i++) {
            if (!drafts.get(i).kind().gup()) continue;
            pins++;
            if (!c.window(i)) break;
            windows++;
            lastLine = line(drafts.get(i));
        }
        for (int i = 0; i < drafts.size(); i++) c.add(i);
        String summary = "capped at " + max + " steps: kept " + c.steps + " of " + total + " (every exit() and long-term pin, then "
                + CONTEXT + " steps around each pinning call in log order: " + windows + " of " + pins
                + (lastLine > 0 ? ", the last at L" + lastLine : "") + ", then what else fits)";
        return new Cut(c.kept, c.steps, summary);
    }

    /** The steps around pinning call {@code i}; false once the budget is spent. */
    private boolean window(int i) {
        List<Integer> g = groups.getOrDefault(drafts.get(i).handle(), List.of(i));
        int from = Math.max(0, g.get(0) - CONTEXT);
        int to = Math.min(drafts.size() - 1, g.get(g.size() - 1) + CONTEXT);
        if (!add(i)) return false;
        for (int k = from; k <= to; k++) add(k);
        return true;
    }

    /** Keeps draft {@code i} with its whole handle group if it fits. */
    private boolean add(int i) {
        if (kept[i]) return true;
        int h = drafts.get(i).handle();
        List<Integer> unit = h >= 0 ? groups.get(h) : List.of(i);
        int c = 0;
        for (int k : unit) if (!kept[k]) c += cost.applyAsInt(drafts.get(k));
        if (steps + c > max) return false;
        for (int k : unit) kept[k] = true;
        steps += c;
        return true;
    }

    private static int line(Draft d) {
        String c = d.comment();
        if (c == null || !c.startsWith("L")) return 0;
        int k = 1;
        while (k < c.length() && Character.isDigit(c.charAt(k))) k++;
        return k > 1 ? Integer.parseInt(c.substring(1, k)) : 0;
    }

    /** Drops exit() of tasks with nothing else kept (an exit alone says nothing). */
    static void dropLoneExits(List<Draft> drafts, boolean[] kept) {
        Set<String> busy = new HashSet<>();
        for (int i = 0; i < drafts.size(); i++) if (kept[i] && drafts.get(i).kind() != Kind.EXIT) busy.add(drafts.get(i).task());
        for (int i = 0; i < drafts.size(); i++) if (kept[i] && drafts.get(i).kind() == Kind.EXIT && !busy.contains(drafts.get(i).task())) kept[i] = false;
    }
}
