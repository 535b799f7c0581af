package dev.pinfuzz.campaign;

import dev.pinfuzz.program.TraceWriter;
import java.util.Locale;
import java.util.Map;

/** The short plain-text summary a campaign prints on stdout. */
public final class TextSummary {
    private TextSummary() {}

    public static String of(MatrixView v, Map<String, String> traces, String shownDir) {
        StringBuilder sb = new StringBuilder();
        Campaign.Result r = v.result();
        sb.append(String.format(Locale.ROOT, "pinfuzz: %d polic%s, budget %d s, %d job(s)%s -> %s%n", v.policies().size(),
                v.policies().size() == 1 ? "y" : "ies", r.options().budget(), r.options().concurrency() * r.options().processes(),
                r.interrupted() ? ", INTERRUPTED" : "", shownDir.isEmpty() ? "." : shownDir));
        sb.append(String.format(Locale.ROOT, "%-16s %-22s %-32s %9s %9s %6s %7s %4s  %s%n",
                "policy", "expected", "found", "execs", "exec/s", "cov", "corpus", "finds", "row"));
        for (String p : v.policies()) {
            TargetResult t = v.target(p);
            sb.append(String.format(Locale.ROOT, "%-16s %-22s %-32s %9s %9s %6d %7d %4d  %s%n", p,
                    TraceWriter.verdicts(CanaryMatrix.expected(p)), TraceWriter.verdicts(v.found(p)),
                    Progress.human(t.executions()), Progress.human(t.execPerSec()), t.coverage(), t.corpusSize(),
                    v.findings(p).size(), v.row(p).word()));
        }
        TargetResult e = v.empty();
        if (e != null) sb.append(String.format(Locale.ROOT, "empty target: %s exec/s%n", Progress.human(e.execPerSec())));
        for (CampaignFinding f : r.findings())
            if (!f.expected())
                sb.append("VIOLATION ").append(f.verdict().spelling()).append(" under ").append(f.policy()).append(": ")
                        .append(traces.get(f.signature())).append('\n');
        for (Triage.Error err : r.errors())
            sb.append(err.modelError() ? "MODEL ERROR " : "note ").append(err.policy()).append(": ").append(err.message()).append('\n');
        sb.append(v.holds() ? "canary matrix holds" : v.broken() ? "canary matrix does NOT hold"
                : "canary matrix not settled: interrupted before every policy was fuzzed to the end of its budget").append('\n');
        return sb.toString();
    }
}
