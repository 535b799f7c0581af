package dev.pinfuzz.fuzz;

import dev.pinfuzz.bench.JazzerCost;
import dev.pinfuzz.campaign.JazzerCommand;
import dev.pinfuzz.gen.ProgramDecoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Prices the stages of one policy-target execution inside Jazzer ({@code pinfuzz bench}). It
 * ignores the fuzzer's bytes and runs the files of a fixed directory in turn, up to one stage:
 * {@code decode} (bytes to a program), {@code judge} (also run it with the oracles watching),
 * {@code states} (also report folio states to libFuzzer) or {@code report} (the whole policy
 * target, in the coverage mode {@value JazzerCommand#COVERAGE_PROPERTY} names: findings are named
 * and the first of each kind raised, and caught here so the run goes on). libFuzzer's exec/s of
 * each stage, against the previous stage's and the empty target's, is what that stage costs per
 * execution, libFuzzer's own work on the features it yields included.
 *
 * <p>Properties: {@value JazzerCommand#POLICY_PROPERTY}, {@value JazzerCommand#STAGE_PROPERTY},
 * {@value JazzerCommand#INPUTS_PROPERTY}.
 */
public final class ReplayCostTarget {
    private static Replay replay;

    private ReplayCostTarget() {}

    /** One stage over a fixed list of inputs; {@link #next} runs the next input. */
    static final class Replay {
        private final String stage;
        private final PolicyTarget target;
        private final byte[][] inputs;
        private int i;
        /** Keeps the decoder's result alive, so the JIT cannot drop the decode stage. */
        int sink;

        Replay(String policy, String stage, List<byte[]> inputs) {
            if (!JazzerCommand.REPLAY_STAGES.contains(stage))
                throw new IllegalArgumentException("unknown stage '" + stage + "' (known: " + JazzerCommand.REPLAY_STAGES + ")");
            this.stage = stage;
            this.target = stage.equals("report") ? new PolicyTarget(policy) : new PolicyTarget(policy, stage.equals("states"));
            this.inputs = inputs.isEmpty() ? new byte[][] {new byte[0]} : inputs.toArray(new byte[0][]);
        }

        void next() {
            byte[] b = inputs[i];
            i = i + 1 == inputs.length ? 0 : i + 1;
            switch (stage) {
                case "decode" -> sink += ProgramDecoder.decode(target.policy(), b).size();
                case "report" -> {
                    try {
                        target.reportAll(b);
                    } catch (OracleFinding e) {
                        sink++;
                    }
                }
                default -> sink += target.run(b).ok() ? 1 : 0;
            }
        }
    }

    public static void fuzzerInitialize() {
        String policy = System.getProperty(JazzerCommand.POLICY_PROPERTY);
        String stage = System.getProperty(JazzerCommand.STAGE_PROPERTY);
        String inputs = System.getProperty(JazzerCommand.INPUTS_PROPERTY);
        if (policy == null || stage == null || inputs == null)
            throw new IllegalStateException("set -D" + JazzerCommand.POLICY_PROPERTY + ", -D" + JazzerCommand.STAGE_PROPERTY
                    + " and -D" + JazzerCommand.INPUTS_PROPERTY);
        try {
            replay = new Replay(policy, stage, JazzerCost.inputs(Path.of(inputs)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void fuzzerTestOneInput(byte[] ignored) {
        replay.next();
    }
}
