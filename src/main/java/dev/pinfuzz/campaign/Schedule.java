package dev.pinfuzz.campaign;

/**
 * How a wall-clock budget is shared. {@code jobs} processes run at once; each pays a JVM and
 * Jazzer start-up before it fuzzes and a merge run after, so those are taken out of its share:
 * a campaign of budget B ends after about B seconds (plus triage).
 */
public final class Schedule {
    /** Seconds a Jazzer process needs before its first execution (JVM, agent, instrumentation). */
    static final int STARTUP = 6;

    private Schedule() {}

    /** Fuzzing seconds for the empty target: a short, fixed share, enough for a steady exec/s. */
    public static int emptySeconds(int budget) {
        return Math.max(3, Math.min(15, budget / 20));
    }

    /**
     * Fuzzing seconds for each of {@code targets} policy targets when {@code jobs} run at once,
     * after the empty target (if any) took its share.
     */
    public static int policySeconds(int budget, int jobs, int targets, boolean empty, boolean merge) {
        return (int) Math.max(1, Math.floor(shareOf(budget, jobs, targets, empty, merge)));
    }

    /**
     * The smallest budget whose share gives every policy target a second of fuzzing. Below it each
     * still fuzzes 1 s, and start-up and merging make the campaign outlast its budget.
     */
    public static int minimumBudget(int jobs, int targets, boolean empty, boolean merge) {
        int b = 1;
        while (shareOf(b, jobs, targets, empty, merge) < 1) b++;
        return b;
    }

    private static double shareOf(int budget, int jobs, int targets, boolean empty, boolean merge) {
        double coreSeconds = (double) budget * Math.max(1, jobs) - (empty ? emptySeconds(budget) + STARTUP : 0);
        return coreSeconds / Math.max(1, targets) - STARTUP - (merge ? STARTUP : 0);
    }
}
