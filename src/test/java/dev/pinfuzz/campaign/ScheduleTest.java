package dev.pinfuzz.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Sharing a budget: the processes' fuzzing, start-ups and merges fit in the wall-clock budget. */
final class ScheduleTest {
    @Test
    void sixPoliciesAndTheEmptyTargetOnTwoCoresFitInThreeMinutes() {
        int budget = 180, jobs = 2;
        int each = Schedule.policySeconds(budget, jobs, 6, true, true);
        double coreSeconds = 6 * (each + 2 * Schedule.STARTUP) + Schedule.emptySeconds(budget) + Schedule.STARTUP;
        assertTrue(coreSeconds <= budget * jobs, () -> coreSeconds + " core-seconds > " + budget * jobs);
        assertTrue(each >= 40, "each policy still fuzzes for " + each + " s");
    }

    @Test
    void aTinyBudgetStillFuzzesEveryTargetForASecond() {
        assertEquals(1, Schedule.policySeconds(4, 1, 6, true, true));
        assertEquals(3, Schedule.emptySeconds(4));
    }

    @Test
    void moreCoresGiveEachPolicyMoreTime() {
        assertTrue(Schedule.policySeconds(120, 4, 6, true, false) > Schedule.policySeconds(120, 2, 6, true, false));
    }
}
