package dev.pinfuzz.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.pinfuzz.program.BadInputException;
import dev.pinfuzz.program.TraceParser;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every log of corpus/strace imports into a valid program that shows what the log did. */
class ImportedLogsTest {
    /** What each log's program must contain, from the log's .md (calls of interest, fsync points). */
    private static final Map<String, Set<String>> MUST = Map.ofEntries(
            Map.entry("c_mmap_odirect_rw", Set.of("pin_user_pages", "dma_write", "unpin_user_pages_dirty_lock", "store", "fsync", "fdatasync", "msync", "sync_file_range", "truncate")),
            Map.entry("c_process_vm_filemap", Set.of("pin_user_pages", "dma_write", "store", "fsync", "msync")),
            Map.entry("c_uring_fixedbufs", Set.of("pin_user_pages", "dma_write", "FOLL_LONGTERM", "fsync", "fdatasync", "msync")),
            Map.entry("c_vmsplice_filemap", Set.of("get_user_pages", "put_page", "store", "fsync", "fdatasync", "msync", "truncate")),
            Map.entry("dd_odirect_conv_fsync", Set.of("pin_user_pages", "unpin_user_pages", "fsync")),
            Map.entry("fio_iouring_fixedbufs_ext4_refused_vs_shm", Set.of("pin_user_pages", "FOLL_LONGTERM")),
            Map.entry("fio_libaio_mmapshared_bssplit_fdatasync", Set.of("pin_user_pages", "dma_write", "fdatasync")),
            Map.entry("fio_psync_mmapshared_randrw_fsync", Set.of("pin_user_pages", "dma_write", "fsync")),
            Map.entry("fio_pvsync2_mmapprivate_dsync", Set.of("pin_user_pages", "dma_write", "fdatasync")),
            Map.entry("pg15_wal_odirect_checkpoint", Set.of("pin_user_pages", "fsync", "fdatasync", "sync_file_range")),
            Map.entry("sqlite_delete_journal", Set.of("write", "fdatasync")),
            Map.entry("sqlite_wal_mmap", Set.of("write", "fdatasync")));

    @Test
    void everyLogOfTheCorpusHasItsExpectations() {
        assertEquals(MUST.keySet(), Set.copyOf(Corpus.names()), "corpus/strace and this test's table list different logs");
    }

    @TestFactory
    Stream<DynamicTest> eachLogImportsWithoutProblemsIntoAProgramTheParserAccepts() {
        return Corpus.names().stream().map(n -> dynamicTest(n, () -> {
            Importer.Result r = Corpus.imported(n);
            assertEquals(List.of(), r.problems(), n + ": a real strace log should have no malformed line");
            try {
                TraceParser.parse(n, r.trace());
            } catch (BadInputException e) {
                throw new AssertionError(n + ": the imported trace is rejected: " + e.getMessage());
            }
            assertTrue(r.trace().contains("\npolicy refuse-longterm\n"), n + ": no policy refuse-longterm line");
            assertTrue(Corpus.steps(r.trace()).size() <= Corpus.CORPUS_STEPS, n + ": more steps than --max-steps");
        }));
    }

    @TestFactory
    Stream<DynamicTest> eachProgramShowsThePinsDmaAndSyncsItsLogRecorded() {
        return Corpus.names().stream().map(n -> dynamicTest(n, () -> {
            String steps = String.join("\n", Corpus.steps(Corpus.imported(n).trace()));
            for (String call : MUST.get(n))
                assertTrue(steps.contains(call + (call.startsWith("FOLL") ? "" : "(")),
                        n + ": the program has no " + call + " although the log shows one");
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyStepSaysWhichLogLineItCameFrom() {
        return Corpus.names().stream().map(n -> dynamicTest(n, () -> {
            for (String line : Corpus.imported(n).trace().lines().toList()) {
                boolean step = !line.startsWith("#") && !line.startsWith("policy ") && !line.startsWith("file ") && !line.isBlank();
                if (step) assertTrue(line.matches(".*  # L\\d+(-\\d+)?: .*"), n + ": step without its log line: " + line);
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> theCommittedImportedCorpusIsWhatTheImporterMakesNow() {
        return Corpus.names().stream().map(n -> dynamicTest(n, () -> {
            String committed = Files.readString(Corpus.IMPORTED.resolve(n + ".trace"));
            assertEquals(committed, Corpus.imported(n).trace(), n + ": corpus/imported is stale: regenerate it with "
                    + "./pinfuzz import --corpus corpus/imported --jazzer-dir corpus/jazzer --max-steps " + Corpus.CORPUS_STEPS
                    + " corpus/strace/*.strace");
        }));
    }

    @TestFactory
    Stream<DynamicTest> theHeaderCountsTheAnswersCheckComparesEvenWhenMaxStepsCutsTheProgram() {
        return Corpus.names().stream().map(n -> dynamicTest(n, () -> {
            Importer.Result r = Corpus.imported(n);
            int compared = r.conformance().checks().size();
            String line = r.trace().lines().filter(l -> l.startsWith("# program: ")).findFirst().orElseThrow();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+) recorded answers .* compares (them|(\\d+) of them)").matcher(line);
            assertTrue(m.find(), line);
            int said = m.group(3) != null ? Integer.parseInt(m.group(3)) : Integer.parseInt(m.group(1));
            assertEquals(compared, said, n + ": the header says --check compares " + said + " answers, but it compares " + compared);
        }));
    }

    @Test
    void importingTheSameLogTwiceGivesTheSameTrace() throws Exception {
        String n = "c_uring_fixedbufs";
        byte[] log = Files.readAllBytes(Corpus.STRACE.resolve(n + ".strace"));
        assertEquals(Importer.run(Corpus.source(n), log, 400).trace(), Importer.run(Corpus.source(n), log, 400).trace());
    }

    @Test
    void aFileLargerThan64PagesIsFoldedAndSaysSo() {
        String t = Corpus.imported("c_mmap_odirect_rw").trace();
        assertTrue(t.contains("file src.dat pages=64  # /data/c_mmap_odirect_rw/src.dat, 1049576 bytes folded into 64 pages (offsets modulo 262144)"),
                "src.dat (1 MiB + 1000 B) should be folded into a 64-page window");
        assertTrue(t.contains("P19818: write(src.dat, 0, 65536)  # L40: pwrite64(3</data/c_mmap_odirect_rw/src.dat>, \"eeeeeeee\"..., 65536, 262144)"),
                "the write at 256 KiB should land at offset 0 of the window");
    }

    @Test
    void anODirectReadIntoASharedFileMappingPinsWritesAndUnpinsDirty() {
        String t = Corpus.imported("c_mmap_odirect_rw").trace();
        assertTrue(t.contains("P19818: h1 = pin_user_pages(map.dat, 4, 4, FOLL_WRITE)  # L64: pread64("), "step4 pins map.dat pages 4-7 FOLL_WRITE");
        assertTrue(t.contains("dev: dma_write(h1, 0, 16384)  # L64"), "the device writes the 16 KiB read");
        assertTrue(t.contains("P19818: unpin_user_pages_dirty_lock(h1, true)  # L64"), "the pages are unpinned dirty");
        assertTrue(t.contains("P19818: h2 = pin_user_pages(map.dat, 8, 1, FOLL_WRITE)"), "a read short at EOF (1000 B) pins only the page it filled");
    }

    @Test
    void anODirectWriteFromMappedMemoryPinsReadOnlyAndWritesTheTarget() {
        String t = Corpus.imported("c_mmap_odirect_rw").trace();
        assertTrue(t.contains("P19818: h8 = pin_user_pages(map.dat, 4, 4, 0)  # L79: pwrite64("), "step10 pins map.dat pages 4-7 read-only");
        assertTrue(t.contains("P19818: write(out.dat, 0, 16384)  # L79"), "the O_DIRECT write lands in out.dat");
        assertTrue(t.contains("P19818: unpin_user_pages(h8)  # L79"), "and the pin is released without dirtying");
    }

    @Test
    void aPrivateMappingAndAnonymousMemoryAreTmpfsStandIns() {
        String t = Corpus.imported("c_uring_fixedbufs").trace();
        assertTrue(t.contains("file fprivate pages=16 fs=tmpfs  # MAP_PRIVATE mapping of /data/c_uring_fixedbufs/bufs.dat"), "MAP_PRIVATE is a tmpfs stand-in named by the note");
        assertTrue(t.contains("file anon pages=16 fs=tmpfs"), "anonymous memory is a tmpfs stand-in");
        assertTrue(t.contains("file memfd_uringbuf pages=16 fs=tmpfs"), "a memfd is tmpfs");
        assertTrue(t.contains("file bufs.dat pages=16  #"), "the MAP_SHARED ext4 file is itself, on ext4");
    }

    @Test
    void aForkedChildsStepsRunAsItsOwnTaskAndStopAtItsExit() {
        List<String> steps = Corpus.steps(Corpus.imported("c_process_vm_filemap").trace());
        int exit = steps.indexOf("P19852: exit()");
        assertTrue(exit > 0, "the child P19852 exits");
        assertTrue(steps.stream().anyMatch(s -> s.startsWith("P19852: h") && s.contains("pin_user_pages(shared.dat")),
                "process_vm_writev pins the child's shared.dat pages in the child");
        assertFalse(steps.subList(exit + 1, steps.size()).stream().anyMatch(s -> s.startsWith("P19852:")), "no step of the child after its exit()");
    }
}
