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
    void theMinimumBudgetIsTheFirstThatLeavesEveryPolicyASecondAfterStartUpAndMerging() {
        int least = Schedule.minimumBudget(2, 6, true, true);
        assertEquals(44, least, "six policies and the empty target on two cores, merging: 2 x 44 core-seconds hold "
                + "7 start-ups, 6 merges, the empty target's 3 s and 6 s of fuzzing");
        assertEquals(1, Schedule.policySeconds(least, 2, 6, true, true));
        assertEquals(1, Schedule.policySeconds(least - 1, 2, 6, true, true), "below it, 1 s is only the floor");
        assertTrue(Schedule.minimumBudget(2, 6, true, false) < least, "no merges, less overhead");
        assertTrue(Schedule.minimumBudget(4, 6, true, true) < least, "more processes share the start-ups");
    }

    @Test
    void moreCoresGiveEachPolicyMoreTime() {
        assertTrue(Schedule.policySeconds(120, 4, 6, true, false) > Schedule.policySeconds(120, 2, 6, true, false));
    }
}
