package dev.pinfuzz.campaign;

import dev.pinfuzz.program.TraceWriter;
import dev.pinfuzz.program.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * {@code report.html}: one self-contained page (inline CSS, SVG and a few lines of JS, no
 * network) with the canary matrix, coverage and exec/s over time, and every finding with its
 * explanation, trace and the command that replays it.
 */
public final class HtmlReport {
    private static final String CSS = """
            body{font:14px/1.45 system-ui,sans-serif;margin:24px auto;max-width:1180px;color:#222;padding:0 16px}
            h1{font-size:22px;margin:0 0 4px} h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid #ddd}
            table{border-collapse:collapse;margin:8px 0} th,td{border:1px solid #ccc;padding:4px 8px;text-align:left}
            th{background:#f4f4f4} td.n{text-align:right;font-variant-numeric:tabular-nums}
            .found{background:#fde2c8}.clean{background:#e3f4e1}.missed,.violation{background:#f8b4b4;font-weight:bold}.not-run,.cut-short{background:#eee;color:#777}
            .ok{color:#1a7f37;font-weight:bold}.bad{color:#c62828;font-weight:bold}.muted{color:#777}
            pre{background:#f7f7f7;border:1px solid #e2e2e2;padding:8px;white-space:pre-wrap;margin:4px 0}
            code.cmd{background:#272822;color:#f8f8f2;padding:3px 6px;border-radius:3px;cursor:copy}
            .finding{border:1px solid #ddd;border-radius:4px;padding:8px 12px;margin:12px 0}.group h3{font-size:1em;margin:20px 0 4px}details summary{cursor:pointer;color:#555}
            .plots{display:flex;flex-wrap:wrap;gap:12px} svg{background:#fff;border:1px solid #eee}
            svg .grid{stroke:#eee} svg .frame{fill:none;stroke:#999} svg .tick{font-size:10px;fill:#555} svg .pt{font-size:12px;font-weight:bold}
            """;
    private static final String JS = """
            document.querySelectorAll('code.cmd').forEach(function(c){c.title='click to copy';
              c.addEventListener('click',function(){if(navigator.clipboard)navigator.clipboard.writeText(c.textContent);});});
            """;

    private HtmlReport() {}

    /**
     * @param traces trace paths relative to the campaign directory, by finding signature
     * @param shownDir the campaign directory as the user named it, for the replay commands
     */
    public static String of(MatrixView v, Map<String, String> traces, String shownDir) {
        Campaign.Result r = v.result();
        StringBuilder sb = new StringBuilder(32_000);
        sb.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>pinfuzz nightly ")
                .append(Html.esc(r.started().toString())).append("</title><style>").append(CSS).append("</style></head><body>");
        sb.append("<h1>pinfuzz nightly</h1><p class=\"muted\">started ").append(Html.esc(r.started().toString()))
                .append(", budget ").append(r.options().budget()).append(" s, ").append(r.options().concurrency() * r.options().processes())
                .append(" job(s), --coverage ").append(r.options().coverage().spelling()).append(r.interrupted() ? ", <span class=\"bad\">interrupted</span>" : "").append("</p>");
        sb.append("<p>Canary matrix: ").append(v.holds() ? "<span class=\"ok\">holds</span>"
                        : v.broken() ? "<span class=\"bad\">does not hold</span>" : "<span class=\"bad\">not settled (interrupted)</span>")
                .append("</p>");
        matrix(sb, v);
        figures(sb, v);
        plots(sb, v);
        findings(sb, v, traces, shownDir);
        errors(sb, v);
        sb.append("<script>").append(JS).append("</script></body></html>\n");
        return sb.toString();
    }

    private static void matrix(StringBuilder sb, MatrixView v) {
        sb.append("<h2>Canary matrix: expected against found</h2><table><tr><th>policy</th>");
        for (Verdict c : CanaryMatrix.COLUMNS) sb.append("<th>").append(c.spelling()).append("</th>");
        sb.append("</tr>");
        for (String p : v.policies()) {
            sb.append("<tr><th>").append(Html.esc(p)).append("</th>");
            for (Verdict c : CanaryMatrix.COLUMNS) {
                MatrixView.Cell cell = v.cell(p, c);
                String expect = CanaryMatrix.isExpected(p, c) ? "expected found" : "expected clean";
                sb.append("<td class=\"").append(cell.word()).append("\" title=\"").append(expect).append("\">").append(cell.word());
                OptionalDouble t = v.timeToFind(p, c);
                if (t.isPresent()) sb.append(String.format(Locale.ROOT, " <span class=\"muted\">after %.1f s</span>", t.getAsDouble()));
                sb.append("</td>");
            }
            sb.append("</tr>");
        }
        sb.append("</table><p class=\"muted\">found: expected and found; clean: expected clean and clean; missed: expected but not found;"
                + " violation: found in a cell that must stay clean (a model bug or a real finding); not-run: the campaign was interrupted before this policy's fuzzer ran an input;"
                + " cut-short: interrupted before this policy's budget ran out, and not found so far (nothing is known). Times are seconds from the"
                + " fuzzer's start (JVM start-up included).</p>");
    }

    private static void figures(StringBuilder sb, MatrixView v) {
        TargetResult e = v.empty();
        sb.append("<h2>Targets</h2><table><tr><th>target</th><th title=\"the fuzzer processes' wall time, JVM start-up included\">wall s</th><th title=\"from libFuzzer's INITED line on\">fuzzing s</th><th>executions</th><th>exec/s</th><th>% of empty</th>"
                + "<th>coverage</th><th>corpus</th><th>merged corpus</th><th>crash inputs</th><th>findings</th></tr>");
        List<TargetResult> rows = new ArrayList<>();
        for (String p : v.policies()) rows.add(v.target(p));
        if (e != null) rows.add(e);
        for (TargetResult t : rows) {
            String pct = e != null && e.execPerSec() > 0 && t != e
                    ? String.format(Locale.ROOT, "%.1f %%", 100.0 * t.execPerSec() / e.execPerSec()) : "";
            sb.append("<tr><th>").append(Html.esc(t.name())).append(t.stopped() ? " <span class=\"bad\">(stopped)</span>" : "").append("</th>")
                    .append(num(String.format(Locale.ROOT, "%.0f", t.fuzzSeconds()))).append(num(String.format(Locale.ROOT, "%.1f", t.fuzzingSeconds()))).append(num(String.format(Locale.ROOT, "%,d", t.executions())))
                    .append(num(String.format(Locale.ROOT, "%,d", t.execPerSec()))).append(num(pct)).append(num(String.valueOf(t.coverage())))
                    .append(num(String.valueOf(t.corpusSize()))).append(num(t.mergedCorpusSize() < 0 ? "" : String.valueOf(t.mergedCorpusSize())))
                    .append(num(String.valueOf(t.artifacts().size())))
                    .append(num(t.policy() == null ? "" : String.valueOf(v.findings(t.policy()).size()))).append("</tr>");
        }
        sb.append("</table>");
    }

    private static String num(String s) {
        return "<td class=\"n\">" + Html.esc(s) + "</td>";
    }

    private static void plots(StringBuilder sb, MatrixView v) {
        List<SvgPlot.Series> cov = new ArrayList<>(), rate = new ArrayList<>();
        int i = 0;
        for (String p : v.policies()) {
            TargetResult t = v.target(p);
            String colour = SvgPlot.COLOURS[i++ % SvgPlot.COLOURS.length];
            List<double[]> c = new ArrayList<>();
            for (LibFuzzerLog.Sample s : t.samples()) c.add(new double[] {s.seconds(), s.cov()});
            cov.add(new SvgPlot.Series(p, colour, c));
            rate.add(new SvgPlot.Series(p, colour, Rates.of(t.samples())));
        }
        TargetResult e = v.empty();
        if (e != null) rate.add(new SvgPlot.Series("empty target", "#999999", Rates.of(e.samples())));
        sb.append("<h2>Coverage and speed over time</h2><div class=\"plots\">")
                .append(v.result().options().coverage() == Coverage.STATES
                        ? SvgPlot.render("coverage (libFuzzer cov: folio states and policy branches)", "features", cov)
                        : SvgPlot.render("coverage (libFuzzer cov: bytecode edges)", "edges", cov))
                .append(SvgPlot.render("executions per second (log scale)", "exec/s", rate, true)).append("</div>");
    }

    /**
     * Findings grouped by (policy, verdict): violations of clean cells first, as they are what a
     * reader has to act on. Each group shows its shortest program; the other minimal programs
     * (other routes to the same verdict: a store rather than a write, a DMA through another
     * handle) are folded under it.
     */
    private static void findings(StringBuilder sb, MatrixView v, Map<String, String> traces, String shownDir) {
        sb.append("<h2>Findings</h2>");
        if (v.result().findings().isEmpty()) sb.append("<p>none</p>");
        List<CampaignFinding> order = new ArrayList<>(v.result().findings());
        order.sort(java.util.Comparator.comparing(CampaignFinding::expected)
                .thenComparing(f -> v.policies().indexOf(f.policy())).thenComparing(CampaignFinding::verdict)
                .thenComparing(f -> f.program().size()).thenComparing(CampaignFinding::seconds));
        for (int i = 0, j; i < order.size(); i = j) {
            CampaignFinding head = order.get(i);
            for (j = i + 1; j < order.size() && order.get(j).policy().equals(head.policy()) && order.get(j).verdict() == head.verdict(); j++) {}
            sb.append("<div class=\"group\"><h3>").append(head.verdict().spelling()).append(" under ").append(Html.esc(head.policy())).append(' ')
                    .append(head.expected() ? "<span class=\"ok\">(expected: canary)</span>" : "<span class=\"bad\">(VIOLATION of a clean cell)</span>")
                    .append(j - i > 1 ? " <span class=\"muted\">" + (j - i) + " distinct minimal programs</span>" : "").append("</h3>");
            finding(sb, v, head, traces, shownDir);
            if (j - i > 1) {
                sb.append("<details><summary>").append(j - i - 1).append(" more: other routes to the same verdict</summary>");
                for (int k = i + 1; k < j; k++) finding(sb, v, order.get(k), traces, shownDir);
                sb.append("</details>");
            }
            sb.append("</div>");
        }
    }

    private static void finding(StringBuilder sb, MatrixView v, CampaignFinding f, Map<String, String> traces, String shownDir) {
        String cmd = "./pinfuzz replay " + (shownDir.isEmpty() ? "" : shownDir + "/") + traces.get(f.signature());
        String when = !f.engine().equals(CampaignFinding.SWEEP) ? String.format(Locale.ROOT, "after %.1f s", f.seconds())
                : "by the property sweep before fuzzing (the first such program of <code>pinfuzz check --policy " + Html.esc(f.policy())
                        + " --seed " + v.result().sweepSeed() + " --verdict " + f.verdict().spelling() + "</code>)";
        sb.append("<div class=\"finding\">")
                .append(String.format(Locale.ROOT, "<span class=\"muted\">%s; shrunk from %d to %d steps; replays to %s</span>",
                        when, f.originalSteps(), f.program().size(), TraceWriter.verdicts(f.outcome().verdicts())))
                .append("<p>").append(Html.esc(f.explanation())).append("</p>")
                .append("<pre>").append(Html.esc(f.regression().traceText())).append("</pre>")
                .append("<p>reproduce: <code class=\"cmd\">").append(Html.esc(cmd)).append("</code></p></div>");
    }

    private static void errors(StringBuilder sb, MatrixView v) {
        if (v.result().errors().isEmpty()) return;
        sb.append("<h2>Inputs that are not oracle findings</h2><ul>");
        for (Triage.Error e : v.result().errors())
            sb.append("<li>").append(e.modelError() ? "<span class=\"bad\">model error</span> " : "").append(Html.esc(e.policy())).append(": ")
                    .append(Html.esc(e.input().getFileName().toString())).append(": ").append(Html.esc(e.message())).append("</li>");
        sb.append("</ul>");
    }
}
