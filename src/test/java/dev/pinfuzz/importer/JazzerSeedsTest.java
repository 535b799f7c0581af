package dev.pinfuzz.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinfuzz.gen.ProgramDecoder;
import dev.pinfuzz.gen.ProgramEncoder;
import dev.pinfuzz.policy.Policies;
import dev.pinfuzz.program.Call;
import dev.pinfuzz.program.FileDecl;
import dev.pinfuzz.program.Op;
import dev.pinfuzz.program.Program;
import dev.pinfuzz.program.Step;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** The imported programs of corpus/strace as Jazzer inputs: windows projected into the decoder's space. */
class JazzerSeedsTest {
    /** The built-in policies, those corpus/jazzer has (other tests register more in this JVM). */
    static final List<String> POLICIES = List.of("gup-2018", "wait-on-pin", "skip-pinned", "bounce-pinned", "refuse-longterm", "fail-fsync");

    private static final Map<String, List<JazzerSeeds.Input>> INPUTS = new ConcurrentHashMap<>();

    private static List<JazzerSeeds.Input> inputs(String log) {
        return INPUTS.computeIfAbsent(log, n -> {
            List<JazzerSeeds.Input> in = new ArrayList<>();
            for (String policy : POLICIES) in.addAll(JazzerSeeds.of(Corpus.imported(n).program(), policy));
            return in;
        });
    }

    @Test
    void everyWindowOfEveryLogProjectsForEveryPolicyIntoTheDecodersSpaceAndDecodesBackToItself() {
        int windows = 0;
        for (String log : Corpus.names()) {
            Program p = Corpus.imported(log).program();
            for (int[] w : JazzerSeeds.windows(p))
                for (String policy : POLICIES) {
                    Program q = Projection.of(p, w[0], w[1], Policies.get(policy).tracksPins(), policy);
                    if (q == null) continue;
                    String where = log + " steps " + w[0] + ".." + w[1] + " for " + policy;
                    assertTrue(q.size() <= 64 && q.files().size() <= 3, where);
                    for (FileDecl f : q.files()) assertTrue(f.pages() <= 8, where + ": " + f);
                    byte[] b;
                    try {
                        b = ProgramEncoder.encode(q);
                    } catch (IllegalArgumentException e) {
                        throw new AssertionError(where + ": the encoder refuses it: " + e.getMessage());
                    }
                    assertEquals(q, ProgramDecoder.decode(policy, b), where);
                    windows++;
                }
        }
        assertTrue(windows > 100, "only " + windows + " projected windows");
    }

    private static Set<Call> calls(Program p) {
        Set<Call> s = new HashSet<>();
        for (Step st : p.steps()) s.add(st.call());
        return s;
    }

    @Test
    void theInputsOfTheODirectIntoMmapLogsPinDmaWriteAndReleaseDirty() {
        for (String log : List.of("fio_psync_mmapshared_randrw_fsync", "c_mmap_odirect_rw", "fio_libaio_mmapshared_bssplit_fdatasync"))
            for (String policy : POLICIES) {
                List<JazzerSeeds.Input> in = inputs(log).stream().filter(i -> i.policy().equals(policy)).toList();
                assertFalse(in.isEmpty(), log + ": no input for " + policy);
                boolean pin = Policies.get(policy).tracksPins();
                for (JazzerSeeds.Input i : in) {
                    Set<Call> c = calls(i.program());
                    String what = log + " " + policy + " steps " + i.from() + ".." + i.to() + ":\n" + i.program();
                    assertTrue(c.contains(pin ? Call.PIN_USER_PAGES : Call.GET_USER_PAGES), what);
                    assertTrue(c.contains(Call.DMA_WRITE), what);
                    assertTrue(pin ? i.program().steps().stream().anyMatch(s -> s.op() instanceof Op.Release r && r.dirty())
                            : c.contains(Call.SET_PAGE_DIRTY_LOCK) && c.contains(Call.PUT_PAGE), what);
                }
            }
    }

    @Test
    void eachLogGivesAHandfulOfDistinctInputsPerPolicyAndFollGetOnlyLogsOnlyGup2018() {
        for (String log : Corpus.names()) {
            Set<String> names = new HashSet<>();
            for (String policy : POLICIES) {
                long n = inputs(log).stream().filter(i -> i.policy().equals(policy)).count();
                assertTrue(n <= JazzerSeeds.PER_POLICY, log + " " + policy + ": " + n);
                boolean vmsplice = log.equals("c_vmsplice_filemap"); // vmsplice takes FOLL_GET references, never pins
                assertEquals(vmsplice && Policies.get(policy).tracksPins(), n == 0, log + " " + policy + ": " + n + " inputs");
            }
            for (JazzerSeeds.Input i : inputs(log)) assertTrue(names.add(i.policy() + "/" + i.name()), log + ": twice " + i.name());
        }
    }

    @Test
    void corpusJazzerHoldsTheProjectedInputsOfEveryLog() {
        List<String> missing = new ArrayList<>();
        for (String log : Corpus.names())
            for (JazzerSeeds.Input i : inputs(log)) {
                Path f = Path.of("corpus", "jazzer", i.policy(), i.name());
                if (!Files.isRegularFile(f)) missing.add(log + " -> " + f);
            }
        assertTrue(missing.isEmpty(), missing.size() + " projected inputs are not in corpus/jazzer, e.g. " + missing.subList(0, Math.min(3, missing.size()))
                + "; regenerate with ./pinfuzz import --corpus corpus/imported --jazzer-dir corpus/jazzer corpus/strace/*.strace");
    }
}
