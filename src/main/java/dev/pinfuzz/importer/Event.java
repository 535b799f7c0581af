package dev.pinfuzz.importer;

/** What the reader hands on, in log order: complete calls and task exits. */
sealed interface Event {
    int line();

    /** A complete system call. */
    record Call(Syscall call) implements Event {
        public int line() { return call.endLine(); }
    }

    /** {@code +++ exited with N +++} or {@code +++ killed by SIG +++}. */
    record Exit(int line, int pid, int code) implements Event {}

    /**
     * {@code +++ superseded by execve in pid FORMER +++}: thread {@code former}'s execve ended the
     * thread group leader {@code pid}, and the thread goes on under the leader's pid.
     */
    record Superseded(int line, int pid, int former) implements Event {}
}
