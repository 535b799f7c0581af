package dev.pinfuzz.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.pinfuzz.oracle.Judge;
import dev.pinfuzz.oracle.Outcome;
import dev.pinfuzz.policy.Policies;
import dev.pinfuzz.program.Program;
import dev.pinfuzz.program.TraceWriter;
import dev.pinfuzz.program.Verdict;
import dev.pinfuzz.run.Replay;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The canary matrix of DESIGN §3 as properties: each "found" cell is found and shrunk to at most
 * one step more than its known minimum; each "clean" cell survives {@value #CLEAN_TRIES} programs.
 */
final class CanaryMatrixTest {
    private static final int FOUND_TRIES = 20_000;
    private static final int CLEAN_TRIES = 3000;
    private static final long SEED = 1;
    private static final List<Verdict> JUDGED = List.of(Verdict.DURABILITY, Verdict.LIVENESS, Verdict.PIN_BALANCE, Verdict.KERNEL_BUG);

    /**
     * Clean cells where the model or an oracle disagrees with DESIGN.md today; minimal traces in
     * src/test/resources/known-model-bugs. A violation there is reported as skipped, not failed.
     * Remove an entry once its bug is fixed.
     */
    static final Map<String, String> KNOWN_MODEL_BUGS = Map.of(
            "wait-on-pin/durability", "known-model-bugs c (write blocked on a page lock lands at its first start), d, e, f",
            "wait-on-pin/pin-balance", "known-model-bugs b (a suspended task's pin charged to the page that replaced its truncated page)",
            "bounce-pinned/durability", "known-model-bugs d (DMA into a truncated pinned page acknowledged), e, f (truncate/size bookkeeping)",
            "refuse-longterm/durability", "known-model-bugs d, e, f (truncate and i_size bookkeeping in DurabilityOracle)",
            "fail-fsync/durability", "known-model-bugs d, e, f (truncate and i_size bookkeeping in DurabilityOracle)");

    @TestFactory
    Stream<DynamicTest> everyFoundCellIsFoundAndShrunkToAtMostOneStepMoreThanItsMinimum() {
        return CanaryCell.FOUND.stream().map(c -> dynamicTest(
                c.policy() + " " + c.verdict().spelling() + " is found and shrunk to at most " + (c.minimum() + 1) + " steps", () -> {
                    Check.Result r = Check.run(c.policy(), SEED, FOUND_TRIES, c.verdict(), null);
                    assertNotNull(r.found(), () -> "the canary " + c.policy() + " must show " + c.verdict().spelling() + " (e.g. "
                            + c.witness() + ") within " + FOUND_TRIES + " programs: the harness is blind to it");
                    Program p = r.found().program();
                    String text = TraceWriter.print(p);
                    assertTrue(p.size() <= c.minimum() + 1, () -> "shrunk to " + p.size() + " steps, but " + c.witness()
                            + " takes " + c.minimum() + ":\n" + text);
                    Replay.Result again = Replay.bytes("shrunk", text.getBytes(StandardCharsets.UTF_8), null, null);
                    assertTrue(again.matches(), () -> "the printed counterexample does not replay to its expect line:\n" + text + again.report());
                }));
    }

    @TestFactory
    Stream<DynamicTest> everyCleanCellSurvivesThreeThousandPrograms() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String policy : Policies.names()) {
            Map<Verdict, Program> first = firstViolations(policy);
            for (Verdict v : JUDGED) {
                if (CanaryCell.FOUND.stream().anyMatch(c -> c.policy().equals(policy) && c.verdict() == v)) continue;
                tests.add(dynamicTest(policy + " never reports " + v.spelling(), () -> clean(policy, v, first.get(v))));
            }
        }
        return tests.stream();
    }

    private static Map<Verdict, Program> firstViolations(String policy) {
        Map<Verdict, Program> first = new EnumMap<>(Verdict.class);
        Generator g = new Generator(policy, SEED);
        for (int i = 0; i < CLEAN_TRIES; i++) {
            Program p = g.program(i);
            for (Verdict v : Judge.run(p, Policies.get(policy)).verdicts()) first.putIfAbsent(v, p);
        }
        return first;
    }

    private static void clean(String policy, Verdict v, Program violating) {
        if (violating == null) return;
        Program s = Shrinker.shrink(violating, c -> Judge.run(c, Policies.get(policy)).has(v));
        Outcome o = Judge.run(s, Policies.get(policy));
        StringBuilder why = new StringBuilder(TraceWriter.print(s.withExpect(o.verdicts())));
        o.firstOfEach().forEach(f -> why.append("# ").append(f.verdict().spelling()).append(": ").append(f.explanation()).append('\n'));
        String known = KNOWN_MODEL_BUGS.get(policy + "/" + v.spelling());
        Assumptions.assumeTrue(known == null, () -> "known model bug, " + known + ":\n" + why);
        fail(policy + " must never report " + v.spelling() + " on a well-formed program, but this one does:\n" + why);
    }

    @TestFactory
    Stream<DynamicTest> theKnownMinimalCounterexamplesReplayToTheirVerdicts() {
        Map<String, String> minimal = Map.of(
                "skip-pinned", "file f pages=1\nA: write(f, 0, 1)\nA: p = pin_user_pages(f, 0, 1, FOLL_WRITE|FOLL_LONGTERM)\nA: fsync(f)\nexpect durability\n",
                "wait-on-pin", "file f pages=1\nA: p = pin_user_pages(f, 0, 1, FOLL_WRITE|FOLL_LONGTERM)\nA: fsync(f)\nexpect liveness\n",
                "gup-2018", "file f pages=1\nA: p = get_user_pages(f, 0, 1, FOLL_WRITE|FOLL_LONGTERM)\nA: writeback(f)\n"
                        + "dev: dma_write(p, 0, 1)\nA: fsync(f)\nexpect durability\n",
                "gup-2018 kernel-bug", "file f pages=1\nA: p = get_user_pages(f, 0, 1, FOLL_WRITE)\nA: writeback(f)\nA: reclaim()\nexpect kernel-bug\n");
        return minimal.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(e -> dynamicTest(
                e.getKey() + ": the known minimal counterexample replays to its verdict", () -> {
                    String policy = e.getKey().split(" ")[0];
                    Replay.Result r = Replay.bytes(e.getKey(), ("policy " + policy + "\n" + e.getValue()).getBytes(StandardCharsets.UTF_8), null, null);
                    assertEquals(r.expected(), r.outcome().verdicts(), r::report);
                }));
    }
}
