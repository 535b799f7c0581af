package dev.pinfuzz.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinfuzz.program.TraceParser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The mapping of docs/import.md on small hand-written logs. */
class MappingTest {
    private static List<String> steps(String log) throws Exception {
        Importer.Result r = Importer.run("t.strace", log.getBytes(StandardCharsets.UTF_8), 2000);
        assertEquals(List.of(), r.problems(), r.trace());
        TraceParser.parse("t", r.trace());
        return Corpus.steps(r.trace());
    }

    @Test
    void anODsyncWriteIsAWriteFollowedByFdatasync() throws Exception {
        List<String> s = steps("""
                5 10:00:00.1 openat(AT_FDCWD</d>, "wal", O_RDWR|O_DSYNC) = 3</d/wal>
                5 10:00:00.2 pwrite64(3</d/wal>, "x"..., 8192, 4096) = 8192
                """);
        assertEquals(List.of("P5: write(wal, 4096, 8192)", "P5: fdatasync(wal)"), s);
    }

    @Test
    void aPwritev2WithRwfDsyncOrRwfSyncIsAWriteFollowedByFdatasyncOrFsync() throws Exception {
        List<String> s = steps("""
                7 10:00:00.1 openat(AT_FDCWD</d>, "f", O_RDWR|O_CREAT, 0644) = 3</d/f>
                7 10:00:00.2 pwritev2(3</d/f>, [{iov_base="aaaa"..., iov_len=4096}], 1, 0, RWF_DSYNC) = 4096
                7 10:00:00.3 pwritev2(3</d/f>, [{iov_base="bbbb"..., iov_len=4096}], 1, 4096, RWF_SYNC|RWF_HIPRI) = 4096
                7 10:00:00.4 pwritev2(3</d/f>, [{iov_base="cccc"..., iov_len=4096}], 1, -1, 0) = 4096
                7 10:00:00.5 preadv2(3</d/f>, [{iov_base="cccc"..., iov_len=4096}], 1, 0, RWF_HIPRI) = 4096
                """);
        assertEquals(List.of("P7: write(f, 0, 4096)", "P7: fdatasync(f)", "P7: write(f, 4096, 4096)", "P7: fsync(f)",
                "P7: write(f, 0, 4096)"), s, "RWF_DSYNC/RWF_SYNC make one write durable; without them, none is synced");
    }

    @Test
    void theFilePositionFollowsLseekAndWrites() throws Exception {
        List<String> s = steps("""
                5 10:00:00.1 openat(AT_FDCWD</d>, "f", O_WRONLY) = 3</d/f>
                5 10:00:00.2 write(3</d/f>, "ab", 2) = 2
                5 10:00:00.3 lseek(3</d/f>, 100, SEEK_SET) = 100
                5 10:00:00.4 write(3</d/f>, "cd", 2) = 2
                5 10:00:00.5 dup2(3</d/f>, 1</d/f>) = 1</d/f>
                5 10:00:00.6 write(1</d/f>, "ef", 2) = 2
                """);
        assertEquals(List.of("P5: write(f, 0, 2)", "P5: write(f, 100, 2)", "P5: write(f, 102, 2)"), s);
    }

    @Test
    void aHolePunchedToEndOfFileTruncatesDownAndBackUp() throws Exception {
        List<String> s = steps("""
                5 10:00:00.1 openat(AT_FDCWD</d>, "f", O_RDWR|O_CREAT|O_TRUNC, 0644) = 3</d/f>
                5 10:00:00.2 pwrite64(3</d/f>, "x"..., 16384, 0) = 16384
                5 10:00:00.3 fallocate(3</d/f>, FALLOC_FL_KEEP_SIZE|FALLOC_FL_PUNCH_HOLE, 8192, 8192) = 0
                5 10:00:00.4 fallocate(3</d/f>, FALLOC_FL_KEEP_SIZE|FALLOC_FL_PUNCH_HOLE, 0, 4096) = 0
                """);
        assertEquals(List.of("P5: truncate(f, 0)", "P5: write(f, 0, 16384)", "P5: truncate(f, 8192)", "P5: truncate(f, 16384)"), s,
                "a hole in the middle is not representable: a comment, no step");
    }

    @Test
    void threadsShareTheMappingsAndExitGroupEndsThemAll() throws Exception {
        List<String> s = steps("""
                5 10:00:00.1 openat(AT_FDCWD</d>, "m", O_RDWR) = 3</d/m>
                5 10:00:00.2 mmap(NULL, 8192, PROT_READ|PROT_WRITE, MAP_SHARED, 3</d/m>, 0) = 0x7f0000000000
                5 10:00:00.3 openat(AT_FDCWD</d>, "t", O_RDONLY|O_DIRECT) = 4</d/t>
                5 10:00:00.4 clone3({flags=CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD, exit_signal=0}, 88 <unfinished ...>
                6 10:00:00.5 pread64(4</d/t>, 0x7f0000001000, 4096, 0) = -1 EFAULT (Bad address)
                5 10:00:00.6 <... clone3 resumed> => {parent_tid=[6]}, 88) = 6
                6 10:00:00.7 pread64(4</d/t>, 0x7f0000001000, 4096, 0) = -1 EFAULT (Bad address)
                5 10:00:00.8 exit_group(0) = ?
                6 10:00:00.9 +++ exited with 0 +++
                5 10:00:01.0 +++ exited with 0 +++
                """);
        assertEquals(List.of("P6: h1 = pin_user_pages(m, 1, 1, FOLL_WRITE)", "P6: unpin_user_pages_dirty_lock(h1, true)", "P6: exit()"), s,
                "the thread sees its process's mapping once the clone returned; exit_group ends it");
    }

    @Test
    void fioBuffersWithoutAddressesAreTheStartOfItsIomemMapping() throws Exception {
        List<String> s = steps("""
                5 10:00:00.1 execve("/usr/bin/fio", ["fio", "job.fio"], 0x7ffe /* 3 vars */) = 0
                5 10:00:00.2 openat(AT_FDCWD</d>, "buf.map", O_RDWR|O_CREAT, 0644) = 6</d/buf.map>
                5 10:00:00.3 mmap(NULL, 12288, PROT_READ|PROT_WRITE, MAP_SHARED, 6</d/buf.map>, 0) = 0x7f0000000000
                5 10:00:00.4 openat(AT_FDCWD</d>, "target", O_RDWR|O_DIRECT) = 7</d/target>
                5 10:00:00.5 pread64(7</d/target>, "\\x00"..., 4096, 8192) = 4096
                """);
        assertEquals(List.of("P5: h1 = pin_user_pages(buf.map, 0, 1, FOLL_WRITE)", "dev: dma_write(h1, 0, 4096)",
                "P5: unpin_user_pages_dirty_lock(h1, true)"), s);
    }

    @Test
    void aRemappedMappingMovesWithItsFileOffsets() throws Exception {
        List<String> s = steps("""
                5 10:00:00.1 openat(AT_FDCWD</d>, "m", O_RDWR) = 3</d/m>
                5 10:00:00.2 mmap(NULL, 4096, PROT_READ|PROT_WRITE, MAP_SHARED, 3</d/m>, 0x2000) = 0x7f0000000000
                5 10:00:00.3 mremap(0x7f0000000000, 4096, 8192, MREMAP_MAYMOVE) = 0x7f1000000000
                5 10:00:00.4 openat(AT_FDCWD</d>, "t", O_WRONLY|O_DIRECT) = 4</d/t>
                5 10:00:00.5 pwrite64(4</d/t>, 0x7f1000001000, 4096, 0) = -1 EFAULT (Bad address)
                """);
        assertEquals(List.of("P5: h1 = pin_user_pages(m, 3, 1, 0)", "P5: unpin_user_pages(h1)"), s);
    }

    @Test
    void aLibaioCompletionIsMatchedByItsLength() throws Exception {
        List<String> s = steps("""
                5 10:00:00.1 openat(AT_FDCWD</d>, "m", O_RDWR) = 3</d/m>
                5 10:00:00.2 mmap(NULL, 16384, PROT_READ|PROT_WRITE, MAP_SHARED, 3</d/m>, 0) = 0x7f0000000000
                5 10:00:00.3 openat(AT_FDCWD</d>, "t", O_RDWR|O_DIRECT) = 4</d/t>
                5 10:00:00.4 io_submit(0x1, 2, [{aio_data=0, aio_lio_opcode=IOCB_CMD_PREAD, aio_fildes=4</d/t>, aio_buf=0x7f0000000000, aio_nbytes=512, aio_offset=0}, {aio_data=0, aio_lio_opcode=IOCB_CMD_PREAD, aio_fildes=4</d/t>, aio_buf=0x7f0000002000, aio_nbytes=4096, aio_offset=0}]) = 2
                5 10:00:00.5 io_getevents(0x1, 1, 1, [{data=0, obj=0x9, res=4096, res2=0}], NULL) = 1
                """);
        assertEquals(List.of("P5: h1 = pin_user_pages(m, 0, 1, FOLL_WRITE)", "P5: h2 = pin_user_pages(m, 2, 1, FOLL_WRITE)",
                "dev: dma_write(h2, 0, 4096)", "P5: unpin_user_pages_dirty_lock(h2, true)"), s,
                "the 4096-byte completion is the second iocb; the first stays pinned until exit");
    }

    @Test
    void aFileUnlinkedWhileOpenIsStillTheFileOpenedUnderItsPath() throws Exception {
        Importer.Result r = Importer.run("t.strace", """
                8 10:00:00.1 openat(AT_FDCWD</data>, "tmp.dat", O_RDWR|O_CREAT|O_TRUNC, 0600) = 3</data/tmp.dat>
                8 10:00:00.2 unlink("/data/tmp.dat") = 0
                8 10:00:00.3 pwrite64(3</data/tmp.dat (deleted)>, "abcd", 4, 0) = 4
                8 10:00:00.4 fsync(3</data/tmp.dat (deleted)>) = 0
                8 10:00:00.5 memfd_create("buf", MFD_CLOEXEC) = 4</memfd:buf (deleted)>
                8 10:00:00.6 pwrite64(4</memfd:buf (deleted)>, "x", 1, 0) = 1
                """.getBytes(StandardCharsets.UTF_8), 2000);
        assertEquals(List.of("P8: truncate(tmp.dat, 0)", "P8: write(tmp.dat, 0, 4)", "P8: fsync(tmp.dat)", "P8: write(memfd_buf, 0, 1)"),
                Corpus.steps(r.trace()), "'(deleted)' is no part of the name:\n" + r.trace());
        assertTrue(r.trace().contains("file memfd_buf pages=1 fs=tmpfs"), "a memfd is tmpfs, named memfd_buf:\n" + r.trace());
    }

    @Test
    void aReusedTidStartsANewTask() throws Exception {
        List<String> s = steps("""
                500 10:00:00.1 openat(AT_FDCWD</data>, "f.dat", O_RDWR|O_CREAT, 0644) = 3</data/f.dat>
                500 10:00:00.2 mmap(NULL, 8192, PROT_READ|PROT_WRITE, MAP_SHARED, 3</data/f.dat>, 0) = 0x7f1000000000
                500 10:00:00.2 mmap(NULL, 65536, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7f0000000000
                500 10:00:00.3 clone(child_stack=0x7f0000001000, flags=CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD) = 501
                501 10:00:00.4 pwrite64(3</data/f.dat>, "a", 1, 0) = 1
                501 10:00:00.5 exit(0) = ?
                501 10:00:00.6 +++ exited with 0 +++
                500 10:00:00.7 clone(child_stack=0x7f0000002000, flags=CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD) = 501
                501 10:00:00.8 pwrite64(3</data/f.dat>, "bbbb", 4, 4096) = 4
                501 10:00:00.9 fsync(3</data/f.dat>) = 0
                501 10:00:01.0 exit(0) = ?
                501 10:00:01.1 +++ exited with 0 +++
                502 10:00:01.2 +++ exited with 0 +++
                502 10:00:01.3 pwrite64(3</data/f.dat>, "c", 1, 0) = 1
                """);
        assertEquals(List.of("P501: write(f.dat, 0, 1)", "P501: exit()", "P501_2: write(f.dat, 4096, 4)", "P501_2: fsync(f.dat)",
                "P501_2: exit()", "P502_2: write(f.dat, 0, 1)"), s,
                "the second thread 501 is a task of its own, and so is a pid seen after its '+++ exited' line");
    }

    @Test
    void aThreadThatRunsAndEndsBeforeItsCloneReturnsIsThatClonesChild() throws Exception {
        List<String> s = steps("""
                100 10:00:00.1 openat(AT_FDCWD</data>, "f.dat", O_RDWR|O_CREAT, 0644) = 3</data/f.dat>
                100 10:00:00.2 clone(child_stack=0x7f0000001000, flags=CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD <unfinished ...>
                101 10:00:00.3 openat(AT_FDCWD</data>, "g.dat", O_RDWR|O_CREAT, 0644) = 4</data/g.dat>
                101 10:00:00.4 exit(0) = ?
                101 10:00:00.5 +++ exited with 0 +++
                100 10:00:00.6 <... clone resumed>) = 101
                100 10:00:00.7 pwrite64(4, "b", 1, 4096) = 1
                100 10:00:00.8 fsync(4) = 0
                """);
        assertEquals(List.of("P100: write(g.dat, 4096, 1)", "P100: fsync(g.dat)"), s,
                "the thread's descriptor 4 is the parent's too (CLONE_FILES); no second task P101_2 is made");
    }

    @Test
    void aPathArgumentIsTheFileItsAnnotationNamesAfterTheSameDecodingAndNormalisation() throws Exception {
        List<String> s = steps("""
                502 10:00:00.1 openat(AT_FDCWD</data/sub>, "./x.db", O_RDWR|O_CREAT, 0644) = 5</data/sub/x.db>
                502 10:00:00.2 pwrite64(5</data/sub/x.db>, "x", 1, 20000) = 1
                502 10:00:00.3 truncate("./x.db", 0) = 0
                502 10:00:00.4 truncate("../sub/x.db", 100) = 0
                502 10:00:00.5 truncate("/data//sub/./x.db", 200) = 0
                502 10:00:00.6 openat(AT_FDCWD</data>, "caf\\xc3\\xa9.db", O_RDWR|O_CREAT, 0644) = 4</data/caf\\xc3\\xa9.db>
                502 10:00:00.7 pwrite64(4</data/caf\\xc3\\xa9.db>, "x", 1, 0) = 1
                502 10:00:00.8 truncate("/data/caf\\303\\251.db", 0) = 0
                502 10:00:00.9 openat(AT_FDCWD</data>, "a b\\"c>d", O_RDWR|O_CREAT, 0644) = 3</data/a b"c\\x3ed>
                502 10:00:01.0 pwrite64(3</data/a b"c\\76d>, "x", 1, 0) = 1
                502 10:00:01.1 truncate("/data/a b\\"c>d", 0) = 0
                """);
        assertEquals(List.of("P502: write(x.db, 20000, 1)", "P502: truncate(x.db, 0)", "P502: truncate(x.db, 100)", "P502: truncate(x.db, 200)",
                "P502: write(caf_.db, 0, 1)", "P502: truncate(caf_.db, 0)", "P502: write(a_b_c_d, 0, 1)", "P502: truncate(a_b_c_d, 0)"), s,
                "relative, doubled-slash and escaped paths name the file the annotations name");
    }

    @Test
    void aDashXxLogWithHexEncodedPathsImportsLikeItsDashXTwin() throws Exception {
        String x = """
                9 10:00:00.1 openat(AT_FDCWD</data>, "m.dat", O_RDWR|O_CREAT, 0644) = 3</data/m.dat>
                9 10:00:00.2 mmap(NULL, 8192, PROT_READ|PROT_WRITE, MAP_SHARED, 3</data/m.dat>, 0) = 0x7f0000000000
                9 10:00:00.3 openat(AT_FDCWD</data>, "src.dat", O_RDONLY|O_DIRECT) = 4</data/src.dat (deleted)>
                9 10:00:00.4 pread64(4</data/src.dat (deleted)>, 0x7f0000001000, 4096, 0) = -1 EFAULT (Bad address)
                9 10:00:00.5 truncate("m.dat", 0) = 0
                """;
        StringBuilder xx = new StringBuilder();
        for (String line : x.split("\n")) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"([^\"]*)\"|<(/[^>]*)>").matcher(line);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String text = m.group(1) != null ? m.group(1) : m.group(2);
                StringBuilder hex = new StringBuilder();
                for (char c : text.toCharArray()) hex.append(String.format("\\\\x%02x", (int) c));
                m.appendReplacement(out, m.group(1) != null ? "\"" + hex + "\"" : "<" + hex + ">");
            }
            m.appendTail(out);
            xx.append(out).append('\n');
        }
        assertTrue(xx.toString().contains("3<\\x2f\\x64\\x61\\x74\\x61\\x2f\\x6d"), "the twin is hex-encoded: " + xx);
        List<String> twin = steps(x);
        assertEquals(List.of("P9: h1 = pin_user_pages(m.dat, 1, 1, FOLL_WRITE)", "P9: unpin_user_pages_dirty_lock(h1, true)",
                "P9: truncate(m.dat, 0)"), twin, "the -x log");
        assertEquals(twin, steps(xx.toString()), "-xx decodes paths like any escape:\n" + xx);
    }

    @Test
    void withoutDashYSyncsTruncationsAndMappingsFindTheirFileInTheDescriptorTable() throws Exception {
        Importer.Result r = Importer.run("t.strace", """
                5 10:00:00.1 openat(AT_FDCWD</d>, "m", O_RDWR) = 3
                5 10:00:00.2 mmap(NULL, 8192, PROT_READ|PROT_WRITE, MAP_SHARED, 3, 0) = 0x7f0000000000
                5 10:00:00.3 openat(AT_FDCWD</d>, "t", O_RDONLY|O_DIRECT) = 4
                5 10:00:00.4 pread64(4, 0x7f0000001000, 4096, 0) = -1 EFAULT (Bad address)
                5 10:00:00.5 ftruncate(3, 4096) = 0
                5 10:00:00.6 msync(0x7f0000000000, 4096, MS_SYNC) = 0
                5 10:00:00.7 fsync(3) = 0
                5 10:00:00.8 fdatasync(3) = 0
                5 10:00:00.9 sync_file_range(3, 0, 0, SYNC_FILE_RANGE_WRITE) = 0
                5 10:00:01.0 fsync(9) = 0
                5 10:00:01.1 mmap(NULL, 4096, PROT_READ, MAP_SHARED, 8, 0) = 0x7f1000000000
                """.getBytes(StandardCharsets.UTF_8), 2000);
        assertEquals(List.of("P5: h1 = pin_user_pages(m, 1, 1, FOLL_WRITE)", "P5: unpin_user_pages_dirty_lock(h1, true)", "P5: truncate(m, 4096)",
                "P5: msync(m)", "P5: fsync(m)", "P5: fdatasync(m)", "P5: sync_file_range(m)"), Corpus.steps(r.trace()), r.trace());
        StringBuilder p = new StringBuilder();
        for (Problem x : r.problems()) p.append(x.format("t.strace")).append('\n');
        assertEquals("t.strace:10:20: fsync: descriptor 9 has no known path (no -y annotation, and the log does not show it opened): skipped\n"
                + "t.strace:11:54: mmap: descriptor 8 has no known path (no -y annotation, and the log does not show it opened): skipped\n",
                p.toString(), "a descriptor nothing names is reported at its own argument, not dropped in silence");
    }

    @Test
    void anUnknownDescriptorInTheFirstHalfOfAResumedCallIsReportedWhereStracePrintedIt() throws Exception {
        Importer.Result r = Importer.run("t.strace", """
                5 10:00:00.1 mmap(NULL, 4096, PROT_READ|PROT_WRITE, MAP_SHARED, 8, 0 <unfinished ...>
                6 10:00:00.2 getpid() = 6
                5 10:00:00.3 <... mmap resumed>) = 0x7f1000000000
                """.getBytes(StandardCharsets.UTF_8), 2000);
        List<String> p = r.problems().stream().map(x -> x.format("t.strace")).toList();
        assertEquals(List.of("t.strace:1:65: mmap: descriptor 8 has no known path (no -y annotation, and the log does not show it opened): skipped"),
                p, "the descriptor was printed on line 1, column 65");
    }

    @Test
    void copyFileRangeAndSendfileWriteTheBytesCopiedAtTheDestinationsOffsetOrPosition() throws Exception {
        List<String> s = steps("""
                9 openat(AT_FDCWD</d>, "in", O_RDONLY) = 3</d/in>
                9 openat(AT_FDCWD</d>, "out", O_WRONLY) = 4</d/out>
                9 copy_file_range(3</d/in>, NULL, 4</d/out>, NULL, 9223372035781033984, 0) = 7000
                9 copy_file_range(3</d/in>, NULL, 4</d/out>, NULL, 9223372035781033984, 0) = 0
                9 copy_file_range(3</d/in>, [0] => [100], 4</d/out>, [20000], 100, 0) = 100
                9 sendfile(4</d/out>, 3</d/in>, [0] => [50], 50) = 50
                9 sendfile(5<socket:[77]>, 3</d/in>, NULL, 10) = 10
                9 fsync(4</d/out>) = 0
                """);
        assertEquals(List.of("P9: write(out, 0, 7000)", "P9: write(out, 20000, 100)", "P9: write(out, 7000, 50)", "P9: fsync(out)"), s,
                "copy_file_range writes at its offset pointer or the file position; sendfile at the position; a socket holds no file");
    }

    @Test
    void aNoteCutByStraceLosesItsLastWordWhichMayBeACutAddress() throws Exception {
        Importer.Result r = Importer.run("t.strace", """
                800 openat(AT_FDCWD</d>, "s.dat", O_RDONLY|O_DIRECT) = 3</d/s.dat>
                800 mmap(NULL, 8192, PROT_READ|PROT_WRITE, MAP_SHARED|MAP_ANONYMOUS, -1, 0) = 0x7f0000000000
                800 write(99</dev/null>, "# vmsplice map[0,0x2000) buf=0x7"..., 43) = 43
                800 pread64(3</d/s.dat>, "aaaaaaaa"..., 4096, 0) = 4096
                """.getBytes(StandardCharsets.UTF_8), 2000);
        assertEquals(List.of("P800: h1 = pin_user_pages(shmem, 0, 1, FOLL_WRITE)", "dev: dma_write(h1, 0, 4096)",
                "P800: unpin_user_pages_dirty_lock(h1, true)"), Corpus.steps(r.trace()), "buf=0x7 is a cut address, not buffer 0x7");
        assertEquals(List.of(), r.problems());
    }

    @Test
    void withoutDashYPipesMemfdsAndIoUringRingsAreInTheDescriptorTableToo() throws Exception {
        List<String> s = steps("""
                500 openat(AT_FDCWD, "/d/out.dat", O_WRONLY) = 3
                500 pipe2([4, 5], 0) = 0
                500 write(5, "hello world\\n", 12) = 12
                500 splice(4, NULL, 3, NULL, 12, 0) = 12
                500 fsync(3) = 0
                500 memfd_create("buf", MFD_CLOEXEC) = 6
                500 ftruncate(6, 8192) = 0
                500 mmap(NULL, 8192, PROT_READ|PROT_WRITE, MAP_SHARED, 6, 0) = 0x7f0000000000
                500 io_uring_setup(8, {flags=0, sq_entries=8, cq_entries=16}) = 7
                500 mmap(NULL, 352, PROT_READ|PROT_WRITE, MAP_SHARED|MAP_POPULATE, 7, 0) = 0x7f1000000000
                500 io_uring_register(7, IORING_REGISTER_BUFFERS, [{iov_base=0x7f0000000000, iov_len=8192}], 1) = 0
                """);
        assertEquals(List.of("P500: write(out.dat, 0, 12)", "P500: fsync(out.dat)", "P500: truncate(memfd_buf, 8192)",
                "P500: h1 = pin_user_pages(memfd_buf, 0, 2, FOLL_WRITE|FOLL_LONGTERM)"), s, "no problem either: steps() checks that");
    }

    @Test
    void tasksNoCloneOfTheLogMadeAreNamedInTheHeaderAsTasksWhoseMemoryIsUnknown() throws Exception {
        Importer.Result r = Importer.run("t.strace", """
                300 openat(AT_FDCWD</d>, "s.dat", O_RDONLY|O_DIRECT) = 3</d/s.dat>
                300 clone(child_stack=NULL, flags=SIGCHLD) = 301
                301 getpid() = 301
                302 pread64(3</d/s.dat>, "aaaaaaaa"..., 4096, 0) = 4096
                """.getBytes(StandardCharsets.UTF_8), 2000);
        assertTrue(r.trace().contains("# made by no clone, fork or vfork of the log (-e trace= without %process?), so their memory and descriptors\n"
                + "#   are unknown and their pins into inherited mappings are lost: P302 (L4)\n"), r.trace());
        assertEquals(List.of(), r.problems(), "not a malformed line: --strict accepts it");
    }
}
