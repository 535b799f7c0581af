package dev.pinfuzz.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading libFuzzer's stderr: status lines, artifacts with their exceptions, final statistics. */
final class LibFuzzerLogTest {
    private static final String LOG = """
            INFO: Seed: 1682368062
            #2\tINITED cov: 161 ft: 161 corp: 1/1b exec/s: 0 rss: 626Mb
            #5\tNEW    cov: 170 ft: 203 corp: 3/6b lim: 4 exec/s: 0 rss: 626Mb L: 3/3 MS: 4 ShuffleBytes-Custom-
            == Java Exception: dev.pinfuzz.fuzz.OracleFinding: skip-pinned: durability: fsync(f) at line 5 lied
            \tat dev.pinfuzz.fuzz.PolicyTarget.durability(PolicyTarget.java:99)
            DEDUP_TOKEN: 4f39eb4473fde1a8
            artifact_prefix='crashes/'; Test unit written to crashes/crash-8854b7e2191b88a6736c6cf97e7b17850feebb98
            stat::number_of_executed_units: 10145
            stat::average_exec_per_sec:     0
            #16384\tpulse  cov: 955 ft: 3114 corp: 319/3691b lim: 17 exec/s: 5461 rss: 657Mb
            ==42== ERROR: libFuzzer: timeout after 10 seconds
            artifact_prefix='crashes/'; Test unit written to crashes/timeout-aaaa
            #35888\tDONE   cov: 1096 ft: 4198 corp: 518/7899b lim: 29 exec/s: 3987 rss: 659Mb
            Done 35888 runs in 9 second(s)
            stat::number_of_executed_units: 35888
            stat::average_exec_per_sec:     3987
            """;

    private static LibFuzzerLog read() {
        LibFuzzerLog log = new LibFuzzerLog(Path.of("/w"));
        double t = 0;
        for (String line : LOG.split("\n")) log.line(line, t += 0.5);
        return log;
    }

    @Test
    void statusLinesBecomeTimeStampedSamplesOfExecutionsCoverageAndCorpus() {
        List<LibFuzzerLog.Sample> s = read().samples();
        assertEquals(4, s.size());
        assertEquals(new LibFuzzerLog.Sample(1.0, 2, 161, 1, 0), s.get(0));
        assertEquals(new LibFuzzerLog.Sample(5.0, 16384, 955, 319, 5461), s.get(2));
        assertEquals(518, s.get(3).corpus());
    }

    @Test
    void theFinalStatisticsGiveTheTotals() {
        LibFuzzerLog log = read();
        assertEquals(35888, log.executions());
        assertEquals(3987, log.finalExecPerSec());
        assertEquals(1096, log.coverage());
        assertEquals(518, log.corpusSize());
        assertEquals(6.5, log.doneSeconds());
        assertEquals(5.5, log.fuzzingSeconds(), 1e-9, "from INITED at 1.0 s to DONE at 6.5 s: JVM start-up left out");
    }

    @Test
    void beforeInitedNothingHasBeenFuzzed() {
        LibFuzzerLog log = new LibFuzzerLog(Path.of("/w"));
        log.line("INFO: Loaded 1 module", 2.0);
        assertEquals(0, log.fuzzingSeconds());
    }

    @Test
    void eachWrittenInputIsAnArtifactWithTheExceptionThatProducedItAndWhen() {
        List<LibFuzzerLog.Artifact> a = read().artifacts();
        assertEquals(2, a.size());
        assertEquals(Path.of("/w/crashes/crash-8854b7e2191b88a6736c6cf97e7b17850feebb98"), a.get(0).file());
        assertEquals("crash", a.get(0).kind());
        assertEquals(3.5, a.get(0).seconds());
        assertEquals("dev.pinfuzz.fuzz.OracleFinding: skip-pinned: durability: fsync(f) at line 5 lied", a.get(0).exception());
        assertEquals("timeout", a.get(1).kind());
        assertEquals("timeout after 10 seconds", a.get(1).exception());
    }

    @Test
    void aStoppedRunWithoutFinalStatisticsStillCountsItsExecutions() {
        LibFuzzerLog log = new LibFuzzerLog(Path.of("."));
        log.line("#4096\tpulse  cov: 10 ft: 12 corp: 3/9b lim: 4 exec/s: 2048 rss: 600Mb", 2);
        assertEquals(4096, log.executions());
        assertEquals(-1, log.finalExecPerSec());
    }

    @Test
    void statusLinesWithoutCoverageAsTheEmptyTargetPrintsThemAreStillSamples() {
        LibFuzzerLog log = new LibFuzzerLog(Path.of("."));
        log.line("#2\tINITED exec/s: 0 rss: 602Mb", 1);
        log.line("#8388608\tpulse  corp: 1/1b lim: 4096 exec/s: 2796202 rss: 615Mb", 4);
        log.line("#24238847\tDONE   corp: 1/1b lim: 4096 exec/s: 2203531 rss: 630Mb", 11);
        assertEquals(3, log.samples().size());
        assertEquals(8_388_608, log.samples().get(1).execs());
        assertEquals(1, log.samples().get(2).corpus());
        assertEquals(0, log.samples().get(2).cov());
        assertEquals(24_238_847, log.executions());
    }
}
