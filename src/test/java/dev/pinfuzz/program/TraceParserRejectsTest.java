package dev.pinfuzz.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every class of bad input of DESIGN §4, each located as {@code FILE:LINE:COL: message} where COL
 * is the 1-based column at which the offending token starts.
 *
 * <p>A case is written as the lines before the offending one, the offending line, and a caret line
 * whose {@code ^} sits under the column the error must point at.
 */
class TraceParserRejectsTest {
    static final String SRC = "case.trace";
    /** Two pages: 8192 bytes. */
    static final String F = "file f pages=2\n";
    static final String PIN_W = F + "A: p = pin_user_pages(f, 0, 1, FOLL_WRITE)\n";
    static final String PIN_LONG = F + "A: p = pin_user_pages(f, 0, 1, FOLL_WRITE|FOLL_LONGTERM)\n";
    static final String GET_W = F + "A: g = get_user_pages(f, 0, 2, FOLL_WRITE)\n";

    /** One rejected program: what must be reported, where, and words the message must contain. */
    record Case(String text, int line, int col, String[] words) {}

    /**
     * @param before  the lines before the offending one (each ending in a newline)
     * @param line    the offending line
     * @param caret   spaces then {@code ^} under the offending token
     * @param words   fragments the message must contain
     */
    static Arguments bad(String sentence, String before, String line, String caret, String... words) {
        int lineNo = (int) before.chars().filter(c -> c == '\n').count() + 1;
        int col = caret.indexOf('^') + 1;
        if (col == 0 || !caret.substring(0, col - 1).isBlank()) throw new IllegalArgumentException("bad caret in " + sentence);
        return Arguments.of(Named.of(sentence, new Case(before + line + "\n", lineNo, col, words)));
    }

    /** For errors that point at no token of a step line (e.g. the whole file). */
    static Arguments badAt(String sentence, String text, int line, int col, String... words) {
        return Arguments.of(Named.of(sentence, new Case(text, line, col, words)));
    }

    static Stream<Arguments> syntaxErrors() {
        return Stream.of(
                bad("a call without '(' is rejected at the token that follows the call name", F,
                        "A: write f, 0, 1)",
                        "         ^", "expected '(' after write", "'f'"),
                bad("a call without '(' at the end of the line is rejected just after the call name", F,
                        "A: exit",
                        "       ^", "expected '('"),
                bad("an argument list without ')' is rejected just after its last token", F,
                        "A: write(f, 0, 1",
                        "                ^", "expected ')'"),
                bad("a missing ')' before a comment is rejected just after the last token", F,
                        "A: write(f, 0, 1   # forgot it",
                        "                ^", "expected ')'"),
                bad("trailing garbage after ')' is rejected at the garbage", F,
                        "A: write(f, 0, 1) x",
                        "                  ^", "unexpected 'x' after ')'"),
                bad("two calls on one line are rejected at the second call", F,
                        "A: write(f, 0, 1) store(f, 0, 1)",
                        "                  ^", "unexpected 'store' after ')'"),
                bad("a stray ';' at the end of a step is rejected at the ';'", F,
                        "A: write(f, 0, 1);",
                        "                 ^", "unexpected character ';'"),
                bad("a stray '@' inside a name is rejected at the '@'", F,
                        "A: write(f@, 0, 1)",
                        "          ^", "unexpected character '@'"),
                bad("a stray '+' before a number is rejected at the '+'", F,
                        "A: write(f, +1, 1)",
                        "            ^", "unexpected character '+'"),
                bad("a stray non-ASCII symbol is rejected at the symbol", F,
                        "A: exit() \u2713",
                        "          ^", "unexpected character '\u2713'"),
                bad("a stray character outside the Basic Multilingual Plane is rejected at its column", F,
                        "A: exit() \uD83D\uDE00",
                        "          ^", "unexpected character '\uD83D\uDE00'"),
                bad("a control character is rejected and shown escaped", F,
                        "A: exit()\u0007",
                        "         ^", "unexpected character '\\u0007'"),
                bad("an empty first argument is rejected at the ',' that follows it", F,
                        "A: write(, 0, 1)",
                        "         ^", "expected an argument before ','"),
                bad("an empty middle argument is rejected at the ',' that follows it", F,
                        "A: write(f, , 1)",
                        "            ^", "expected an argument before ','"),
                bad("an empty last argument is rejected at the ')'", F,
                        "A: write(f, 0, )",
                        "               ^", "expected an argument before ')'"),
                bad("two tokens in one argument are rejected at the second token", F,
                        "A: write(f g, 0, 1)",
                        "           ^", "unexpected 'g'"),
                bad("too few arguments are rejected at the call name", F,
                        "A: write(f, 0)",
                        "   ^", "write takes 3 arguments", "found 2"),
                bad("too many arguments are rejected at the first extra argument", F,
                        "A: write(f, 0, 1, 2)",
                        "                  ^", "write takes 3 arguments", "found 4"),
                bad("an argument to exit() is rejected at the argument", F,
                        "A: exit(f)",
                        "        ^", "exit takes 0 arguments"),
                bad("sync() with a file is rejected at the file", F,
                        "A: sync(f)",
                        "        ^", "sync takes 0 arguments"),
                bad("fsync() without a file is rejected at the call name", F,
                        "A: fsync()",
                        "   ^", "fsync takes 1 argument", "found 0"),
                bad("unpin_user_pages_dirty_lock without its dirty flag is rejected at the call name", PIN_W,
                        "A: unpin_user_pages_dirty_lock(p)",
                        "   ^", "takes 2 arguments"),
                bad("a dirty flag that is not true or false is rejected at the flag", PIN_W,
                        "A: unpin_user_pages_dirty_lock(p, 1)",
                        "                                  ^", "expected true or false"),
                bad("a task prefix without a call is rejected at the end of the line", F,
                        "A:",
                        "  ^", "expected a call"),
                bad("a handle without a call is rejected at the end of the line", F,
                        "A: p =",
                        "      ^", "expected a call"),
                bad("a number where the task name goes is rejected at the number", F,
                        "1: exit()",
                        "^", "expected a task name"),
                bad("a number where the handle name goes is rejected at the number", F,
                        "A: 1 = pin_user_pages(f, 0, 1, 0)",
                        "   ^", "expected a handle name"),
                bad("'(' inside an argument list is rejected at the '('", F,
                        "A: write(f(0), 0, 1)",
                        "          ^", "unexpected '('"),
                bad("two flags without '|' are rejected at the second flag", F,
                        "A: p = pin_user_pages(f, 0, 1, FOLL_WRITE FOLL_LONGTERM)",
                        "                                          ^", "expected '|' between flags"),
                bad("a dangling '|' is rejected just after it", F,
                        "A: p = pin_user_pages(f, 0, 1, FOLL_WRITE|)",
                        "                                          ^", "expected a flag after '|'"),
                bad("a file line without pages= is rejected after the file name", "",
                        "file f fs=ext4",
                        "      ^", "file f needs pages=N"),
                bad("a file attribute without '=' is rejected at the attribute", "",
                        "file f pages 2",
                        "       ^", "expected '=' after 'pages'"),
                bad("an unknown file attribute is rejected at the attribute", "",
                        "file f pages=2 size=4",
                        "               ^", "unknown file attribute 'size'"),
                bad("a file line without a name is rejected just after 'file'", "",
                        "file",
                        "    ^", "expected a file name"),
                bad("a second policy line is rejected at 'policy'", "policy skip-pinned\n",
                        "policy bounce-pinned",
                        "^", "policy given twice", "line 1"),
                bad("a policy line with two names is rejected at the second", "",
                        "policy skip-pinned bounce-pinned",
                        "                   ^", "unexpected 'bounce-pinned'"),
                bad("a second expect line is rejected at 'expect'", F + "expect ok\n",
                        "expect durability",
                        "^", "expect given twice", "line 2"),
                bad("'ok' combined with another verdict is rejected at the verdict that conflicts", F,
                        "expect ok,durability",
                        "          ^", "'ok' cannot be combined"),
                bad("a trailing ',' in an expect line is rejected just after it", F,
                        "expect durability,",
                        "                  ^", "expected a verdict after ','"),
                bad("verdicts separated by spaces are rejected at the second verdict", F,
                        "expect durability liveness",
                        "                  ^", "expected ','"));
    }

    static Stream<Arguments> missingFileLine() {
        return Stream.of(
                badAt("an empty trace has no file line", "", 1, 1, "no file line"),
                badAt("a trace of comments and a policy has no file line", "# nothing\npolicy skip-pinned\n", 1, 1, "no file line"),
                bad("a step before any file line is rejected at its line", "policy skip-pinned\n# comment\n",
                        "A: write(f, 0, 1)",
                        "^", "no file line"),
                bad("a step with the task prefix omitted before any file line is rejected at its line", "\n",
                        "exit()",
                        "^", "no file line"));
    }

    static Stream<Arguments> outsideTheFile() {
        return Stream.of(
                bad("a write that runs past the end of the file is rejected at its length", F,
                        "A: write(f, 8000, 193)",
                        "                  ^", "past the end of file f", "8192 bytes"),
                bad("a write that starts past the end of the file is rejected at its offset", F,
                        "A: write(f, 8193, 0)",
                        "            ^", "offset 8193", "0..8192"),
                bad("a write longer than the file is rejected at its length", F,
                        "A: write(f, 0, 8193)",
                        "               ^", "length 8193", "0..8192"),
                bad("a store that runs past the end of the file is rejected at its length", F,
                        "B: store(f, 4096, 4097)",
                        "                  ^", "past the end of file f"),
                bad("a store that starts past the end of the file is rejected at its offset", F,
                        "B: store(f, 10000, 1)",
                        "            ^", "offset 10000"),
                bad("a truncate past the declared size is rejected at its size", F,
                        "A: truncate(f, 8193)",
                        "               ^", "size 8193", "0..8192"),
                bad("a GUP of a page past the end of the file is rejected at its page", F,
                        "A: p = pin_user_pages(f, 2, 1, 0)",
                        "                         ^", "page 2", "0..1"),
                bad("a GUP range that runs past the end of the file is rejected at its page count", F,
                        "A: p = get_user_pages(f, 1, 2, 0)",
                        "                            ^", "pages 1..2", "past the end of file f", "2 pages"),
                bad("a GUP of more pages than the file has is rejected at its page count", F,
                        "A: p = pin_user_pages(f, 0, 3, 0)",
                        "                            ^", "nr 3", "1..2"),
                bad("a GUP of zero pages is rejected at its page count", F,
                        "A: p = pin_user_pages(f, 0, 0, 0)",
                        "                            ^", "nr 0", "1..2"),
                bad("a dma_write past the end of its handle's pages is rejected at its length, even inside the file",
                        F + "A: p = pin_user_pages(f, 0, 1, FOLL_WRITE)\n",
                        "dev: dma_write(p, 4000, 97)",
                        "                        ^", "past the end of handle p", "1 page = 4096 bytes"),
                bad("a dma_write starting past its handle's pages is rejected at its offset", PIN_W,
                        "dev: dma_write(p, 5000, 1)",
                        "                  ^", "offset 5000", "0..4096"),
                bad("a dma_write past a two-page handle is rejected at its length", GET_W,
                        "dev: dma_write(g, 8191, 2)",
                        "                        ^", "past the end of handle g", "2 pages = 8192 bytes"));
    }

    static Stream<Arguments> unknownNames() {
        return Stream.of(
                bad("an unknown call is rejected at its name", F,
                        "A: frobnicate(f)",
                        "   ^", "unknown call 'frobnicate'"),
                bad("an unknown call with the task prefix omitted is rejected at its name", F,
                        "mmap(f)",
                        "^", "unknown call 'mmap'"),
                bad("an unknown flag is rejected at the flag", F,
                        "A: p = pin_user_pages(f, 0, 1, FOLL_WRITE|FOLL_FORCE)",
                        "                                          ^", "unknown flag 'FOLL_FORCE'"),
                bad("numeric flags other than 0 are rejected at the number", F,
                        "A: p = pin_user_pages(f, 0, 1, 1)",
                        "                               ^", "flags must be 0 or FOLL_WRITE, FOLL_LONGTERM"),
                bad("an unknown policy is rejected at its name and the known ones are listed", "",
                        "policy lazy-writeback",
                        "       ^", "unknown policy 'lazy-writeback'", "skip-pinned", "refuse-longterm"),
                bad("an unknown verdict is rejected at the verdict", F,
                        "expect durabilty",
                        "       ^", "unknown verdict 'durabilty'"),
                bad("an unknown second verdict is rejected at that verdict", F,
                        "expect durability,slow",
                        "                  ^", "unknown verdict 'slow'"),
                bad("an unknown file is rejected at its name", F,
                        "A: write(g, 0, 1)",
                        "         ^", "unknown file 'g'"),
                bad("an unknown file in fsync is rejected at its name", F,
                        "B: fsync(data)",
                        "         ^", "unknown file 'data'"),
                bad("an unknown file system is rejected at its name", "",
                        "file f pages=1 fs=xfs",
                        "                  ^", "unknown file system 'xfs'"),
                bad("an unknown handle is rejected at its name", F,
                        "A: unpin_user_pages(q)",
                        "                    ^", "unknown handle 'q'"),
                bad("a file name where a handle goes is an unknown handle", F,
                        "dev: dma_write(f, 0, 1)",
                        "               ^", "unknown handle 'f'"),
                bad("a handle name where a file goes is an unknown file", PIN_W,
                        "A: write(p, 0, 1)",
                        "         ^", "unknown file 'p'"));
    }

    static Stream<Arguments> definedTwice() {
        return Stream.of(
                bad("a file declared twice is rejected at the second name", "file f pages=1\n",
                        "file f pages=2",
                        "     ^", "file f is defined twice"),
                bad("a handle defined twice is rejected at the second definition", PIN_W,
                        "B: p = pin_user_pages(f, 1, 1, 0)",
                        "   ^", "handle p is defined twice"),
                bad("a handle name reused after its release is still defined twice", PIN_W + "A: unpin_user_pages(p)\n",
                        "A: p = pin_user_pages(f, 0, 1, 0)",
                        "   ^", "handle p is defined twice"),
                bad("a handle name reused after a crash is still defined twice", PIN_W + "crash()\n",
                        "A: p = get_user_pages(f, 0, 1, 0)",
                        "   ^", "handle p is defined twice"));
    }

    static Stream<Arguments> deadHandles() {
        return Stream.of(
                bad("a dma_write after unpin_user_pages is rejected at the handle", PIN_W + "A: unpin_user_pages(p)\n",
                        "dev: dma_write(p, 0, 1)",
                        "               ^", "handle p", "after its release at line 3"),
                bad("a second unpin is rejected at the handle", PIN_W + "B: unpin_user_pages_dirty_lock(p, true)\n",
                        "A: unpin_user_pages(p)",
                        "                    ^", "handle p", "after its release at line 3"),
                bad("a put_user_page after put_user_pages_dirty_lock is rejected at the handle",
                        PIN_W + "A: put_user_pages_dirty_lock(p)\n",
                        "A: put_user_page(p)",
                        "                 ^", "after its release at line 3"),
                bad("set_page_dirty_lock after put_page is rejected at the handle", GET_W + "A: put_page(g)\n",
                        "A: set_page_dirty_lock(g)",
                        "                       ^", "handle g", "after its release at line 3"),
                bad("a dma_write after put_page is rejected at the handle", GET_W + "A: put_page(g)\n",
                        "dev: dma_write(g, 0, 1)",
                        "               ^", "after its release at line 3"),
                bad("a handle released by its owner's exit() cannot be unpinned by another task",
                        PIN_W + "A: exit()\n",
                        "B: unpin_user_pages(p)",
                        "                    ^", "handle p", "exit() of task A at line 3"),
                bad("a handle released by its owner's exit() cannot be written by the device",
                        PIN_W + "A: exit()\n",
                        "dev: dma_write(p, 0, 1)",
                        "               ^", "handle p", "exit() of task A at line 3"),
                bad("a handle taken before a crash() cannot be unpinned after it", PIN_W + "crash()\n",
                        "A: unpin_user_pages(p)",
                        "                    ^", "handle p", "before the crash() at line 3"),
                bad("a handle taken before a crash() cannot be written by the device after it", PIN_W + "crash()\n",
                        "dev: dma_write(p, 0, 1)",
                        "               ^", "before the crash() at line 3"),
                bad("a handle taken two crashes ago is rejected at the handle",
                        PIN_W + "crash()\nB: exit()\ncrash()\n",
                        "B: put_page(p)",
                        "            ^", "handle p", "crash()"));
    }

    static Stream<Arguments> exitedTasks() {
        return Stream.of(
                bad("a step of a task after its exit() is rejected at the task name", F + "A: exit()\n",
                        "A: write(f, 0, 1)",
                        "^", "task A exited at line 2"),
                bad("a step with the prefix omitted after task A's exit() is rejected at the call", F + "exit()\n",
                        "write(f, 0, 1)",
                        "^", "task A exited at line 2"),
                bad("an exited task stays exited while other tasks run", F + "A: exit()\nB: write(f, 0, 1)\n",
                        "A: store(f, 0, 1)",
                        "^", "task A exited at line 2"),
                bad("a second exit() of a task is rejected", F + "dev: exit()\n",
                        "dev: exit()",
                        "^", "task dev exited at line 2"),
                bad("a task that exits again after a crash() is rejected before the next crash()",
                        F + "A: exit()\ncrash()\nA: exit()\n",
                        "A: write(f, 0, 1)",
                        "^", "task A exited at line 4"));
    }

    static Stream<Arguments> dmaWithoutWrite() {
        return Stream.of(
                bad("a dma_write through a long-term pin without FOLL_WRITE is rejected at the handle",
                        F + "A: p = pin_user_pages(f, 0, 1, FOLL_LONGTERM)\n",
                        "dev: dma_write(p, 0, 1)",
                        "               ^", "without FOLL_WRITE", "line 2"),
                bad("a dma_write through a get_user_pages handle with flags 0 is rejected at the handle",
                        F + "A: g = get_user_pages(f, 0, 1, 0)\n",
                        "dev: dma_write(g, 0, 1)",
                        "               ^", "without FOLL_WRITE"));
    }

    static Stream<Arguments> badNumbers() {
        return Stream.of(
                bad("a number with a letter suffix is malformed", F,
                        "A: write(f, 12x, 1)",
                        "            ^", "malformed number '12x'"),
                bad("a hexadecimal number is malformed", F,
                        "A: write(f, 0, 0x10)",
                        "               ^", "malformed number '0x10'"),
                bad("a decimal fraction is malformed", F,
                        "A: truncate(f, 1.5)",
                        "               ^", "malformed number '1.5'"),
                bad("a negative offset is out of range", F,
                        "A: write(f, -1, 1)",
                        "            ^", "offset -1", "out of range"),
                bad("a negative length is out of range", F,
                        "A: store(f, 0, -4096)",
                        "               ^", "length -4096", "out of range"),
                bad("a huge number is out of range rather than overflowing", F,
                        "A: write(f, 99999999999999999999, 1)",
                        "            ^", "offset 99999999999999999999", "out of range"),
                bad("a number just past 32 bits is out of range", F,
                        "A: write(f, 4294967296, 1)",
                        "            ^", "offset 4294967296", "out of range"),
                bad("a word where a number goes is rejected", F,
                        "A: write(f, zero, 1)",
                        "            ^", "expected a number for offset", "'zero'"),
                bad("pages=0 is out of range", "",
                        "file f pages=0",
                        "             ^", "pages 0", "1..64"),
                bad("pages=65 is out of range", "",
                        "file f pages=65",
                        "             ^", "pages 65", "1..64"),
                bad("a negative page count is out of range", "",
                        "file f pages=-1",
                        "             ^", "pages -1", "1..64"),
                bad("a huge page count is out of range", "",
                        "file f pages=18446744073709551617",
                        "             ^", "out of range"),
                bad("a malformed page count is rejected", "",
                        "file f pages=2k",
                        "             ^", "malformed number '2k'"),
                bad("a negative GUP page is out of range", F,
                        "A: p = pin_user_pages(f, -1, 1, 0)",
                        "                         ^", "page -1", "out of range"));
    }

    static Stream<Arguments> misplacedLines() {
        return Stream.of(
                bad("a policy line after the first step is rejected at 'policy'", F + "A: write(f, 0, 1)\n",
                        "policy skip-pinned",
                        "^", "'policy' must come before the first step"),
                bad("a file line after the first step is rejected at 'file'", F + "A: write(f, 0, 1)\n",
                        "file g pages=1",
                        "^", "'file' lines must come before the first step"),
                bad("crash() with a task prefix is rejected at the task", F,
                        "A: crash()",
                        "^", "crash() belongs to no task"),
                bad("crash() with a device task prefix is rejected at the task", F + "A: write(f, 0, 1)\n",
                        "dev: crash()",
                        "^", "crash() belongs to no task"),
                bad("pin_user_pages without a handle is rejected at the call", F,
                        "A: pin_user_pages(f, 0, 1, FOLL_WRITE)",
                        "   ^", "pin_user_pages returns a handle"),
                bad("get_user_pages without a handle and task prefix is rejected at the call", F,
                        "get_user_pages(f, 0, 1, 0)",
                        "^", "get_user_pages returns a handle"),
                bad("a handle on write is rejected at the handle", F,
                        "A: h = write(f, 0, 1)",
                        "   ^", "only get_user_pages and pin_user_pages return a handle"),
                bad("a handle on crash() is rejected at the handle", F,
                        "h = crash()",
                        "^", "only get_user_pages and pin_user_pages return a handle"),
                bad("a handle on an unpin is rejected at the new handle", PIN_W,
                        "A: q = unpin_user_pages(p)",
                        "   ^", "only get_user_pages and pin_user_pages return a handle"));
    }

    private static void assertRejected(Case c) {
        BadInputException e = assertThrows(BadInputException.class,
                () -> TraceParser.parse(SRC, c.text().getBytes(StandardCharsets.UTF_8)),
                () -> "expected this trace to be rejected:\n" + c.text());
        String where = SRC + ":" + c.line() + ":" + c.col() + ": ";
        assertTrue(e.getMessage().startsWith(where),
                () -> "expected the error at " + where + " but got: " + e.getMessage() + "\nfor:\n" + c.text());
        assertEquals(SRC, e.source(), "expected the source name in the exception");
        assertEquals(c.line(), e.line(), "expected the line of the offending token");
        assertEquals(c.col(), e.column(), "expected the column of the offending token");
        for (String w : c.words())
            assertTrue(e.reason().contains(w),
                    () -> "expected the message to mention \"" + w + "\" but it was: " + e.reason());
    }

    @DisplayName("syntax errors are rejected at the offending token")
    @ParameterizedTest(name = "{0}")
    @MethodSource("syntaxErrors")
    void syntaxErrorsAreRejected(Case c) {
        assertRejected(c);
    }

    @DisplayName("a trace without a file line is rejected")
    @ParameterizedTest(name = "{0}")
    @MethodSource("missingFileLine")
    void aTraceWithoutAFileLineIsRejected(Case c) {
        assertRejected(c);
    }

    @DisplayName("offsets, lengths and page ranges outside the file or handle are rejected")
    @ParameterizedTest(name = "{0}")
    @MethodSource("outsideTheFile")
    void rangesOutsideTheFileAreRejected(Case c) {
        assertRejected(c);
    }

    @DisplayName("unknown calls, flags, policies, verdicts, files and handles are rejected")
    @ParameterizedTest(name = "{0}")
    @MethodSource("unknownNames")
    void unknownNamesAreRejected(Case c) {
        assertRejected(c);
    }

    @DisplayName("file and handle names defined twice are rejected")
    @ParameterizedTest(name = "{0}")
    @MethodSource("definedTwice")
    void namesDefinedTwiceAreRejected(Case c) {
        assertRejected(c);
    }

    @DisplayName("handles used after their release or across a crash() are rejected")
    @ParameterizedTest(name = "{0}")
    @MethodSource("deadHandles")
    void deadHandlesAreRejected(Case c) {
        assertRejected(c);
    }

    @DisplayName("steps of a task after its exit() are rejected")
    @ParameterizedTest(name = "{0}")
    @MethodSource("exitedTasks")
    void stepsAfterExitAreRejected(Case c) {
        assertRejected(c);
    }

    @DisplayName("a dma_write through a handle taken without FOLL_WRITE is rejected")
    @ParameterizedTest(name = "{0}")
    @MethodSource("dmaWithoutWrite")
    void dmaWithoutFollWriteIsRejected(Case c) {
        assertRejected(c);
    }

    @DisplayName("malformed and out-of-range numbers are rejected")
    @ParameterizedTest(name = "{0}")
    @MethodSource("badNumbers")
    void badNumbersAreRejected(Case c) {
        assertRejected(c);
    }

    @DisplayName("misplaced header lines, task prefixes and handles are rejected")
    @ParameterizedTest(name = "{0}")
    @MethodSource("misplacedLines")
    void misplacedPartsAreRejected(Case c) {
        assertRejected(c);
    }
}
