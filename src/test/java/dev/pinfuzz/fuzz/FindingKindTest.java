package dev.pinfuzz.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinfuzz.gen.ProgramDecoder;
import dev.pinfuzz.oracle.Finding;
import dev.pinfuzz.oracle.Judge;
import dev.pinfuzz.policy.Policies;
import dev.pinfuzz.program.Program;
import dev.pinfuzz.program.Verdict;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The hand scanner names the same kinds as the regular expression it replaced, over ASCII
 * explanations (decoded programs name everything in ASCII).
 */
class FindingKindTest {
    /** The words an explanation uses for what went wrong. */
    private static final List<String> KEYWORDS = List.of("initial zeros", "deadlock", "livelock", "waits for the release",
            "leaked", "underflow", "overflow", "BUG", "WARNING", "suspended", "exit");

    /** The definition of a kind's tokens, as the target first computed them. */
    private static final Pattern TOKEN = Pattern.compile("\\b([a-z_]+)\\(|(" + String.join("|", KEYWORDS) + ")");

    private static String byRegex(List<Finding> findings) {
        StringBuilder sb = new StringBuilder();
        for (Finding f : findings) {
            if (sb.length() > 0) sb.append('+');
            sb.append(f.verdict().spelling());
            String last = "";
            Matcher m = TOKEN.matcher(f.explanation());
            while (m.find()) {
                String t = m.group(1) != null ? m.group(1) : m.group(2);
                t = switch (t) {
                    case "fsync", "fdatasync", "msync", "sync" -> "sync";
                    case "unpin_user_pages", "unpin_user_pages_dirty_lock", "put_user_page", "put_user_pages_dirty_lock", "put_page" -> "release";
                    default -> t.replace(' ', '_');
                };
                if (t.equals(last)) continue;
                sb.append('.').append(t);
                last = t;
            }
        }
        return sb.toString();
    }

    @Test
    void awkwardExplanationsGetTheKindTheRegularExpressionGave() {
        String[] texts = {"", "(", "fsync(", "fsync(f)", "Afsync(f) exited", "x1fsync( _a( a_(", "→fsync(f)→put_page(H)",
                "task A waits for the release of a FOLL_LONGTERM pin", "deadlock: livelock leaked underflowoverflow",
                "BUG WARNING: suspended exit() exit", "initial zerosfsync(", "line 0 (the file's initial zeros)",
                "9sync( x9( Z_a(", "sync_file_range(f) then fdatasync(g)", "exit", "exitexit(", "abc", "(exit(", "→deadlock"};
        for (String t : texts) {
            List<Finding> f = List.of(new Finding(Verdict.DURABILITY, t));
            assertEquals(byRegex(f), FindingKind.of(f), "kind of \"" + t + "\"");
        }
    }

    @Test
    void everyKeywordIsFoundAtTheStartInTheMiddleOfAWordAndAtTheEnd() {
        for (String kw : KEYWORDS)
            for (String t : new String[] {kw + " x", "ab" + kw + "cd", "x " + kw}) {
                List<Finding> f = List.of(new Finding(Verdict.LIVENESS, t));
                assertEquals(byRegex(f), FindingKind.of(f), "kind of \"" + t + "\"");
                assertTrue(FindingKind.of(f).contains(kw.replace(' ', '_')), "keyword " + kw + " in \"" + t + "\": " + FindingKind.of(f));
            }
    }

    @Test
    void everyPolicysFindingsOverRandomProgramsGetTheKindTheRegularExpressionGave() {
        Set<String> kinds = new HashSet<>();
        SplittableRandom r = new SplittableRandom(11);
        for (String policy : Policies.names()) {
            for (int i = 0; i < 1500; i++) {
                byte[] in = new byte[8 + r.nextInt(120)];
                for (int b = 0; b < in.length; b++) in[b] = (byte) r.nextInt(256);
                Program p = ProgramDecoder.decode(policy, in);
                List<Finding> f = Judge.run(p, Policies.get(policy)).firstOfEach();
                if (f.isEmpty()) continue;
                String want = byRegex(f);
                assertEquals(want, FindingKind.of(f), policy + " input " + i);
                kinds.add(want);
            }
        }
        assertTrue(kinds.size() >= 8, "random programs should show several kinds of finding, saw " + kinds);
    }
}
