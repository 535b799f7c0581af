package dev.pinfuzz.run;

import dev.pinfuzz.oracle.Finding;
import dev.pinfuzz.oracle.Outcome;
import dev.pinfuzz.program.Program;
import dev.pinfuzz.program.TraceWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A finding kept as a unit test: its canonical trace (policy, files, steps, expect line) with
 * the explanation as comments, named {@code <verdict>-<policy>-<hash8>.trace} after the SHA-256
 * of the canonical text, and optionally a standalone JUnit 5 class. Everything is a function of
 * the program, so promoting the same finding twice writes the same bytes.
 */
public final class Regression {
    public static final String TRACE_DIR = "src/test/resources/regressions";
    public static final String JAVA_DIR = "src/test/java/dev/pinfuzz/regressions";

    private final Program program;
    private final Outcome outcome;
    private final String canonical;

    /** @param program a program with a policy and an expect line; @param outcome its run */
    public Regression(Program program, Outcome outcome) {
        if (program.policy() == null || program.expect() == null) throw new IllegalArgumentException("needs policy and expect lines");
        this.program = program;
        this.outcome = outcome;
        this.canonical = TraceWriter.print(program);
    }

    public String hash8() {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code durability+kernel-bug} for a set. */
    public String verdicts() {
        return TraceWriter.verdicts(program.expect()).replace(',', '+');
    }

    public String traceName() {
        return verdicts() + "-" + program.policy() + "-" + hash8() + ".trace";
    }

    /** The canonical trace, then one comment per verdict explaining it. */
    public String traceText() {
        StringBuilder sb = new StringBuilder(canonical);
        for (Finding f : outcome.firstOfEach())
            sb.append("# ").append(f.verdict().spelling()).append(": ").append(f.explanation().replace("\n", "\n#   ")).append('\n');
        return sb.toString();
    }

    /** {@code DurabilitySkipPinned1a2b3c4dTest}. */
    public String javaClass() {
        return camel(verdicts()) + camel(program.policy()) + hash8() + "Test";
    }

    public String javaText() {
        String name = traceName();
        String expect = TraceWriter.verdicts(program.expect());
        String policy = program.policy();
        StringBuilder block = new StringBuilder();
        for (String line : traceText().split("\n")) block.append("            ").append(escape(line)).append('\n');
        return "package dev.pinfuzz.regressions;\n\n"
                + "import static org.junit.jupiter.api.Assertions.assertEquals;\n"
                + "import static org.junit.jupiter.api.Assertions.assertFalse;\n\n"
                + "import dev.pinfuzz.program.TraceWriter;\n"
                + "import dev.pinfuzz.run.Replay;\n"
                + "import java.nio.charset.StandardCharsets;\n"
                + "import org.junit.jupiter.api.DisplayName;\n"
                + "import org.junit.jupiter.api.Test;\n\n"
                + "/** Promoted by {@code pinfuzz promote --java} from " + name + ". */\n"
                + "final class " + javaClass() + " {\n"
                + "    private static final String TRACE = \"\"\"\n"
                + block
                + "            \"\"\";\n\n"
                + "    @Test\n"
                + "    @DisplayName(\"" + name + " still reports " + expect + " under " + policy + "\")\n"
                + "    void stillReportsItsExpectedVerdict() {\n"
                + "        Replay.Result r = Replay.bytes(\"" + name + "\", TRACE.getBytes(StandardCharsets.UTF_8), null, null);\n"
                + "        assertFalse(r.badInput(), () -> \"the promoted trace no longer parses: \" + r.report());\n"
                + "        assertEquals(\"" + expect + "\", TraceWriter.verdicts(r.outcome().verdicts()),\n"
                + "                () -> \"under " + policy + " this program must report " + expect + ": \" + r.report());\n"
                + "    }\n"
                + "}\n";
    }

    /** Java text-block escaping: backslashes, and no closing delimiter inside. */
    private static String escape(String line) {
        return line.replace("\\", "\\\\").replace("\"\"\"", "\\\"\"\"");
    }

    /** {@code kernel-bug+durability} to {@code KernelBugDurability}: letters and digits only. */
    private static String camel(String s) {
        StringBuilder sb = new StringBuilder();
        boolean up = true;
        for (char c : s.toCharArray()) {
            if (Character.isLetterOrDigit(c) && c < 128) {
                sb.append(up ? Character.toUpperCase(c) : c);
                up = false;
            } else {
                up = true;
            }
        }
        return sb.toString();
    }
}
