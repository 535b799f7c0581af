package dev.pinfuzz.program;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Invalid UTF-8 is bad input, located at the character column where the bad sequence starts. */
class TraceParserUtf8Test {
    static final String SRC = "utf8.trace";

    /** Concatenates text (as UTF-8) and raw byte values given as ints. */
    static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object p : parts) {
            if (p instanceof String s) out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
            else out.write((Integer) p);
        }
        return out.toByteArray();
    }

    record Case(byte[] bytes, int line, int col, String word) {}

    static Arguments bad(String sentence, byte[] bytes, int line, int col, String word) {
        return Arguments.of(Named.of(sentence, new Case(bytes, line, col, word)));
    }

    static Stream<Arguments> invalidUtf8() {
        return Stream.of(
                bad("a 0xff byte in the middle of a step is rejected at its column",
                        bytes("file f pages=2\nA: write(f, 0, ", 0xff, "1)\n"), 2, 16, "0xff"),
                bad("a 0xfe byte at the start of a line is rejected at column 1",
                        bytes("file f pages=2\n", 0xfe, "A: exit()\n"), 2, 1, "0xfe"),
                bad("a lone continuation byte is rejected at its column",
                        bytes("file f", 0x80, " pages=2\n"), 1, 7, "0x80"),
                bad("an overlong two-byte encoding of '/' is rejected at its first byte",
                        bytes("file f pages=2\nA: exit() # ", 0xc0, 0xaf, "\n"), 2, 13, "0xc0"),
                bad("an overlong three-byte encoding is rejected at its first byte",
                        bytes("file f pages=2\n# ", 0xe0, 0x80, 0xaf, "\n"), 2, 3, "0xe0"),
                bad("an encoded UTF-16 surrogate is rejected at its first byte",
                        bytes("file f pages=2\n# ", 0xed, 0xa0, 0x80, "\n"), 2, 3, "0xed"),
                bad("a code point above U+10FFFF is rejected at its first byte",
                        bytes("file f pages=2\n# ", 0xf4, 0x90, 0x80, 0x80, "\n"), 2, 3, "0xf4"),
                bad("a sequence cut short inside a line is rejected at its first byte",
                        bytes("file f pages=2\n# ", 0xc3, " x\n"), 2, 3, "0xc3"),
                bad("a sequence truncated at the end of the file is rejected at its first byte",
                        bytes("file f pages=2\nA: exit() # ", 0xe2, 0x82), 2, 13, "0xe2"),
                bad("a four-byte sequence truncated at the end of the file is rejected at its first byte",
                        bytes("file f pages=2\n", 0xf0, 0x9f, 0x98), 2, 1, "0xf0"),
                bad("the column counts characters, not bytes, before the bad byte",
                        bytes("file f pages=2\n# \u00e9\u00e9\u00e9 ", 0xff, "\n"), 2, 7, "0xff"),
                bad("the column counts a character outside the BMP as one",
                        bytes("file f pages=2\n# \uD83D\uDE00 ", 0xff, "\n"), 2, 5, "0xff"),
                bad("a byte-order mark does not count as a column",
                        bytes(0xef, 0xbb, 0xbf, "file", 0xff, " f pages=2\n"), 1, 5, "0xff"),
                bad("invalid UTF-8 on a later line is reported on that line even after CRLF lines",
                        bytes("file f pages=2\r\nA: exit()\r\n\r\n# ", 0xff, "\r\n"), 4, 3, "0xff"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidUtf8")
    void invalidUtf8IsRejected(Case c) {
        BadInputException e = assertThrows(BadInputException.class, () -> TraceParser.parse(SRC, c.bytes()),
                "expected invalid UTF-8 to be rejected");
        String where = SRC + ":" + c.line() + ":" + c.col() + ": ";
        assertTrue(e.getMessage().startsWith(where), () -> "expected the error at " + where + " but got: " + e.getMessage());
        assertTrue(e.reason().contains("invalid UTF-8"), () -> "expected the message to say invalid UTF-8: " + e.reason());
        assertTrue(e.reason().contains(c.word()), () -> "expected the message to name the byte " + c.word() + ": " + e.reason());
    }

    @Test
    void validMultiByteCharactersInCommentsAreAccepted() {
        assertDoesNotThrow(() -> TraceParser.parse(SRC,
                bytes("# caf\u00e9 \u2014 \uD83D\uDE00\nfile f pages=2 # \u00fcber\nA: exit() # \u4e2d\u6587\n")),
                "expected well-formed multi-byte UTF-8 in comments to be accepted");
    }

    @Test
    void aByteOrderMarkAtTheStartIsAccepted() throws BadInputException {
        Program p = TraceParser.parse(SRC, bytes(0xef, 0xbb, 0xbf, "file f pages=2\nA: exit()\n"));
        assertEquals("f", p.files().get(0).name(), "expected the BOM not to become part of the first token");
    }

    @Test
    void invalidUtf8InsideACommentIsStillRejected() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> TraceParser.parse(SRC, bytes("file f pages=1 # ", 0xff, "\n")),
                "expected invalid UTF-8 in a comment to be rejected: the whole file must be UTF-8");
        assertEquals(1, e.line(), "expected line 1");
        assertEquals(18, e.column(), "expected the column of the bad byte inside the comment");
    }

    @Test
    void aMistakeOnALineBeforeTheBadByteIsReportedFirstAsTheFileReads() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> TraceParser.parse(SRC, bytes("file f pages=1\nA: write(f, 0\n# ", 0xff, "\n")));
        assertEquals(2, e.line(), () -> "the unclosed write on line 2 comes before the bad byte on line 3: " + e.getMessage());
        BadInputException later = assertThrows(BadInputException.class,
                () -> TraceParser.parse(SRC, bytes("file f pages=1\n# ", 0xff, "\nA: write(f, 0\n")));
        assertEquals(2, later.line(), () -> "the bad byte on line 2 comes before the mistake on line 3: " + later.getMessage());
        assertTrue(later.reason().contains("invalid UTF-8"), later::reason);
        BadInputException sameLine = assertThrows(BadInputException.class,
                () -> TraceParser.parse(SRC, bytes("file f pages=1\nA: wrte(f, 0, 1) # ", 0xff, "\n")));
        assertEquals("utf8.trace:2:4: unknown call 'wrte'", sameLine.getMessage().substring(0, Math.min(35, sameLine.getMessage().length())),
                "the unknown call at column 4 comes before the bad byte at column 20 of the same line");
        BadInputException byteFirst = assertThrows(BadInputException.class,
                () -> TraceParser.parse(SRC, bytes("file f pages=1\nA: write(f, ", 0xff, ", 1, 2)\n")));
        assertTrue(byteFirst.reason().contains("invalid UTF-8"), "the bad byte comes first on its line: " + byteFirst.getMessage());
    }
}
