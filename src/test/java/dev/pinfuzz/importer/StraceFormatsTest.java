package dev.pinfuzz.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Logs recorded with more strace options than -f -tt -T -x -y import like the log they vary. */
class StraceFormatsTest {
    private static final String LOG = "c_mmap_odirect_rw";
    private static final String STAMP = "^19818 (\\d\\d:\\d\\d:\\d\\d\\.\\d+) ";

    /** The corpus log with each line changed by {@code edit}, imported: its steps, after its problems were checked. */
    private static List<String> variant(UnaryOperator<String> edit, String appended) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (String line : Files.readAllLines(Corpus.STRACE.resolve(LOG + ".strace"))) sb.append(edit.apply(line)).append('\n');
        Importer.Result r = Importer.run("v.strace", (sb + appended).getBytes(StandardCharsets.UTF_8), Corpus.CORPUS_STEPS);
        assertEquals(List.of(), r.problems(), "the variant has problems");
        assertTrue(r.trace().contains(" 0 signals, "), "a line was counted as a signal:\n" + r.trace().lines().limit(3).toList());
        return Corpus.steps(r.trace());
    }

    private static List<String> original() {
        return Corpus.steps(Corpus.imported(LOG).trace());
    }

    @Test
    void relativeTimestampsWithLeadingSpacesAndNoPidAreRead() throws Exception {
        List<String> s = variant(l -> l.replaceFirst(STAMP, "     0.000495 "), "");
        assertEquals(original().stream().map(x -> x.replace("P19818", "P0")).toList(), s, "-r without -f");
    }

    @Test
    void instructionPointersAndSyscallNumbersAreSkipped() throws Exception {
        assertEquals(original(), variant(l -> l.replaceFirst(STAMP, l.contains("+++") ? "19818 $1 [????????????????] " : "19818 $1 [00007f2f89b0e8a7] "), ""),
                "-i (strace cannot place an exit: all '?')");
        assertEquals(original(), variant(l -> l.replaceFirst(STAMP, "19818 $1 [ 17] "), ""), "-n");
        assertEquals(original(), variant(l -> l.replaceFirst(STAMP, "19818<c_mmap_odirect> $1 "), ""), "-Y");
    }

    @Test
    void stackTraceLinesBelongToTheCallAbove() throws Exception {
        assertEquals(original(), variant(l -> l + "\n > /usr/lib/x86_64-linux-gnu/libc.so.6(__pread64+0x17) [0x10e8a7]"
                + "\n > /data/bin/c_mmap_odirect_rw(main+0x2f) [0x1234]", ""), "-k");
    }

    @Test
    void theSummaryTableAtTheEndIsNeitherAProblemNorASignal() throws Exception {
        String table = """
                % time     seconds  usecs/call     calls    errors syscall
                ------ ----------- ----------- --------- --------- ----------------
                 45.00    0.000045           4        10           pwrite64
                 55.00    0.000055           5        11         1 pread64
                ------ ----------- ----------- --------- --------- ----------------
                100.00    0.000100           4        21         1 total
                """;
        assertEquals(original(), variant(l -> l, table), "-C");
    }

    @Test
    void anExecveByAThreadGoesOnUnderTheLeadersPid() throws Exception {
        Importer.Result r = Importer.run("t.strace", """
                500 10:00:00.1 openat(AT_FDCWD</data>, "f.dat", O_RDWR|O_CREAT, 0644) = 3</data/f.dat>
                500 10:00:00.2 clone3({flags=CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD, exit_signal=0}, 88) = 501
                501 10:00:00.3 pwrite64(3</data/f.dat>, "a", 1, 0) = 1
                501 10:00:00.4 execve("/usr/bin/true", ["true"], 0x7ffd /* 20 vars */ <unfinished ...>
                500 10:00:00.5 futex(0x7f, FUTEX_WAIT_PRIVATE, 0, NULL <unfinished ...>
                500 10:00:00.6 +++ superseded by execve in pid 501 +++
                500 10:00:00.7 <... execve resumed>) = 0 <0.000100>
                500 10:00:00.8 pwrite64(3</data/f.dat>, "b", 1, 4096) = 1
                500 10:00:00.9 read(0</dev/pts/0>,  <detached ...>
                """.getBytes(StandardCharsets.UTF_8), 2000);
        assertEquals(List.of(), r.problems(), "superseded and detached lines are strace's, not problems");
        assertEquals(List.of("P501: write(f.dat, 0, 1)", "P501: write(f.dat, 4096, 1)"), Corpus.steps(r.trace()),
                "the thread that ran execve keeps its task under pid 500");
    }

    @Test
    void xVerboseEnumerationsPrintedAsANumberAndTheirNameInACommentAreReadByName() throws Exception {
        Importer.Result r = Importer.run("x.strace", """
                300 io_uring_setup(8, {flags=0, sq_entries=8, cq_entries=16}) = 3<anon_inode:[io_uring]>
                300 openat(AT_FDCWD</d>, "/dev/shm/buf", 0x42 /* O_RDWR|O_CREAT */, 0644) = 4</dev/shm/buf>
                300 ftruncate(4</dev/shm/buf>, 16384) = 0
                300 mmap(NULL, 16384, 0x3 /* PROT_READ|PROT_WRITE */, 0x1 /* MAP_SHARED */, 4</dev/shm/buf>, 0) = 0x7f0000000000
                300 io_uring_register(3<anon_inode:[io_uring]>, 0 /* IORING_REGISTER_BUFFERS */, [{iov_base=0x7f0000000000, iov_len=16384}], 1) = 0
                300 io_uring_register(3<anon_inode:[io_uring]>, 0x1 /* IORING_UNREGISTER_BUFFERS */, NULL, 0) = 0
                """.getBytes(StandardCharsets.UTF_8), Corpus.CORPUS_STEPS);
        assertEquals(List.of(), r.problems());
        assertEquals(List.of("P300: truncate(buf, 16384)", "P300: h1 = pin_user_pages(buf, 0, 4, FOLL_WRITE|FOLL_LONGTERM)",
                "P300: unpin_user_pages_dirty_lock(h1, true)"), Corpus.steps(r.trace()), "-X verbose: 0 /* IORING_REGISTER_BUFFERS */");
    }

    @Test
    void aLogCapturedFromStderrHasStracesAttachNoticeCutOutOfTheLineItInterrupted() throws Exception {
        String log = """
                100 openat(AT_FDCWD</d>, "s.dat", O_RDONLY|O_DIRECT) = 3</d/s.dat>
                100 openat(AT_FDCWD</d>, "m.dat", O_RDWR) = 4</d/m.dat>
                100 mmap(NULL, 8192, PROT_READ|PROT_WRITE, MAP_SHARED, 4</d/m.dat>, 0) = 0x7f0000000000
                100 clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD%s
                , child_tidptr=0x7f4a1c683a10) = 101
                [pid   101] write(99</dev/null>, "# buf=0x7f0000001000", 20) = 20
                [pid   101] pread64(3</d/s.dat>, "aaaaaaaa"..., 4096, 0) = 4096
                strace: Process 101 detached
                """;
        Importer.Result r = Importer.run("e.strace", log.formatted("strace: Process 101 attached").getBytes(StandardCharsets.UTF_8), Corpus.CORPUS_STEPS);
        assertEquals(List.of(), r.problems());
        assertEquals(List.of("P101: h1 = pin_user_pages(m.dat, 1, 1, FOLL_WRITE)", "dev: dma_write(h1, 0, 4096)",
                "P101: unpin_user_pages_dirty_lock(h1, true)"), Corpus.steps(r.trace()), "the child inherits the mapping its clone made");
    }

    @Test
    void xRawNumericFlagsAreReportedOnceSinceTheyAreNotDecoded() throws Exception {
        Importer.Result r = Importer.run("r.strace", """
                200 openat(-100</d>, "s.dat", 0x4000) = 3</d/s.dat>
                200 openat(-100</d>, "m.dat", 0x242, 0644) = 4</d/m.dat>
                """.getBytes(StandardCharsets.UTF_8), Corpus.CORPUS_STEPS);
        assertEquals(List.of("r.strace:1:31: openat: flags printed as a number (strace -X raw?): flags are not decoded, "
                + "so O_DIRECT, MAP_SHARED, MS_SYNC and the like are not seen in this log"), r.problems().stream().map(x -> x.format("r.strace")).toList());
    }
}
