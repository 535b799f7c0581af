package dev.pinfuzz.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pinfuzz.program.TraceParser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A file the log shows being made starts empty, whatever is mapped or written later. */
class FileCreationTest {
    private static Importer.Result run(String log) throws Exception {
        Importer.Result r = Importer.run("t.strace", log.getBytes(StandardCharsets.UTF_8), 2000);
        assertEquals(List.of(), r.problems(), r.trace());
        TraceParser.parse("t", r.trace());
        return r;
    }

    @Test
    void anOCreatOpenAfterAnEnoentOnThePathMakesAnEmptyFileSoAPinPastItsEndFailsAsTheKernelsDid() throws Exception {
        Importer.Result r = run("""
                1000 openat(AT_FDCWD</d>, "s.dat", O_RDONLY|O_DIRECT) = 3</d/s.dat>
                1000 access("new.dat", F_OK) = -1 ENOENT (No such file or directory)
                1000 openat(AT_FDCWD</d>, "new.dat", O_RDWR|O_CREAT, 0644) = 4</d/new.dat>
                1000 mmap(NULL, 8192, PROT_READ|PROT_WRITE, MAP_SHARED, 4</d/new.dat>, 0) = 0x7f0000000000
                1000 pread64(3</d/s.dat>, 0x7f0000000000, 4096, 0) = -1 EFAULT (Bad address)
                """);
        assertEquals(List.of("P1000: truncate(new.dat, 0)", "P1000: h1 = pin_user_pages(new.dat, 0, 1, FOLL_WRITE)",
                "P1000: unpin_user_pages_dirty_lock(h1, true)"), Corpus.steps(r.trace()));
        Conformance c = r.conformance();
        assertEquals(1, c.checks().size());
        assertEquals(1, c.predicted(), "the kernel answered EFAULT: the mapping lies past the new file's end\n" + c.report("t.strace"));
    }

    @Test
    void oExclAndAnUnlinkBeforeTheOpenAlsoMeanANewFileButAnOCreatOpenOfAFileNotKnownAbsentDoesNot() throws Exception {
        Importer.Result r = run("""
                7 openat(AT_FDCWD</d>, "a", O_RDWR|O_CREAT|O_EXCL, 0600) = 3</d/a>
                7 unlink("/d/b") = 0
                7 openat(AT_FDCWD</d>, "b", O_RDWR|O_CREAT, 0600) = 4</d/b>
                7 openat(AT_FDCWD</d>, "c", O_RDWR|O_CREAT, 0600) = 5</d/c>
                7 pwrite64(3</d/a>, "x"..., 100, 0) = 100
                7 pwrite64(4</d/b>, "x"..., 100, 0) = 100
                7 pwrite64(5</d/c>, "x"..., 100, 0) = 100
                """);
        assertEquals(List.of("P7: truncate(a, 0)", "P7: truncate(b, 0)", "P7: write(a, 0, 100)", "P7: write(b, 0, 100)",
                "P7: write(c, 0, 100)"), Corpus.steps(r.trace()), "c may have existed with data: its size is not known to be 0");
    }

    @Test
    void aFileRenamedIntoPlaceAfterAnEnoentHasContentsSoItsOCreatOpenDoesNotEmptyIt() throws Exception {
        Importer.Result r = run("""
                7 access("/d/final", F_OK) = -1 ENOENT (No such file or directory)
                7 openat(AT_FDCWD</d>, "final.tmp", O_RDWR|O_CREAT|O_EXCL, 0600) = 3</d/final.tmp>
                7 pwrite64(3</d/final.tmp>, "x"..., 100, 0) = 100
                7 rename("/d/final.tmp", "/d/final") = 0
                7 openat(AT_FDCWD</d>, "final", O_RDWR|O_CREAT, 0600) = 4</d/final>
                7 pwrite64(4</d/final>, "y"..., 10, 200) = 10
                7 openat(AT_FDCWD</d>, "final.tmp", O_RDWR|O_CREAT, 0600) = 5</d/final.tmp>
                7 pwrite64(5</d/final.tmp>, "z"..., 10, 0) = 10
                """);
        assertEquals(List.of("P7: truncate(final.tmp, 0)", "P7: write(final.tmp, 0, 100)", "P7: write(final, 200, 10)",
                "P7: truncate(final.tmp, 0)", "P7: write(final.tmp, 0, 10)"), Corpus.steps(r.trace()),
                "final came by rename, with data; final.tmp was renamed away, so its next O_CREAT open makes it anew");
    }
}
