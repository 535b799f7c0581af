package dev.pinfuzz.gen;

import dev.pinfuzz.program.Verdict;
import java.util.List;

/** A "found" cell of the canary matrix (DESIGN §3) with the size of its smallest known counterexample. */
record CanaryCell(String policy, Verdict verdict, int minimum, String witness) {
    /** Known minimums, in steps (header lines not counted), each with its shortest program. */
    static final List<CanaryCell> FOUND = List.of(
            new CanaryCell("skip-pinned", Verdict.DURABILITY, 3, "write; pin FOLL_WRITE|FOLL_LONGTERM; fsync"),
            new CanaryCell("wait-on-pin", Verdict.LIVENESS, 2, "pin FOLL_WRITE|FOLL_LONGTERM; fsync"),
            new CanaryCell("gup-2018", Verdict.DURABILITY, 4, "get FOLL_WRITE|FOLL_LONGTERM; writeback; dma_write; fsync"),
            new CanaryCell("gup-2018", Verdict.KERNEL_BUG, 3, "get FOLL_WRITE; writeback; reclaim; exit dirties a buffer-less page"));
}
