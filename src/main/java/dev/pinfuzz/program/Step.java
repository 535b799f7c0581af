package dev.pinfuzz.program;

/**
 * One line of a program: {@code [TASK:] [HANDLE =] CALL(ARGS)}. {@code task} is -1 for
 * {@code crash()}; {@code handle} is the handle a GUP defines, else -1.
 */
public record Step(int task, int handle, Op op) {
    public Call call() {
        return op.call();
    }
}
