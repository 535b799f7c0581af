package dev.pinfuzz.bench;

import dev.pinfuzz.campaign.FuzzProcess;
import dev.pinfuzz.campaign.JazzerCommand;
import dev.pinfuzz.campaign.LibFuzzerLog;
import dev.pinfuzz.gen.ProgramDecoder;
import dev.pinfuzz.oracle.Judge;
import dev.pinfuzz.oracle.Outcome;
import dev.pinfuzz.policy.Policies;
import dev.pinfuzz.program.Program;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Time for Jazzer to find canary cells from a cold start: no corpus, {@code -seed=N}, the policy
 * target as {@code nightly} runs it. Each crash input is replayed as it is written; the run stops once
 * every wanted cell of the policy has shown up (so one run serves gup-2018's two cells), or at the cap.
 */
public final class JazzerHunt {
    private JazzerHunt() {}

    /** One {@link Hit} per cell of {@code cells} (all of {@code policy}), capped ones included. */
    public static Map<Cell, Hit> run(JazzerCommand cmd, String policy, List<Cell> cells, long seed, int capSeconds, Path dir)
            throws IOException, InterruptedException {
        Path corpus = Files.createDirectories(dir.resolve("corpus")).toAbsolutePath();
        Path crashes = Files.createDirectories(dir.resolve("crashes")).toAbsolutePath();
        Path logFile = dir.resolve("fuzz.log");
        FuzzProcess p = FuzzProcess.start(cmd.fuzz(policy, corpus, List.of(), crashes, capSeconds, seed), dir, logFile);
        Map<Cell, Hit> hits = new LinkedHashMap<>();
        Map<Cell, Path> inputs = new LinkedHashMap<>();
        int seen = 0;
        try {
            boolean ended = false;
            while (hits.size() < cells.size() && !ended && p.seconds() < capSeconds + 120) {
                ended = p.waitFor(50);
                List<LibFuzzerLog.Artifact> as = p.log().artifacts();
                for (; seen < as.size(); seen++) {
                    LibFuzzerLog.Artifact a = as.get(seen);
                    Outcome o = replay(policy, a.file());
                    if (o == null) continue;
                    for (Cell c : cells) {
                        if (hits.containsKey(c) || !o.has(c.verdict())) continue;
                        double inited = inited(p.log());
                        hits.put(c, new Hit(seed, a.seconds() * 1000, (a.seconds() - inited) * 1000, -1, steps(policy, a.file())));
                        inputs.put(c, a.file());
                    }
                }
            }
        } finally {
            p.stop();
        }
        Map<Cell, Hit> out = new LinkedHashMap<>();
        List<String> log = Files.readAllLines(logFile, StandardCharsets.ISO_8859_1);
        for (Cell c : cells) {
            Hit h = hits.get(c);
            out.put(c, h == null ? Hit.capped(seed, p.log().executions())
                    : new Hit(seed, h.millis(), h.searchMillis(), executionsAt(log, inputs.get(c)), h.steps()));
        }
        return out;
    }

    private static Outcome replay(String policy, Path input) {
        try {
            return Judge.run(ProgramDecoder.decode(policy, Files.readAllBytes(input)), Policies.get(policy));
        } catch (IOException | RuntimeException e) {
            return null; // not readable, or the model threw: no canary finding
        }
    }

    private static int steps(String policy, Path input) throws IOException {
        Program prog = ProgramDecoder.decode(policy, Files.readAllBytes(input));
        return prog.size();
    }

    /** When the first status line ({@code INITED}) came, seconds since launch; 0 if none did. */
    private static double inited(LibFuzzerLog log) {
        List<LibFuzzerLog.Sample> s = log.samples();
        return s.isEmpty() ? 0 : s.get(0).seconds();
    }

    /** libFuzzer's executed units in the statistics it prints right after writing {@code input}; -1 if absent. */
    static long executionsAt(List<String> log, Path input) {
        String name = input.getFileName().toString();
        boolean after = false;
        for (String line : log) {
            if (!after && line.contains("Test unit written to") && line.trim().endsWith(name)) after = true;
            else if (after && line.startsWith("stat::number_of_executed_units:"))
                return Long.parseLong(line.substring(line.indexOf(':', 6) + 1).trim());
        }
        return -1;
    }
}
