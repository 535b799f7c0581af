package dev.pinfuzz.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pinfuzz.mm.Errno;
import dev.pinfuzz.mm.Probe;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Each policy's writeback and reclaim decisions for a dirty page under a short-term FOLL_PIN. */
class PolicyDecisionsTest {
    private static final String PINNED_DIRTY = "file f pages=1\nA: write(f, 0, 10)\nA: p = pin_user_pages(f, 0, 1, FOLL_WRITE)\n";

    @ParameterizedTest(name = "{0}: fsync of a pinned dirty page → {1}")
    @CsvSource(delimiter = '|', value = {
        "gup-2018        | 0      | refcount=4 pins=0 gup_refs=1 buffers pte[A]=ro                | 2",
        "wait-on-pin     | wait   | refcount=1027 pins=1 PG_dirty PG_locked(B) buffers pte[A]=rw,dirty | 0",
        "skip-pinned     | 0      | refcount=1027 pins=1 PG_dirty buffers pte[A]=rw,dirty          | 0",
        "bounce-pinned   | 0      | refcount=1027 pins=1 PG_dirty buffers pte[A]=ro                | 2",
        "refuse-longterm | 0      | refcount=1027 pins=1 buffers pte[A]=ro                         | 2",
        "fail-fsync      | -EBUSY | refcount=1027 pins=1 PG_dirty buffers pte[A]=rw,dirty          | 0",
    })
    void dataIntegrityWritebackOfAPinnedDirtyPage(String policy, String result, String page, int durableStamp) {
        Probe r = Probe.run(policy, PINNED_DIRTY + "B: fsync(f)\n");
        if (result.equals("wait")) {
            assertNotNull(r.waited(4), policy + ": fsync must wait in clear_page_dirty_for_io for the pin to drop");
            assertEquals("pins of f[0]", r.waited(4));
            assertEquals(page, r.pageAtWait(4, "f[0]"), policy + ": it waits with the page lock held and PG_dirty set");
            return;
        }
        assertEquals(result, Errno.name(r.result(4)), policy + ": fsync's return value");
        assertEquals(page, r.page(4, "f[0]"), policy + ": page state after fsync");
        assertEquals(durableStamp, r.durable(0, 0), policy + ": byte 0 on the durable disk should hold line " + durableStamp + "'s bytes");
    }

    @ParameterizedTest(name = "{0}: background writeback of a pinned dirty page → {1}")
    @CsvSource(delimiter = '|', value = {
        "gup-2018        | refcount=4 pins=0 gup_refs=1 buffers pte[A]=ro       | 1",
        "wait-on-pin     | refcount=1027 pins=1 PG_dirty buffers pte[A]=rw,dirty | 0",
        "skip-pinned     | refcount=1027 pins=1 PG_dirty buffers pte[A]=rw,dirty | 0",
        "bounce-pinned   | refcount=1027 pins=1 PG_dirty buffers pte[A]=ro       | 1",
        "refuse-longterm | refcount=1027 pins=1 buffers pte[A]=ro                | 1",
        "fail-fsync      | refcount=1027 pins=1 PG_dirty buffers pte[A]=rw,dirty | 0",
    })
    void backgroundWritebackOfAPinnedDirtyPage(String policy, String page, int devicePagesWritten) {
        Probe r = Probe.run(policy, PINNED_DIRTY + "B: writeback(f)\n");
        assertEquals(0, r.result(4), policy + ": background writeback never waits for pins and returns 0");
        assertEquals(page, r.page(4, "f[0]"), policy + ": page state after background writeback");
        assertEquals(devicePagesWritten, r.kernel.unflushedPages(0), policy + ": pages sent to the device");
    }

    @ParameterizedTest(name = "{0}: reclaim of a clean pinned page → {1}")
    @CsvSource(delimiter = '|', value = {
        "gup-2018        | refcount=2 pins=0 gup_refs=1 no-buffers",
        "wait-on-pin     | refcount=1027 pins=1 buffers pte[A]=ro",
        "skip-pinned     | refcount=1027 pins=1 buffers pte[A]=ro",
        "bounce-pinned   | refcount=1027 pins=1 buffers pte[A]=ro",
        "refuse-longterm | refcount=1027 pins=1 buffers pte[A]=ro",
        "fail-fsync      | refcount=1027 pins=1 buffers pte[A]=ro",
    })
    void reclaimOfACleanPinnedPage(String policy, String page) {
        Probe r = Probe.run(policy, "file f pages=1\nA: write(f, 0, 10)\nA: writeback(f)\nA: p = pin_user_pages(f, 0, 1, 0)\nreclaim()\n");
        assertEquals(page, r.page(5, "f[0]"), policy + ": a pin-tracking kernel leaves a pinned page alone; 2018 strips it");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"gup-2018,1", "wait-on-pin,1", "skip-pinned,1", "bounce-pinned,1", "refuse-longterm,-EFAULT", "fail-fsync,1"})
    void onlyRefuseLongtermRefusesALongtermWritablePinOfAnExt4Mapping(String policy, String result) {
        Probe r = Probe.run(policy, "file f pages=1\nA: p = pin_user_pages(f, 0, 1, FOLL_WRITE|FOLL_LONGTERM)\n");
        assertEquals(result, Errno.name(r.result(2)));
    }

    @Test
    void refuseLongtermAllowsLongtermReadOnlyAndShortTermPins() {
        Probe r = Probe.run("refuse-longterm", "file f pages=1\nA: p = pin_user_pages(f, 0, 1, FOLL_LONGTERM)\n"
                + "A: q = pin_user_pages(f, 0, 1, FOLL_WRITE)\nA: g = get_user_pages(f, 0, 1, FOLL_WRITE|FOLL_LONGTERM)\n");
        assertEquals(1, r.result(2), "FOLL_LONGTERM without FOLL_WRITE is allowed");
        assertEquals(1, r.result(3), "a short-term FOLL_WRITE pin is allowed");
        assertEquals(1, r.result(4), "writable_file_mapping_allowed() only refuses FOLL_PIN, not FOLL_GET");
    }

    @Test
    void theRegistryKnowsTheSixPoliciesAndRefusesADuplicateName() {
        // First, in DESIGN's order; a policy a user registers comes after them.
        assertEquals(java.util.List.of("gup-2018", "wait-on-pin", "skip-pinned", "bounce-pinned", "refuse-longterm", "fail-fsync"),
                java.util.List.copyOf(Policies.names()).subList(0, 6));
        assertThrows(IllegalArgumentException.class, () -> Policies.register(new SkipPinned()));
        assertNull(Policies.get("no-such-policy"));
    }
}
