package dev.pinfuzz.importer;

import java.util.List;

/**
 * A complete system call: one strace line, or an {@code <unfinished ...>} line joined with its
 * {@code <... NAME resumed>} line.
 *
 * @param line where the call starts
 * @param endLine where its result was printed (== line unless resumed)
 * @param argsCol the column {@code argText} would start at on {@code endLine}: the columns of a resumed
 *     call's second half are right there, those of its first half are mapped back by {@link #problem}
 * @param text the call as one line, for comments in the output
 * @param headCol where the first half's arguments start on {@code line}
 * @param headLength how many characters of {@code argText} come from {@code line} (0 unless resumed)
 */
record Syscall(int line, int endLine, int pid, String name, String argText, int argsCol, Long ret,
               String retPath, String errno, String text, int headCol, int headLength) {
    /** A call printed on one line. */
    Syscall(int line, int pid, String name, String argText, int argsCol, Long ret, String retPath, String errno, String text) {
        this(line, line, pid, name, argText, argsCol, ret, retPath, errno, text, argsCol, 0);
    }

    /** A problem in the arguments, at the line and column where strace printed the offending text. */
    Problem problem(SyntaxError err) {
        return problemAt(err.column - argsCol, err.getMessage());
    }

    /** A problem {@code offset} characters into {@code argText}, placed on the line that printed them. */
    Problem problemAt(int offset, String message) {
        if (offset >= 0 && offset < headLength) return new Problem(line, headCol + offset, name + ": " + message);
        return new Problem(endLine, argsCol + offset, name + ": " + message);
    }

    /** The decoded arguments. */
    List<Value> args() throws SyntaxError {
        return ArgParser.parse(argText, argsCol);
    }

    boolean failed() {
        return errno != null || (ret != null && ret < 0);
    }

    /** Failed with anything but EFAULT: the kernel refused before it touched user memory (pinned nothing). */
    boolean refusedBeforeMemory() {
        return failed() && !"EFAULT".equals(errno);
    }

    /** The return value, or {@code dflt} when strace printed {@code ?}. */
    long ret(long dflt) {
        return ret == null ? dflt : ret;
    }

    /** {@code L12} or {@code L12-14} for a resumed call. */
    String where() {
        return endLine == line ? "L" + line : "L" + line + "-" + endLine;
    }
}
