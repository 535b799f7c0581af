package dev.pinfuzz.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How the bench table writes figures and lays out its columns. */
final class FormatTest {
    @Test
    void timesReadInMillisecondsBelowASecondInSecondsAboveAndCappedRunsAsTheCap() {
        assertEquals("0.42 ms", Format.millis(0.4234, "> 60 s"));
        assertEquals("123 ms", Format.millis(123.4, "> 60 s"));
        assertEquals("5.1 s", Format.millis(5123, "> 60 s"));
        assertEquals("> 60 s", Format.millis(Double.POSITIVE_INFINITY, "> 60 s"));
        assertEquals("-", Format.millis(Double.NaN, "> 60 s"));
    }

    @Test
    void aSpreadIsTheMedianOfTheRunsThenTheirMaximumAndACappedRunCountsAsInfinite() {
        List<Hit> hits = List.of(new Hit(1, 10, 1, 5, 3), new Hit(2, 30, 3, 5, 3), Hit.capped(3, 100), new Hit(4, 20, 2, 5, 3));
        Spread s = Spread.of(hits, Hit::millis);
        assertEquals(25, s.median(), 1e-9, "the mean of the two middle runs");
        assertEquals(3, s.found());
        assertEquals("25 ms / > 60 s", Format.spread(s, "> 60 s"));
        Spread most = Spread.of(List.of(Hit.capped(1, 0), Hit.capped(2, 0), new Hit(3, 1, 1, 1, 1)), Hit::millis);
        assertEquals("> 60 s / > 60 s", Format.spread(most, "> 60 s"));
    }

    @Test
    void ratiosOfMediansTreatACappedSideAsInfiniteAndAreUnknownWhenBothAre() {
        assertEquals("2.50x", Format.ratio(Spread.ratio(5, 2)));
        assertEquals("40x", Format.ratio(Spread.ratio(400, 10)));
        assertEquals("0.0034x", Format.ratio(Spread.ratio(17, 5000)));
        assertEquals("0x", Format.ratio(Spread.ratio(5, Double.POSITIVE_INFINITY)));
        assertEquals("inf", Format.ratio(Spread.ratio(Double.POSITIVE_INFINITY, 2)));
        assertEquals("-", Format.ratio(Spread.ratio(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY)));
    }

    @Test
    void aTableLeftAlignsItsFirstColumnRightAlignsTheFiguresAndUnderlinesItsHeader() {
        String t = new TextTable("Title", "policy", "exec/s").row("gup-2018", "12,345").row("empty", "7").toString();
        assertEquals("""
                Title
                policy    exec/s
                ----------------
                gup-2018  12,345
                empty          7
                """, t);
    }

    @Test
    void aRowWithTheWrongNumberOfCellsIsRejected() {
        TextTable t = new TextTable("T", "a", "b");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> t.row("only one")).getMessage().contains("1 cells for 2 columns"));
    }
}
