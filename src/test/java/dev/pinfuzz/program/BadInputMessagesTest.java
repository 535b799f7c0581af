package dev.pinfuzz.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A bad-input message is one short line a terminal shows as it is. */
class BadInputMessagesTest {
    private static String message(String trace) {
        return assertThrows(BadInputException.class, () -> TraceParser.parse("t.trace", trace)).getMessage();
    }

    @Test
    void aMillionDigitNumberIsNamedByItsStartAndLengthNotEchoedWhole() {
        String m = message("file f pages=1\nA: write(f, 0, " + "9".repeat(1_000_000) + ")\n");
        assertEquals("t.trace:2:16: length 999999999999999999999999...(1000000 characters) is out of range (0..4096)", m);
    }

    @Test
    void charactersThatLookLikeASpaceOrLikeNothingAreShownByTheirCodePoint() {
        assertEquals("t.trace:2:12: unexpected character '\\u00a0'", message("file f pages=1\nA: write(f,\u00a00, 1)\n"));
        assertEquals("t.trace:2:12: unexpected character '\\u200b'", message("file f pages=1\nA: write(f,\u200b0, 1)\n"));
        assertEquals("t.trace:2:12: unexpected character '\\ufeff'", message("file f pages=1\nA: write(f,\ufeff0, 1)\n"));
    }

    @Test
    void shortWordsAndVisibleCharactersAreLeftAlone() {
        // The registry's names (a policy a user registers is listed too), the six built-ins first.
        assertEquals("t.trace:1:8: unknown policy 'nope-é' (known: " + String.join(", ", dev.pinfuzz.policy.Policies.names()) + ")",
                message("policy nope-é\nfile f pages=1\n"));
        assertTrue(message("policy x\nfile f pages=1\n").contains("(known: gup-2018, wait-on-pin, skip-pinned, bounce-pinned, refuse-longterm, fail-fsync"));
    }
}
