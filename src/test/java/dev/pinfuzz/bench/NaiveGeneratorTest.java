package dev.pinfuzz.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.pinfuzz.gen.Generator;
import dev.pinfuzz.gen.WellFormed;
import dev.pinfuzz.policy.Policies;
import dev.pinfuzz.program.BadInputException;
import dev.pinfuzz.program.Call;
import dev.pinfuzz.program.FileDecl;
import dev.pinfuzz.program.Program;
import dev.pinfuzz.program.TraceParser;
import dev.pinfuzz.program.TraceWriter;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The naive baseline: valid, well-formed programs over every call of the policy's API, uniform arguments. */
final class NaiveGeneratorTest {
    private static final int PER_POLICY = 1500;

    @Test
    void everyNaiveProgramPrintsAndParsesBackToItselfAndIsWellFormed() {
        for (String policy : Policies.names()) {
            NaiveGenerator g = new NaiveGenerator(policy, 11);
            for (int i = 0; i < PER_POLICY; i++) {
                Program p = g.program(i);
                String text = TraceWriter.print(p);
                try {
                    assertEquals(p, TraceParser.parse("naive", text), () -> "print then parse changed the program:\n" + text);
                } catch (BadInputException e) {
                    fail("the parser rejects a naive program: " + e.getMessage() + "\n" + text);
                }
                assertNull(WellFormed.violation(p, policy), () -> "not well-formed under " + policy + ":\n" + text);
                assertTrue(p.size() >= 1 && p.size() <= Generator.MAX_LENGTH, "length " + p.size());
            }
        }
    }

    @Test
    void programsReachEveryCallOfThePolicysApiAndNoneOfTheOtherEra() {
        Set<Call> pin = EnumSet.allOf(Call.class), get = EnumSet.allOf(Call.class);
        pin.removeAll(EnumSet.of(Call.GET_USER_PAGES, Call.PUT_PAGE, Call.SET_PAGE_DIRTY_LOCK));
        get.removeAll(EnumSet.of(Call.PIN_USER_PAGES, Call.UNPIN_USER_PAGES, Call.UNPIN_USER_PAGES_DIRTY_LOCK,
                Call.PUT_USER_PAGE, Call.PUT_USER_PAGES_DIRTY_LOCK));
        assertEquals(pin, calls("skip-pinned"));
        assertEquals(get, calls("gup-2018"));
    }

    private static Set<Call> calls(String policy) {
        Set<Call> seen = EnumSet.noneOf(Call.class);
        NaiveGenerator g = new NaiveGenerator(policy, 5);
        for (int i = 0; i < 2000; i++) g.program(i).steps().forEach(s -> seen.add(s.call()));
        return seen;
    }

    @Test
    void filesSpanTheWholeValidRangeOfPagesWithoutFavouringSmallOnes() {
        NaiveGenerator g = new NaiveGenerator("bounce-pinned", 3);
        int big = 0, max = 0;
        for (int i = 0; i < 2000; i++)
            for (FileDecl f : g.program(i).files()) {
                if (f.pages() > 32) big++;
                max = Math.max(max, f.pages());
            }
        assertEquals(FileDecl.MAX_PAGES, max);
        assertTrue(big > 1000, "about half the files have more than 32 pages, found " + big);
    }

    @Test
    void aSeedGivesTheSameProgramsEveryTimeAndTheNextSeedOthers() {
        NaiveGenerator a = new NaiveGenerator("wait-on-pin", 7), b = new NaiveGenerator("wait-on-pin", 7);
        NaiveGenerator next = new NaiveGenerator("wait-on-pin", 8);
        int same = 0;
        for (int i = 0; i < 50; i++) {
            assertEquals(a.program(i), b.program(i));
            if (a.program(i + 1).steps().equals(next.program(i).steps())) same++;
        }
        assertNotEquals(a.program(0), next.program(0));
        assertEquals(0, same, "seed 8 is not seed 7 shifted by one program");
    }
}
