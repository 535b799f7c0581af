package dev.pinfuzz.importer;

import java.util.List;

/**
 * A complete system call: one strace line, or an {@code <unfinished ...>} line joined with its
 * {@code <... NAME resumed>} line.
 *
 * @param line where the call starts
 * @param endLine where its result was printed (== line unless resumed)
 * @param text the call as one line, for comments in the output
 */
record Syscall(int line, int endLine, int pid, String name, String argText, int argsCol, Long ret,
               String retPath, String errno, String text) {
    /** The decoded arguments. */
    List<Value> args() throws SyntaxError {
        return ArgParser.parse(argText, argsCol);
    }

    boolean failed() {
        return errno != null || (ret != null && ret < 0);
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
