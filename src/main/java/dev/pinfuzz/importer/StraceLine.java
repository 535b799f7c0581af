package dev.pinfuzz.importer;

/**
 * One line of {@code strace -f -tt -T -x -y} output, split but not yet interpreted.
 *
 * @param kind what the line is
 * @param pid the task ({@code 0} when strace printed no pid)
 * @param name the system call (CALL, UNFINISHED, RESUMED), else null
 * @param args the argument text: all of it (CALL), the part before {@code <unfinished ...>}
 *     (UNFINISHED), the part after {@code resumed>} up to the closing parenthesis (RESUMED)
 * @param argsCol 1-based column where {@code args} starts
 * @param ret the return value ({@code ret == null} for {@code ?})
 * @param retPath the {@code -y} path of a returned file descriptor, else null
 * @param errno the error name ({@code EFAULT}) when the call failed, else null
 * @param exitCode for EXIT: the status, or -1 when killed by a signal; for SUPERSEDED: the pid of
 *     the thread whose {@code execve} took over this pid ({@code +++ superseded by execve in pid N +++})
 */
record StraceLine(Kind kind, int pid, String name, String args, int argsCol, Long ret, String retPath,
                  String errno, int exitCode) {
    enum Kind { CALL, UNFINISHED, RESUMED, SIGNAL, EXIT, SUPERSEDED, INFO }

    static StraceLine info(int pid) {
        return new StraceLine(Kind.INFO, pid, null, null, 0, null, null, null, 0);
    }
}
