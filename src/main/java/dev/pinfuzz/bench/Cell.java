package dev.pinfuzz.bench;

import dev.pinfuzz.program.Verdict;
import java.util.List;

/** A "found" cell of the canary matrix (DESIGN §3) and the length of its shortest known counterexample. */
public record Cell(String policy, Verdict verdict, int minimum) {
    /** The four cells, in report order; minimums in steps, header lines not counted. */
    public static final List<Cell> ALL = List.of(
            new Cell("gup-2018", Verdict.DURABILITY, 4),
            new Cell("gup-2018", Verdict.KERNEL_BUG, 3),
            new Cell("wait-on-pin", Verdict.LIVENESS, 2),
            new Cell("skip-pinned", Verdict.DURABILITY, 3));

    public String name() {
        return policy + " " + verdict.spelling();
    }
}
