package dev.pinfuzz.bench;

import dev.pinfuzz.campaign.Coverage;
import dev.pinfuzz.campaign.JazzerCommand;
import dev.pinfuzz.gen.ProgramDecoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where one Jazzer execution of a policy target goes. The replay target runs the corpus the
 * policy's exec/s run built, stage by stage (decode, judge, states, report: see
 * {@link JazzerCommand#REPLAY_STAGES}), each at its steady exec/s ({@link JazzerRate#steady}); a
 * stage's µs per execution is its time minus the previous stage's, and the first stage's is
 * measured from the empty target's (also steady). What the fuzzing run spends beyond the last
 * stage, both steady, is libFuzzer's mutation and corpus upkeep, and inputs never seen before.
 */
public final class JazzerCost {
    /** libFuzzer's exec/s of one replay stage. */
    public record StageRate(String stage, double execPerSec) {}

    /**
     * @param inputs corpus files replayed
     * @param meanSteps their mean program length
     * @param emptyExecPerSec the empty target's steady exec/s (the harness's speed limit)
     * @param stages the replay stages in order
     * @param fuzzingExecPerSec the policy target's steady exec/s while fuzzing
     */
    public record Breakdown(String policy, int inputs, double meanSteps, double emptyExecPerSec, List<StageRate> stages,
                            double fuzzingExecPerSec) {
        /** µs per execution of the empty target: libFuzzer's own loop and the call into the JVM. */
        public double emptyMicros() {
            return micros(emptyExecPerSec);
        }

        /** µs per execution that stage {@code i} adds to the one before it (to the empty target for the first). */
        public double stageMicros(int i) {
            return micros(stages.get(i).execPerSec()) - (i == 0 ? emptyMicros() : micros(stages.get(i - 1).execPerSec()));
        }

        /** µs per execution that the named stage adds, or NaN when it was not run. */
        public double stageMicros(String stage) {
            for (int i = 0; i < stages.size(); i++) if (stages.get(i).stage().equals(stage)) return stageMicros(i);
            return Double.NaN;
        }

        /** µs per execution while fuzzing. */
        public double fuzzingMicros() {
            return micros(fuzzingExecPerSec);
        }

        /** µs per fuzzing execution beyond the whole target replayed: mutation, corpus upkeep, unseen inputs. */
        public double fuzzingOverheadMicros() {
            return fuzzingMicros() - micros(stages.get(stages.size() - 1).execPerSec());
        }

        /**
         * The share of the empty target's exec/s the fuzzing target would reach if running and judging
         * programs (the judge stage: the model and the oracles) cost nothing, all else kept.
         */
        public double shareWithFreeModel() {
            return emptyMicros() / (fuzzingMicros() - stageMicros("judge"));
        }

        private static double micros(double execPerSec) {
            return execPerSec > 0 ? 1e6 / execPerSec : Double.NaN;
        }
    }

    private JazzerCost() {}

    /** The stages worth replaying in a coverage mode: folio states are reported only under {@code states}. */
    public static List<String> stages(Coverage c) {
        return c == Coverage.STATES ? JazzerCommand.REPLAY_STAGES
                : JazzerCommand.REPLAY_STAGES.stream().filter(s -> !s.equals("states")).toList();
    }

    /**
     * Replays {@code inputs} (the corpus of {@code policy}'s exec/s run) for {@code seconds} per stage.
     *
     * @param fuzzing the policy's exec/s run; {@code empty} the empty target's
     */
    public static Breakdown measure(JazzerCommand cmd, Coverage coverage, String policy, Path inputs, JazzerRate.Rate empty,
                                    JazzerRate.Rate fuzzing, int seconds, Path dir) throws IOException, InterruptedException {
        List<StageRate> rates = new ArrayList<>();
        for (String stage : stages(coverage)) {
            Path d = Files.createDirectories(dir.resolve(stage));
            Path corpus = Files.createDirectories(d.resolve("corpus")).toAbsolutePath();
            var log = JazzerRate.run(cmd.replayCost(policy, stage, inputs.toAbsolutePath(), corpus, seconds), seconds, d, "replay.log");
            rates.add(new StageRate(stage, JazzerRate.steady(log.samples())));
        }
        List<byte[]> files = inputs(inputs);
        long steps = 0;
        for (byte[] b : files) steps += ProgramDecoder.decode(policy, b).size();
        return new Breakdown(policy, files.size(), files.isEmpty() ? 0 : steps / (double) files.size(), empty.steadyExecPerSec(),
                List.copyOf(rates), fuzzing.steadyExecPerSec());
    }

    /** The regular files of {@code dir} (none if it is missing), by name: the order does not depend on the file system. */
    public static List<byte[]> inputs(Path dir) throws IOException {
        List<byte[]> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) return out;
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) out.add(Files.readAllBytes(p));
        }
        return out;
    }
}
