package dev.pinfuzz.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinfuzz.program.Verdict;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The canary matrix of DESIGN §3, and how a campaign's findings are read against it. */
final class CanaryMatrixRowsTest {
    @Test
    void theRowsAreThoseOfTheDesign() {
        assertEquals(EnumSet.of(Verdict.DURABILITY, Verdict.KERNEL_BUG), CanaryMatrix.expected("gup-2018"));
        assertEquals(EnumSet.of(Verdict.LIVENESS), CanaryMatrix.expected("wait-on-pin"));
        assertEquals(EnumSet.of(Verdict.DURABILITY), CanaryMatrix.expected("skip-pinned"));
        for (String clean : new String[] {"bounce-pinned", "refuse-longterm", "fail-fsync", "a-new-policy"})
            assertEquals(Set.of(), CanaryMatrix.expected(clean), clean);
    }

    @Test
    void aRowHoldsOnlyWhenEveryExpectedVerdictAndNothingElseWasFound() {
        assertTrue(CanaryMatrix.holds("gup-2018", EnumSet.of(Verdict.DURABILITY, Verdict.KERNEL_BUG)));
        assertFalse(CanaryMatrix.holds("gup-2018", EnumSet.of(Verdict.DURABILITY)));
        assertEquals(EnumSet.of(Verdict.KERNEL_BUG), CanaryMatrix.missed("gup-2018", EnumSet.of(Verdict.DURABILITY)));
        assertFalse(CanaryMatrix.holds("skip-pinned", EnumSet.of(Verdict.DURABILITY, Verdict.LIVENESS)));
        assertEquals(EnumSet.of(Verdict.LIVENESS), CanaryMatrix.violations("skip-pinned", EnumSet.of(Verdict.DURABILITY, Verdict.LIVENESS)));
        assertTrue(CanaryMatrix.holds("fail-fsync", EnumSet.noneOf(Verdict.class)));
        assertFalse(CanaryMatrix.holds("fail-fsync", EnumSet.of(Verdict.PIN_BALANCE)));
    }
}
