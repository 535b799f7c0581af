package dev.pinfuzz.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.pinfuzz.mm.Probe;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A prototype policy sees each pinned dirty page's pins, and which of them are long-term. */
class PinnedPageViewTest {
    /** fsync waits for short-term pins (a direct-I/O read ends soon) and skips a page with a long-term one. */
    private static final class WaitShortSkipLong implements WritebackPolicy {
        final List<String> seen = new ArrayList<>();

        public String name() { return "wait-short-skip-long"; }
        public String description() { return "test: waits for short-term pins, skips long-term-pinned pages"; }
        public PinnedAction onPinnedDirty(boolean integrity) { throw new AssertionError("the model asks the two-argument form"); }

        @Override
        public PinnedAction onPinnedDirty(boolean integrity, PinnedPage page) {
            seen.add(page.pins() + "/" + page.longtermPins());
            return page.longtermPins() > 0 || !integrity ? PinnedAction.SKIP : PinnedAction.WAIT;
        }
    }

    private static final String HEAD = "file f pages=1\nA: write(f, 0, 10)\n";

    @Test
    void fsyncMeetingOnlyAShortTermPinSeesOnePinNoneLongTermAndWaits() {
        WaitShortSkipLong pol = new WaitShortSkipLong();
        Probe r = Probe.run(pol, HEAD + "A: p = pin_user_pages(f, 0, 1, FOLL_WRITE)\nB: fsync(f)\nA: unpin_user_pages(p)\n");
        assertEquals(List.of("1/0"), pol.seen);
        assertNotNull(r.waited(4), "fsync at line 4 should wait for the short-term pin");
        assertEquals(0, r.result(4), "fsync at line 4 returns once line 5 unpins");
    }

    @Test
    void aLongTermPinBesideAShortTermOneIsCountedAndTheFsyncDoesNotWait() {
        WaitShortSkipLong pol = new WaitShortSkipLong();
        Probe r = Probe.run(pol, HEAD + "A: p = pin_user_pages(f, 0, 1, FOLL_WRITE|FOLL_LONGTERM)\n"
                + "A: q = pin_user_pages(f, 0, 1, FOLL_WRITE)\nB: fsync(f)\n");
        assertEquals(List.of("2/1"), pol.seen);
        assertNull(r.waited(5), "fsync at line 5 skips a long-term-pinned page");
        assertEquals(0, r.result(5));
    }

    @Test
    void unpinningTheLongTermPinLeavesOnlyTheShortTermOneCounted() {
        WaitShortSkipLong pol = new WaitShortSkipLong();
        Probe r = Probe.run(pol, HEAD + "A: p = pin_user_pages(f, 0, 1, FOLL_WRITE|FOLL_LONGTERM)\n"
                + "A: q = pin_user_pages(f, 0, 1, FOLL_WRITE)\nA: unpin_user_pages(p)\nB: fsync(f)\nA: unpin_user_pages(q)\n");
        assertEquals(List.of("1/0"), pol.seen);
        assertNotNull(r.waited(6), "with the long-term pin gone, fsync at line 6 waits for q");
        assertEquals(0, r.result(6));
    }

    @Test
    void aFollGetReleaseOfALongTermPinLeavesItCountedAsTheKernelWould() {
        WaitShortSkipLong pol = new WaitShortSkipLong();
        // put_page on a FOLL_PIN handle drops one reference, not the pin: the page stays long-term pinned.
        Probe.run(pol, HEAD + "A: p = pin_user_pages(f, 0, 1, FOLL_WRITE|FOLL_LONGTERM)\nA: put_page(p)\nB: fsync(f)\n");
        assertEquals(List.of("1/1"), pol.seen);
    }
}
