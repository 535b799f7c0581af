package dev.pinfuzz.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinfuzz.mm.Probe;
import dev.pinfuzz.policy.PinnedAction;
import dev.pinfuzz.policy.Policies;
import dev.pinfuzz.policy.WritebackPolicy;
import dev.pinfuzz.program.TraceWriter;
import dev.pinfuzz.program.Verdict;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each oracle both firing and staying quiet, judged from the program and what the run showed. */
class OraclesTest {
    private static Set<Verdict> verdicts(String policy, String text) {
        return Probe.run(policy, text).outcome.verdicts();
    }

    private static String explanation(String policy, String text, Verdict v) {
        for (Finding f : Probe.run(policy, text).outcome.findings()) if (f.verdict() == v) return f.explanation();
        throw new AssertionError("no " + v.spelling() + " finding");
    }

    private static void assertVerdicts(String expected, String policy, String text) {
        assertEquals(expected, TraceWriter.verdicts(verdicts(policy, text)), "under " + policy + ":\n" + text);
    }

    // ---- durability ----

    @Test
    void durabilityNamesTheLyingFsyncTheBytesAndWhoseValuesAreWhere() {
        String e = explanation("skip-pinned", "file f pages=2\nA: write(f, 0, 100)\n"
                + "A: p = pin_user_pages(f, 0, 1, FOLL_WRITE|FOLL_LONGTERM)\nB: fsync(f)\n", Verdict.DURABILITY);
        assertTrue(e.startsWith("fsync(f) at line 4 by task B returned 0"), e);
        assertTrue(e.contains("bytes 0..99 of f hold the value from line 0 (the file's initial zeros)"), e);
        assertTrue(e.contains("line 2 (write(f, 0, 100)"), e);
    }

    @Test
    void anFsyncThatReturnsAnErrorPromisesNothing() {
        assertVerdicts("ok", "fail-fsync", "file f pages=1\nA: write(f, 0, 100)\n"
                + "A: p = pin_user_pages(f, 0, 1, FOLL_WRITE|FOLL_LONGTERM)\nB: fsync(f)\ncrash()\n");
    }

    @Test
    void syncFileRangeAndBackgroundWritebackPromiseNothing() {
        assertVerdicts("ok", "skip-pinned", "file f pages=1\nA: write(f, 0, 100)\n"
                + "A: p = pin_user_pages(f, 0, 1, FOLL_WRITE|FOLL_LONGTERM)\nB: sync_file_range(f)\nB: writeback(f)\ncrash()\n");
    }

    @Test
    void aWriteAfterTheFsyncBeganNeedNotBeOnDisk() {
        assertVerdicts("ok", "refuse-longterm", "file f pages=1\nA: write(f, 0, 100)\nA: fsync(f)\nA: write(f, 0, 50)\n"
                + "A: writeback(f)\ncrash()\n");
    }

    @Test
    void aShortTermDmaIsAcknowledgedOnlyByItsDirtyUnpin() {
        String prefix = "file f pages=1\nA: p = pin_user_pages(f, 0, 1, FOLL_WRITE)\ndev: dma_write(p, 0, 10)\n";
        assertVerdicts("ok", "skip-pinned", prefix + "B: fsync(f)\nA: unpin_user_pages_dirty_lock(p, true)\n");
        assertVerdicts("durability", "skip-pinned", prefix + "A: unpin_user_pages_dirty_lock(p, true)\n"
                + "A: q = pin_user_pages(f, 0, 1, FOLL_WRITE|FOLL_LONGTERM)\nB: fsync(f)\n");
    }

    @Test
    void aReleaseWithoutDirtyNeverAcknowledgesTheDma() {
        assertVerdicts("ok", "refuse-longterm", "file f pages=1\nA: p = pin_user_pages(f, 0, 1, FOLL_WRITE)\nA: writeback(f)\n"
                + "dev: dma_write(p, 0, 10)\nA: unpin_user_pages_dirty_lock(p, false)\nB: fsync(f)\ncrash()\n");
    }

    @Test
    void aLongTermDmaIsAcknowledgedWhenItCompletes() {
        assertVerdicts("durability", "gup-2018", "file f pages=1\nA: p = get_user_pages(f, 0, 1, FOLL_WRITE|FOLL_LONGTERM)\n"
                + "A: writeback(f)\ndev: dma_write(p, 0, 10)\nB: fsync(f)\n");
    }

    @Test
    void durabilityIsJudgedAgainAtEveryCrash() {
        // The fsync itself is honest; the sync() later is judged at the crash after it.
        String e = explanation("skip-pinned", "file f pages=1\nA: write(f, 0, 10)\nA: fsync(f)\nA: write(f, 0, 20)\n"
                + "A: p = pin_user_pages(f, 0, 1, FOLL_WRITE|FOLL_LONGTERM)\nB: sync()\ncrash()\n", Verdict.DURABILITY);
        assertTrue(e.startsWith("sync() at line 6"), e);
    }

    @Test
    void tmpfsFilesAreNeverJudgedForDurability() {
        assertVerdicts("ok", "skip-pinned", "file t pages=1 fs=tmpfs\nA: write(t, 0, 100)\nA: fsync(t)\ncrash()\n");
    }

    @Test
    void aPolicyPrototypedInATestIsJudgedByWhatReachesTheDisk() {
        WritebackPolicy lazy = new WritebackPolicy() {
            public String name() { return "test-lazy-fsync"; }
            public String description() { return "skips pinned pages only in fsync"; }
            public PinnedAction onPinnedDirty(boolean integrity) { return integrity ? PinnedAction.SKIP : PinnedAction.WRITE; }
        };
        if (Policies.get(lazy.name()) == null) Policies.register(lazy);
        String prog = "file f pages=1\nA: write(f, 0, 10)\nA: p = pin_user_pages(f, 0, 1, FOLL_WRITE)\nB: fsync(f)\n";
        assertVerdicts("durability", "test-lazy-fsync", prog);
        assertVerdicts("ok", "test-lazy-fsync", prog.replace("B: fsync(f)", "B: writeback(f)\nB: fsync(f)"));
    }

    // ---- liveness ----

    @Test
    void waitingForALongTermPinIsReportedWhenTheWaitStarts() {
        String e = explanation("wait-on-pin", "file f pages=1\nA: p = pin_user_pages(f, 0, 1, FOLL_WRITE|FOLL_LONGTERM)\nB: fsync(f)\n",
                Verdict.LIVENESS);
        assertTrue(e.contains("task B (fsync(f) at line 3) waits for the release of a FOLL_LONGTERM pin"), e);
    }

    @Test
    void aCycleInTheWaitForGraphIsReportedWithItsChain() {
        String e = explanation("wait-on-pin", "file f pages=1\nA: p = pin_user_pages(f, 0, 1, FOLL_WRITE)\nB: fsync(f)\n"
                + "A: write(f, 0, 10)\nA: unpin_user_pages(p)\n", Verdict.LIVENESS);
        assertTrue(e.startsWith("deadlock: task A (write(f, 0, 10) at line 4) waits for the page lock of f[0] held by task B"), e);
        assertTrue(e.contains("task B (fsync(f) at line 3) waits for the pins on f[0] held by handle p (task A"), e);
    }

    @Test
    void aTaskWaitingForItsOwnPinIsACycle() {
        String e = explanation("wait-on-pin", "file f pages=1\nA: p = pin_user_pages(f, 0, 1, FOLL_WRITE)\nA: fsync(f)\n", Verdict.LIVENESS);
        assertTrue(e.startsWith("deadlock: task A (fsync(f) at line 3) waits for the pins on f[0] held by handle p (task A"), e);
    }

    @Test
    void aPinHolderIsNamedWithItsGupFlagsAndFlagsZeroSaysSo() {
        String e = explanation("wait-on-pin", "file f pages=1\nA: write(f, 0, 1)\nA: p = pin_user_pages(f, 0, 1, 0)\nA: fsync(f)\n", Verdict.LIVENESS);
        assertTrue(e.contains("held by handle p (task A, line 3, flags 0)"), e);
        e = explanation("wait-on-pin", "file f pages=1\nA: p = pin_user_pages(f, 0, 1, FOLL_WRITE)\nA: fsync(f)\n", Verdict.LIVENESS);
        assertTrue(e.contains("held by handle p (task A, line 2, FOLL_WRITE)"), e);
    }

    @Test
    void backgroundWritebackWaitsForThePageLockLikeWriteCachePages() {
        String e = explanation("wait-on-pin", "file f pages=1\nA: p = pin_user_pages(f, 0, 1, FOLL_WRITE)\nB: fsync(f)\n"
                + "A: writeback(f)\nA: unpin_user_pages_dirty_lock(p, true)\n", Verdict.LIVENESS);
        assertTrue(e.startsWith("deadlock: task A (writeback(f) at line 4) waits for the page lock of f[0] held by task B"), e);
    }

    @Test
    void aShortTermPinWaitThatEndsIsNotALivenessProblem() {
        assertVerdicts("ok", "wait-on-pin", "file f pages=1\nA: p = pin_user_pages(f, 0, 1, FOLL_WRITE)\nB: fsync(f)\n"
                + "dev: dma_write(p, 0, 10)\nA: unpin_user_pages_dirty_lock(p, true)\nB: write(f, 0, 5)\n");
    }

    @Test
    void linesOfASuspendedTaskQueueBehindIt() {
        Probe r = Probe.run("wait-on-pin", "file f pages=1\nA: p = pin_user_pages(f, 0, 1, FOLL_WRITE)\nB: fsync(f)\n"
                + "B: write(f, 0, 5)\nA: unpin_user_pages_dirty_lock(p, true)\n");
        assertTrue(r.returned(4), "B's write runs once B's fsync returns");
        assertTrue(r.outcome.timeline().start(2) > r.outcome.timeline().start(3), "B's write (step 2) starts after A's unpin (step 3)");
    }

    // ---- pin-balance ----

    @Test
    void releasingAFollPinHandleWithPutPageIsAPinBalanceViolation() {
        assertVerdicts("pin-balance", "refuse-longterm", "file f pages=1\nA: p = pin_user_pages(f, 0, 1, FOLL_WRITE)\nA: put_page(p)\n");
    }

    @Test
    void unpinningAFollGetHandleUnderflowsTheRefcount() {
        assertVerdicts("pin-balance,kernel-bug", "refuse-longterm", "file f pages=1\nA: p = get_user_pages(f, 0, 1, FOLL_WRITE)\nA: unpin_user_pages(p)\n");
    }

    @Test
    void balancedPinsThroughTruncateAndExitAreQuiet() {
        assertVerdicts("ok", "bounce-pinned", "file f pages=2\nA: p = pin_user_pages(f, 0, 2, FOLL_WRITE)\nB: truncate(f, 0)\n"
                + "dev: dma_write(p, 0, 8192)\nA: exit()\nB: q = pin_user_pages(f, 0, 1, 0)\n");
    }

    // ---- kernel-bug ----

    @Test
    void writebackOfADirtyPageWithoutBuffersIsABugThatKillsTheTask() {
        Probe r = Probe.run("gup-2018", "file f pages=1\nA: p = get_user_pages(f, 0, 1, FOLL_WRITE)\nA: writeback(f)\nreclaim()\n"
                + "A: set_page_dirty_lock(p)\nB: fsync(f)\nB: write(f, 0, 1)\n");
        assertEquals(EnumSet.of(Verdict.KERNEL_BUG), r.outcome.verdicts());
        assertTrue(r.outcome.timeline().killed(4), "the fsync that hit the BUG never returns");
        assertTrue(r.outcome.timeline().dropped(5), "the task's later line is dropped");
        assertTrue(r.outcome.findings().stream().anyMatch(f -> f.explanation().startsWith("kernel BUG: ext4_writepage")));
    }

    @Test
    void pinTrackingKeepsTheBuffersSoNoKernelBug() {
        assertVerdicts("ok", "refuse-longterm", "file f pages=1\nA: p = pin_user_pages(f, 0, 1, FOLL_WRITE)\nA: writeback(f)\nreclaim()\n"
                + "A: unpin_user_pages_dirty_lock(p, true)\nB: fsync(f)\n");
    }
}
