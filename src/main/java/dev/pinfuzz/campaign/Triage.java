package dev.pinfuzz.campaign;

import dev.pinfuzz.gen.ProgramDecoder;
import dev.pinfuzz.gen.Shrinker;
import dev.pinfuzz.oracle.Judge;
import dev.pinfuzz.oracle.Outcome;
import dev.pinfuzz.policy.Policies;
import dev.pinfuzz.policy.WritebackPolicy;
import dev.pinfuzz.program.Program;
import dev.pinfuzz.program.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Crashing fuzzer inputs to findings: decode under the policy, replay, and for each verdict
 * shrink to the smallest program that still shows it; findings with the same signature (verdict,
 * policy, shrunk text) are kept once. An input that does not replay to a verdict (a model
 * exception, a timeout, a verdict that went away) is an {@link Error}: never dropped silently.
 */
public final class Triage {
    /**
     * An input that crashed the fuzzer but is no oracle finding: the model threw (a harness bug,
     * {@code modelError}), or the input does not replay to a verdict (a timeout, say).
     */
    public record Error(String policy, Path input, double seconds, String message, boolean modelError) {}

    private final Map<String, CampaignFinding> findings = new LinkedHashMap<>();
    private final List<Error> errors = new ArrayList<>();

    /** Triage one crashing input of {@code policy}'s fuzzer, found at {@code seconds}. */
    public void add(String policy, Path input, double seconds, String fuzzerMessage) {
        add(policy, input, seconds, fuzzerMessage, EnumSet.allOf(Verdict.class), CampaignFinding.JAZZER);
    }

    /**
     * The same for any engine's input, keeping only the verdicts of {@code keep} (the property
     * sweep keeps the clean cells it hunted, never a canary's expected verdict).
     */
    public synchronized void add(String policy, Path input, double seconds, String fuzzerMessage, Set<Verdict> keep, String engine) {
        WritebackPolicy rules = Policies.get(policy);
        byte[] data;
        try {
            data = Files.readAllBytes(input);
        } catch (IOException e) {
            errors.add(new Error(policy, input, seconds, "cannot read the input: " + e.getMessage(), false));
            return;
        }
        Program p;
        Outcome o;
        try {
            p = ProgramDecoder.decode(policy, data);
            o = Judge.run(p, rules);
        } catch (RuntimeException e) {
            errors.add(new Error(policy, input, seconds, "the model threw " + e, true));
            return;
        }
        if (o.ok()) {
            errors.add(new Error(policy, input, seconds, "does not replay to a verdict"
                    + (fuzzerMessage == null ? "" : " (the fuzzer reported: " + fuzzerMessage + ")"), false));
            return;
        }
        for (Verdict v : o.verdicts()) {
            if (!keep.contains(v)) continue;
            Program s = Shrinker.shrink(p, q -> shows(q, rules, v));
            Outcome so = Judge.run(s, rules);
            Program kept = s.withPolicy(policy).withExpect(so.verdicts());
            CampaignFinding f = new CampaignFinding(v, policy, kept, so, seconds, input, p.size(), engine);
            CampaignFinding old = findings.get(f.signature());
            if (old == null || old.seconds() > seconds) findings.put(f.signature(), f);
        }
    }

    private static boolean shows(Program q, WritebackPolicy rules, Verdict v) {
        try {
            return Judge.run(q, rules).has(v);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Distinct findings, in order of discovery. */
    public synchronized List<CampaignFinding> findings() {
        return List.copyOf(findings.values());
    }

    public synchronized List<Error> errors() {
        return List.copyOf(errors);
    }
}
