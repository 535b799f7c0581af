package dev.pinfuzz.program;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A program: header ({@code policy}, {@code file} lines), steps, and an optional
 * {@code expect} set. Names of tasks and handles are tables indexed by the steps, in order of
 * first appearance. Source line numbers are kept for messages but are not part of equality,
 * so {@code parse(print(p)).equals(p)}.
 */
public final class Program {
    private final String policy;
    private final List<FileDecl> files;
    private final List<String> tasks;
    private final List<String> handles;
    private final List<Step> steps;
    private final Set<Verdict> expect;
    private final int[] lines;
    private final int[] handleDef;

    /**
     * @param policy policy name or null
     * @param expect expected verdicts or null when the program has no expect line
     * @param lines source line of each step, or null for canonical numbering
     */
    public Program(String policy, List<FileDecl> files, List<String> tasks, List<String> handles,
                   List<Step> steps, Set<Verdict> expect, int[] lines) {
        this.policy = policy;
        this.files = List.copyOf(files);
        this.tasks = List.copyOf(tasks);
        this.handles = List.copyOf(handles);
        this.steps = List.copyOf(steps);
        // "ok" is the empty set of findings: {ok} and {} are the same expectation.
        EnumSet<Verdict> e = EnumSet.noneOf(Verdict.class);
        if (expect != null) e.addAll(expect);
        e.remove(Verdict.OK);
        this.expect = expect == null ? null : Collections.unmodifiableSet(e);
        if (lines == null) {
            lines = new int[this.steps.size()];
            int header = (policy == null ? 0 : 1) + this.files.size();
            for (int i = 0; i < lines.length; i++) lines[i] = header + i + 1;
        } else if (lines.length != this.steps.size()) {
            throw new IllegalArgumentException("one line number per step");
        }
        this.lines = lines;
        this.handleDef = new int[this.handles.size()];
        Arrays.fill(handleDef, -1);
        for (int i = 0; i < this.steps.size(); i++) {
            int h = this.steps.get(i).handle();
            if (h >= 0) handleDef[h] = i;
        }
    }

    public String policy() { return policy; }
    public List<FileDecl> files() { return files; }
    public List<String> tasks() { return tasks; }
    public List<String> handles() { return handles; }
    public List<Step> steps() { return steps; }
    /** Expected verdicts, or null when the program has no {@code expect} line. */
    public Set<Verdict> expect() { return expect; }

    public int size() { return steps.size(); }
    public Step step(int i) { return steps.get(i); }

    /** Source line of step {@code i} (canonical numbering for generated programs). */
    public int line(int i) { return lines[i]; }

    /** Index of the step that defines handle {@code h}. */
    public int handleDefinition(int h) { return handleDef[h]; }

    /** The GUP call that defines handle {@code h}. */
    public Op.Gup gupOf(int h) { return (Op.Gup) steps.get(handleDef[h]).op(); }

    /** The same program under another policy name (null for none). */
    public Program withPolicy(String p) {
        return new Program(p, files, tasks, handles, steps, expect, null);
    }

    /** The same program with another expect set (null for none). */
    public Program withExpect(Set<Verdict> e) {
        return new Program(policy, files, tasks, handles, steps, e, null);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Program p)) return false;
        return Objects.equals(policy, p.policy) && files.equals(p.files) && tasks.equals(p.tasks)
                && handles.equals(p.handles) && steps.equals(p.steps) && Objects.equals(expect, p.expect);
    }

    @Override
    public int hashCode() {
        return Objects.hash(policy, files, tasks, handles, steps, expect);
    }

    @Override
    public String toString() {
        return TraceWriter.print(this);
    }
}
