package dev.pinfuzz.campaign;

import java.util.Arrays;
import java.util.List;

/**
 * What libFuzzer counts as new coverage in a policy target. Both modes instrument the policies'
 * bytecode, so a policy being prototyped has its own branches covered.
 */
public enum Coverage {
    /**
     * The model's folio states ({@code dev.pinfuzz.coverage.StateFeatures}) plus the policies'
     * bytecode edges. The default: measured at the same commit (BENCHMARKS.md) it ran 1.2-2.1x
     * the executions per second of {@link #MODEL}, needed 1.5-2.3x fewer executions to each
     * canary cell's first finding, and found each 1.3-2.0x sooner.
     */
    STATES("states", List.of("dev.pinfuzz.policy.**")),
    /** Bytecode edges of the simulated mm core and the policies: what Jazzer does by itself. */
    MODEL("model", List.of("dev.pinfuzz.mm.**", "dev.pinfuzz.policy.**"));

    private final String spelling;
    private final List<String> instrumented;

    Coverage(String spelling, List<String> instrumented) {
        this.spelling = spelling;
        this.instrumented = instrumented;
    }

    /** The name on the command line and in {@code -Dpinfuzz.coverage}. */
    public String spelling() {
        return spelling;
    }

    /** Jazzer's {@code --instrumentation_includes} for this mode. */
    public List<String> instrumented() {
        return instrumented;
    }

    /** The mode spelled {@code s}, or null. */
    public static Coverage parse(String s) {
        for (Coverage c : values()) if (c.spelling.equals(s)) return c;
        return null;
    }

    /** What is wrong with {@code --coverage s} (one line naming the modes), or null when it names one. */
    public static String problem(String s) {
        if (parse(s) != null) return null;
        return "unknown --coverage '" + s + "' (known: " + String.join(", ", Arrays.stream(values()).map(Coverage::spelling).toList()) + ")";
    }
}
