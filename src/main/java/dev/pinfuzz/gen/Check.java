package dev.pinfuzz.gen;

import dev.pinfuzz.oracle.Judge;
import dev.pinfuzz.oracle.Outcome;
import dev.pinfuzz.policy.Policies;
import dev.pinfuzz.policy.WritebackPolicy;
import dev.pinfuzz.program.Program;
import dev.pinfuzz.program.Verdict;
import java.util.function.LongConsumer;

/**
 * The property-based run behind {@code pinfuzz check}: up to N generated programs under one
 * policy, stopping at the first that violates (the given verdict, or any); that one is shrunk
 * for the verdict it showed first.
 */
public final class Check {
    /** The shrunk counterexample: {@code program} carries its policy and its full expect set. */
    public record Found(long tryIndex, Program original, Program program, Verdict verdict, int shrinkRuns, Outcome outcome) {}

    /** {@code found} is null when every try was clean. */
    public record Result(long seed, int tries, Found found, CheckStats stats) {}

    private Check() {}

    /**
     * @param target the verdict to look for, or null for any violation
     * @param progress told the number of tries done, now and then (may be null)
     */
    public static Result run(String policy, long seed, int tries, Verdict target, LongConsumer progress) {
        WritebackPolicy pol = Policies.get(policy);
        Generator gen = new Generator(policy, seed);
        CheckStats stats = new CheckStats();
        long t0 = System.nanoTime();
        int every = Math.max(1, tries / 200);
        for (int i = 0; i < tries; i++) {
            Program p = gen.program(i);
            Outcome o = Judge.run(p, pol);
            stats.count(p, o.verdicts());
            if (progress != null && i % every == 0) progress.accept(i);
            Verdict v = target != null ? (o.has(target) ? target : null) : o.ok() ? null : o.verdicts().iterator().next();
            if (v == null) continue;
            stats.elapsed(System.nanoTime() - t0);
            Shrinker.Result s = Shrinker.run(p, c -> Judge.run(c, pol).has(v));
            Outcome so = Judge.run(s.program(), pol);
            Program shrunk = s.program().withExpect(so.verdicts());
            return new Result(seed, tries, new Found(i, p, shrunk, v, s.runs(), so), stats);
        }
        stats.elapsed(System.nanoTime() - t0);
        return new Result(seed, tries, null, stats);
    }
}
