package dev.pinfuzz.mm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Each call's effect on page state, in kernel terms (DESIGN §2). Line 1 is the file line. */
class CallEffectsTest {
    @Test
    void writeAttachesBuffersAndDirtiesThePageWithoutMappingIt() {
        Probe r = Probe.run("refuse-longterm", "file f pages=2\nA: write(f, 10, 100)\n");
        assertEquals("refcount=2 pins=0 PG_dirty buffers", r.page(2, "f[0]"),
                "write_begin attaches buffers (+1 ref), write_end dirties; write(2) maps no PTE");
        assertNull(r.page(2, "f[1]"), "a write inside page 0 must not bring page 1 into the page cache");
        assertEquals(100, r.result(2));
    }

    @Test
    void writeSpanningTwoPagesDirtiesBoth() {
        Probe r = Probe.run("refuse-longterm", "file f pages=2\nA: write(f, 4000, 200)\n");
        assertEquals("refcount=2 pins=0 PG_dirty buffers", r.page(2, "f[0]"));
        assertEquals("refcount=2 pins=0 PG_dirty buffers", r.page(2, "f[1]"));
    }

    @Test
    void storeThroughAReadOnlyPteTakesAWriteFaultThatRunsPageMkwrite() {
        Probe r = Probe.run("refuse-longterm", "file f pages=1\nA: store(f, 0, 8)\n");
        assertEquals("refcount=3 pins=0 PG_dirty buffers pte[A]=rw,dirty", r.page(2, "f[0]"),
                "page_mkwrite: buffers, PG_dirty, and the PTE writable+dirty (+1 ref for the mapping)");
    }

    @Test
    void writebackWriteProtectsThePteSoTheNextStoreFaultsAgain() {
        Probe r = Probe.run("refuse-longterm", "file f pages=1\nA: store(f, 0, 8)\nA: writeback(f)\nA: store(f, 8, 8)\n");
        assertEquals("refcount=3 pins=0 buffers pte[A]=ro", r.page(3, "f[0]"),
                "folio_mkclean write-protects and cleans the PTE, then PG_dirty is cleared");
        assertEquals("refcount=3 pins=0 PG_dirty buffers pte[A]=rw,dirty", r.page(4, "f[0]"),
                "the store after writeback must fault and dirty the page again (write-notify)");
    }

    @Test
    void storeWhollyPastEndOfFileIsSigbus() {
        Probe r = Probe.run("refuse-longterm", "file f pages=2\nA: truncate(f, 100)\nA: store(f, 4096, 8)\n");
        assertEquals(-Errno.EFAULT, r.result(3), "a store to a page past i_size raises SIGBUS (-EFAULT here)");
        assertNull(r.page(3, "f[1]"));
    }

    @Test
    void getUserPagesTakesOneReferenceAndPinUserPagesTakesTheBias() {
        Probe get = Probe.run("refuse-longterm", "file f pages=1\nA: p = get_user_pages(f, 0, 1, 0)\n");
        assertEquals("refcount=3 pins=0 gup_refs=1 no-buffers pte[A]=ro", get.page(2, "f[0]"),
                "FOLL_GET without FOLL_WRITE: a read fault maps the page read-only, +1 reference");
        Probe pin = Probe.run("refuse-longterm", "file f pages=1\nA: p = pin_user_pages(f, 0, 1, 0)\n");
        assertEquals("refcount=1026 pins=1 no-buffers pte[A]=ro", pin.page(2, "f[0]"),
                "FOLL_PIN adds GUP_PIN_COUNTING_BIAS (1024)");
    }

    @Test
    void gupWithFollWriteFaultsLikeAStore() {
        Probe r = Probe.run("refuse-longterm", "file f pages=1\nA: p = pin_user_pages(f, 0, 1, FOLL_WRITE)\n");
        assertEquals("refcount=1027 pins=1 PG_dirty buffers pte[A]=rw,dirty", r.page(2, "f[0]"));
    }

    @Test
    void gup2018HasNoFollPinSoPinUserPagesIsAPlainReference() {
        Probe r = Probe.run("gup-2018", "file f pages=1\nA: p = pin_user_pages(f, 0, 1, FOLL_WRITE)\nA: put_user_page(p)\n");
        assertEquals("refcount=4 pins=0 gup_refs=1 PG_dirty buffers pte[A]=rw,dirty", r.page(2, "f[0]"));
        assertEquals("refcount=3 pins=0 PG_dirty buffers pte[A]=rw,dirty", r.page(3, "f[0]"), "put_user_page is put_page in 2018");
    }

    @Test
    void gupPastEndOfFileFailsWithEfaultAndLeavesAnEmptyHandle() {
        Probe r = Probe.run("refuse-longterm",
                "file f pages=2\nA: truncate(f, 10)\nA: p = pin_user_pages(f, 1, 1, FOLL_WRITE)\ndev: dma_write(p, 0, 10)\n");
        assertEquals(-Errno.EFAULT, r.result(3));
        assertEquals(0, r.result(4), "a DMA through an empty handle writes nothing");
        assertNull(r.page(4, "f[1]"));
    }

    @Test
    void dmaChangesBytesOnlyNoDirtyBitNoPteBitNoLock() {
        Probe r = Probe.run("refuse-longterm",
                "file f pages=1\nA: p = pin_user_pages(f, 0, 1, FOLL_WRITE)\nA: writeback(f)\ndev: dma_write(p, 0, 10)\n");
        assertEquals(r.page(3, "f[0]"), r.page(4, "f[0]"), "DMA must leave every flag, count and PTE bit alone");
        assertEquals("refcount=1027 pins=1 buffers pte[A]=ro", r.page(4, "f[0]"));
    }

    @Test
    void unpinDirtyRedirtiesACleanPageAndDropsTheBias() {
        Probe r = Probe.run("refuse-longterm", "file f pages=1\nA: p = pin_user_pages(f, 0, 1, FOLL_WRITE)\n"
                + "A: writeback(f)\nA: unpin_user_pages_dirty_lock(p, true)\n");
        assertEquals("refcount=3 pins=0 PG_dirty buffers pte[A]=ro", r.page(4, "f[0]"));
    }

    @Test
    void unpinWithoutDirtyLeavesACleanPageClean() {
        Probe r = Probe.run("refuse-longterm", "file f pages=1\nA: p = pin_user_pages(f, 0, 1, FOLL_WRITE)\n"
                + "A: writeback(f)\nA: unpin_user_pages_dirty_lock(p, false)\n");
        assertEquals("refcount=3 pins=0 buffers pte[A]=ro", r.page(4, "f[0]"));
    }

    @Test
    void setPageDirtyLockAndPutPageAreThe2018Release() {
        Probe r = Probe.run("gup-2018", "file f pages=1\nA: p = get_user_pages(f, 0, 1, FOLL_WRITE)\n"
                + "A: writeback(f)\nA: set_page_dirty_lock(p)\nA: put_page(p)\n");
        assertEquals("refcount=4 pins=0 gup_refs=1 PG_dirty buffers pte[A]=ro", r.page(4, "f[0]"));
        assertEquals("refcount=3 pins=0 PG_dirty buffers pte[A]=ro", r.page(5, "f[0]"));
    }

    @Test
    void fsyncWritesFlushesAndMakesTheBytesDurable() {
        Probe r = Probe.run("refuse-longterm", "file f pages=1\nA: write(f, 0, 10)\nA: fsync(f)\n");
        assertEquals("refcount=2 pins=0 buffers", r.page(3, "f[0]"));
        assertEquals(2, r.durable(0, 0), "byte 0 must hold line 2's write on the durable disk");
        assertEquals(0, r.durable(0, 10), "byte 10 was never written");
    }

    @Test
    void syncFileRangeWritesButDoesNotFlush() {
        Probe r = Probe.run("refuse-longterm", "file f pages=1\nA: write(f, 0, 10)\nA: sync_file_range(f)\n");
        assertEquals("refcount=2 pins=0 buffers", r.page(3, "f[0]"), "background writeback cleans the page");
        assertEquals(0, r.durable(0, 0), "without a cache flush the write is still volatile");
        assertEquals(1, r.kernel.unflushedPages(0));
    }

    @Test
    void reclaimFreesACleanUnreferencedPageAndKeepsADirtyOne() {
        Probe r = Probe.run("refuse-longterm", "file f pages=2\nA: write(f, 0, 10)\nA: write(f, 4096, 10)\n"
                + "A: writeback(f)\nA: write(f, 4096, 10)\nreclaim()\n");
        assertNull(r.page(6, "f[0]"), "a clean page only the cache references leaves the page cache");
        assertEquals("refcount=2 pins=0 PG_dirty buffers", r.page(6, "f[1]"), "a dirty page is left alone");
    }

    @Test
    void reclaimStripsBuffersButAGupReferenceKeepsThePageCached() {
        Probe r = Probe.run("gup-2018", "file f pages=1\nA: p = get_user_pages(f, 0, 1, FOLL_WRITE)\nA: writeback(f)\nreclaim()\n");
        assertEquals("refcount=2 pins=0 gup_refs=1 no-buffers", r.page(4, "f[0]"),
                "unmapped and buffer-less, but the GUP reference keeps it in the page cache");
    }

    @Test
    void reclaimLeavesAPinnedPageAloneUnderPinTracking() {
        Probe r = Probe.run("refuse-longterm", "file f pages=1\nA: p = pin_user_pages(f, 0, 1, FOLL_WRITE)\nA: writeback(f)\nreclaim()\n");
        assertEquals("refcount=1027 pins=1 buffers pte[A]=ro", r.page(4, "f[0]"));
    }

    @Test
    void truncateOrphansAPinnedPageAndZeroesThePartialPageTail() {
        Probe r = Probe.run("refuse-longterm", "file f pages=2\nA: write(f, 0, 8192)\nA: p = pin_user_pages(f, 1, 1, FOLL_WRITE)\n"
                + "B: truncate(f, 100)\n");
        assertEquals("refcount=1024 pins=1 no-buffers", r.page(4, "f[1](orphan)"),
                "the truncated page lives on, unmapped, held only by its pin");
        assertNull(r.page(4, "f[1]"));
        assertEquals(100, r.kernel.size(0));
        assertEquals(2, r.kernel.cached(0, 0).stamp(99));
        assertEquals(4, r.kernel.cached(0, 0).stamp(100), "bytes past the new size in the partial page are zeroed by the truncate");
    }

    @Test
    void exitReleasesHandlesDirtyAndUnmaps() {
        Probe r = Probe.run("refuse-longterm", "file f pages=1\nA: p = pin_user_pages(f, 0, 1, FOLL_WRITE)\n"
                + "B: fsync(f)\nA: exit()\n");
        assertEquals("refcount=2 pins=0 PG_dirty buffers", r.page(4, "f[0]"),
                "exit unpins the writable handle dirty and drops the PTE");
    }

    @Test
    void crashDropsThePageCacheAndTheUnflushedWrites() {
        Probe r = Probe.run("refuse-longterm", "file f pages=1\nA: write(f, 0, 10)\nA: fsync(f)\nA: write(f, 0, 10)\n"
                + "A: sync_file_range(f)\ncrash()\n");
        assertNull(r.page(6, "f[0]"));
        assertEquals(2, r.durable(0, 0), "the write at line 2, flushed by the fsync at line 3, survives; line 4's was never flushed");
        assertFalse(r.outcome.has(dev.pinfuzz.program.Verdict.DURABILITY));
    }

    @Test
    void tmpfsFsyncDoesNothingAndReturnsZero() {
        Probe r = Probe.run("refuse-longterm", "file t pages=1 fs=tmpfs\nA: write(t, 0, 10)\nA: fsync(t)\n");
        assertEquals(0, r.result(3));
        assertEquals("refcount=1 pins=0 PG_dirty no-buffers", r.page(3, "t[0]"), "shmem has no buffers and no writeback");
        assertEquals(0, r.durable(0, 0));
    }

    @Test
    void longtermWritablePinOfTmpfsIsAllowedUnderRefuseLongterm() {
        Probe r = Probe.run("refuse-longterm", "file t pages=1 fs=tmpfs\nfile f pages=1\n"
                + "A: p = pin_user_pages(t, 0, 1, FOLL_WRITE|FOLL_LONGTERM)\nA: q = pin_user_pages(f, 0, 1, FOLL_WRITE|FOLL_LONGTERM)\n");
        assertEquals(1, r.result(3), "tmpfs is exempt from the long-term rule");
        assertEquals(-Errno.EFAULT, r.result(4), "ext4 MAP_SHARED with FOLL_PIN|FOLL_LONGTERM|FOLL_WRITE is refused");
        assertTrue(r.outcome.ok());
    }
}
