package dev.pinfuzz.bench;

import dev.pinfuzz.gen.Check;
import dev.pinfuzz.oracle.Judge;
import dev.pinfuzz.policy.Policies;
import dev.pinfuzz.policy.WritebackPolicy;

/** Time to the first finding of a cell in this JVM: (a) the property-based engine, (c) naive random programs. */
public final class InProcessHunts {
    private InProcessHunts() {}

    /** {@code Check.run} with this seed, to the shrunk finding (the time includes the shrinking). */
    public static Hit property(Cell c, long seed, int maxTries) {
        long t0 = System.nanoTime();
        Check.Result r = Check.run(c.policy(), seed, maxTries, c.verdict(), null);
        double ms = (System.nanoTime() - t0) / 1e6;
        if (r.found() == null) return Hit.capped(seed, maxTries);
        return new Hit(seed, ms, r.stats().nanos() / 1e6, r.found().tryIndex() + 1, r.found().program().size());
    }

    /** {@link NaiveGenerator} programs judged one after another until one shows the cell's verdict, or the cap. */
    public static Hit naive(Cell c, long seed, double capSeconds) {
        WritebackPolicy pol = Policies.get(c.policy());
        NaiveGenerator gen = new NaiveGenerator(c.policy(), seed);
        long t0 = System.nanoTime(), cap = (long) (capSeconds * 1e9);
        for (long i = 0; ; i++) {
            if ((i & 63) == 0 && System.nanoTime() - t0 > cap) return Hit.capped(seed, i);
            var p = gen.program(i);
            if (Judge.run(p, pol).has(c.verdict())) {
                double ms = (System.nanoTime() - t0) / 1e6;
                return new Hit(seed, ms, ms, i + 1, p.size());
            }
        }
    }
}
