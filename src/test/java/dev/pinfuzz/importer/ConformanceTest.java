package dev.pinfuzz.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** import --check: the kernel's recorded answers to pinning calls against the model under refuse-longterm. */
class ConformanceTest {
    private static Conformance.Check at(Conformance c, String where) {
        return c.checks().stream().filter(x -> x.where().equals(where)).findFirst()
                .orElseThrow(() -> new AssertionError("no recorded answer at " + where + " in " + c.checks()));
    }

    @Test
    void ioUringRegistrationOnExt4SharedMappingIsRefusedAndOnTmpfsPrivateAndAnonAccepted() {
        Conformance c = Corpus.imported("c_uring_fixedbufs").conformance();
        assertEquals(c.checks().size(), c.predicted(), c.report("c_uring_fixedbufs"));
        assertTrue(c.outcome().ok(), "replays ok under refuse-longterm");
        // L79 anon, L83 ext4 MAP_SHARED, L86 MAP_PRIVATE, L90 memfd, L97 first page of the ext4 mapping
        assertEquals(List.of("accepted (0)", "-EFAULT", "accepted (0)", "accepted (0)", "-EFAULT"),
                List.of(at(c, "L79").kernel(), at(c, "L83").kernel(), at(c, "L86").kernel(), at(c, "L90").kernel(), at(c, "L97").kernel()));
        assertEquals("-EFAULT", at(c, "L83").model(), "FOLL_WRITE|FOLL_LONGTERM on ext4 MAP_SHARED must fail with -EFAULT");
        assertEquals("-EFAULT", at(c, "L102").model(), "BUFFERS_UPDATE with the ext4 mapping must fail too");
        assertEquals("pinned", at(c, "L104").model(), "BUFFERS_UPDATE with anon, MAP_PRIVATE and memfd is accepted");
        assertTrue(c.report("x").contains("conformance: 9/9 recorded answers predicted"), c.report("x"));
    }

    @Test
    void theReadOnlyRegistrationIsListedAsNotModelledNotGuessed() {
        Conformance c = Corpus.imported("c_uring_fixedbufs").conformance();
        assertEquals(1, c.notModelled().size(), c.report("c_uring_fixedbufs"));
        assertTrue(c.notModelled().get(0).startsWith("L94 io_uring_register"), c.notModelled().get(0));
        assertTrue(c.notModelled().get(0).contains("PROT_READ"), c.notModelled().get(0));
    }

    @Test
    void fioRegisteredBuffersAreRefusedOnExt4AndAcceptedOnTmpfs() {
        Conformance c = Corpus.imported("fio_iouring_fixedbufs_ext4_refused_vs_shm").conformance();
        assertEquals(2, c.checks().size(), c.report("fio"));
        assertEquals(2, c.predicted(), c.report("fio"));
        Conformance.Check ext4 = at(c, "L891");
        Conformance.Check shm = at(c, "L953");
        assertEquals(List.of("-EFAULT", "-EFAULT"), List.of(ext4.kernel(), ext4.model()), "job 1: iobuf.map on ext4");
        assertEquals(List.of("accepted (0)", "pinned"), List.of(shm.kernel(), shm.model()), "job 2: /dev/shm");
    }

    @Test
    void pinsPastEndOfFileFailAsTheKernelSaid() {
        Conformance c = Corpus.imported("c_mmap_odirect_rw").conformance();
        assertEquals(c.checks().size(), c.predicted(), c.report("c_mmap_odirect_rw"));
        assertEquals("-EFAULT", at(c, "L76").model(), "O_DIRECT read into map+0x38000, past EOF of map.dat");
        assertEquals("-EFAULT", at(c, "L110").model(), "O_DIRECT write from a page ftruncate cut off");
        Conformance v = Corpus.imported("c_vmsplice_filemap").conformance();
        assertEquals(v.checks().size(), v.predicted(), v.report("c_vmsplice_filemap"));
    }

    @Test
    void aMismatchIsReportedWithBothAnswers() {
        Answer a = new Answer("L7", "pread64(...)");
        a.result(-1, "EFAULT");
        a.drafts.add(0);
        Importer.Result r = Corpus.imported("dd_odirect_conv_fsync");
        // step 1 of dd's program is its first pin (step 0 truncates out.dat), which succeeds
        Conformance c = new Conformance(List.of(a), new int[] {1}, dev.pinfuzz.oracle.Judge.run(r.program(),
                dev.pinfuzz.policy.Policies.get("refuse-longterm")), List.of());
        assertEquals(0, c.predicted());
        assertTrue(c.report("dd").contains("mismatch: L7 pread64(...): kernel -EFAULT, model pinned"), c.report("dd"));
    }
}
