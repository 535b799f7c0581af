package dev.pinfuzz.fuzz;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinfuzz.gen.ProgramDecoder;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The replay target runs its fixed inputs in turn, each stage doing what the one before did and more. */
class ReplayCostTargetTest {
    private static List<byte[]> random(int n) {
        SplittableRandom r = new SplittableRandom(11);
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] in = new byte[8 + r.nextInt(60)];
            for (int b = 0; b < in.length; b++) in[b] = (byte) r.nextInt(256);
            out.add(in);
        }
        return out;
    }

    @Test
    void theDecodeStageDecodesEachInputInTurnAndThenStartsOver() {
        List<byte[]> in = random(20);
        int steps = 0;
        for (byte[] b : in) steps += ProgramDecoder.decode("gup-2018", b).size();
        ReplayCostTarget.Replay r = new ReplayCostTarget.Replay("gup-2018", "decode", in);
        for (int i = 0; i < 2 * in.size(); i++) r.next();
        assertEquals(2 * steps, r.sink);
    }

    @Test
    void theJudgeStageRunsTheOraclesAndTheReportStageSwallowsWhatTheTargetRaises() {
        List<byte[]> in = random(300);
        PolicyTarget quiet = new PolicyTarget("gup-2018", false);
        int ok = 0;
        for (byte[] b : in) ok += quiet.run(b).ok() ? 1 : 0;
        assertTrue(ok < in.size(), "gup-2018 should find something in 300 random programs");
        ReplayCostTarget.Replay judge = new ReplayCostTarget.Replay("gup-2018", "judge", in);
        for (int i = 0; i < in.size(); i++) judge.next();
        assertEquals(ok, judge.sink, "the judge stage counts the programs judged ok");
        ReplayCostTarget.Replay report = new ReplayCostTarget.Replay("gup-2018", "report", in);
        assertDoesNotThrow(() -> {
            for (int i = 0; i < in.size(); i++) report.next();
        });
        assertTrue(report.sink >= 1, "the first finding of a kind is raised by the target and caught by the replay");
    }

    @Test
    void anUnknownStageIsRejectedNamingTheKnownOnesAndNoInputsReplayTheEmptyInput() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ReplayCostTarget.Replay("gup-2018", "mutate", List.of()));
        assertTrue(e.getMessage().contains("unknown stage 'mutate'") && e.getMessage().contains("decode, judge, states, report"), e.getMessage());
        ReplayCostTarget.Replay r = new ReplayCostTarget.Replay("gup-2018", "decode", List.of());
        r.next();
        assertEquals(ProgramDecoder.decode("gup-2018", new byte[0]).size(), r.sink);
    }
}
