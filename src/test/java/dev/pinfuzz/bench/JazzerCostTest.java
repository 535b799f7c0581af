package dev.pinfuzz.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinfuzz.campaign.Coverage;
import dev.pinfuzz.campaign.LibFuzzerLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class JazzerCostTest {
    private static JazzerCost.Breakdown made(double... stageRates) {
        List<String> names = List.of("decode", "judge", "states", "report");
        List<JazzerCost.StageRate> s = new java.util.ArrayList<>();
        for (int i = 0; i < stageRates.length; i++) s.add(new JazzerCost.StageRate(names.get(i), stageRates[i]));
        return new JazzerCost.Breakdown("p", 3, 4.0, 1_000_000, s, 200_000);
    }

    @Test
    void eachStageCostsWhatItAddsToTheStageBeforeAndTheFirstWhatItAddsToTheEmptyTarget() {
        JazzerCost.Breakdown b = made(500_000, 250_000, 200_000, 250_000);
        assertEquals(1.0, b.emptyMicros(), 1e-9);
        assertEquals(1.0, b.stageMicros(0), 1e-9, "decode: 2 µs against the empty target's 1");
        assertEquals(2.0, b.stageMicros(1), 1e-9, "judge: 4 µs against decode's 2");
        assertEquals(1.0, b.stageMicros("states"), 1e-9);
        assertEquals(-1.0, b.stageMicros("report"), 1e-9, "a faster later stage shows as noise, not hidden");
        assertEquals(5.0 - 4.0, b.fuzzingOverheadMicros(), 1e-9, "fuzzing 5 µs, the whole target replayed 4 µs");
        assertEquals(1.0 / (5.0 - 2.0), b.shareWithFreeModel(), 1e-9, "without judging's 2 µs, 3 µs against the empty target's 1");
    }

    @Test
    void aStageThatWasNotRunOrDidNotRunAtAllHasNoFigure() {
        JazzerCost.Breakdown b = made(500_000, 0);
        assertTrue(Double.isNaN(b.stageMicros("states")));
        assertTrue(Double.isNaN(b.stageMicros("judge")), "a run that reported no exec/s");
        assertTrue(Double.isNaN(b.shareWithFreeModel()));
    }

    @Test
    void aSteadyRateCountsTheSecondHalfOfTheRunOnlyLeavingOutStartUpAndWarmUp() {
        List<LibFuzzerLog.Sample> s = List.of(new LibFuzzerLog.Sample(1, 100, 0, 0, 0), new LibFuzzerLog.Sample(2, 1000, 0, 0, 0),
                new LibFuzzerLog.Sample(4, 5000, 0, 0, 0), new LibFuzzerLog.Sample(8, 13_000, 0, 0, 0));
        assertEquals((13_000 - 5000) / 4.0, JazzerRate.steady(s), 1e-9);
        assertEquals(900, JazzerRate.steady(s.subList(0, 2)), 1e-9, "two lines: the rate between them");
        assertEquals(0, JazzerRate.steady(s.subList(0, 1)), 1e-9, "one line gives no rate");
    }

    @Test
    void folioStatesAreReplayedOnlyWhenTheyAreTheCoverage() {
        assertEquals(List.of("decode", "judge", "states", "report"), JazzerCost.stages(Coverage.STATES));
        assertEquals(List.of("decode", "judge", "report"), JazzerCost.stages(Coverage.MODEL));
    }

    @Test
    void inputsAreTheRegularFilesByNameAndAMissingDirectoryHasNone(@TempDir Path d) throws Exception {
        Files.write(d.resolve("b"), new byte[] {2});
        Files.write(d.resolve("a"), new byte[] {1, 1});
        Files.createDirectory(d.resolve("c"));
        List<byte[]> in = JazzerCost.inputs(d);
        assertEquals(2, in.size());
        assertEquals(2, in.get(0).length, "a before b");
        assertEquals(List.of(), JazzerCost.inputs(d.resolve("missing")));
    }
}
