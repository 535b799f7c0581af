package dev.pinfuzz.policy;

/**
 * What a policy may read of the pinned dirty page writeback has met. The page lock is held;
 * the policy must not keep the reference past its answer.
 */
public interface PinnedPage {
    /** {@code FOLL_PIN} pins on the page: what {@code folio_maybe_dma_pinned()} approximates. */
    int pins();

    /**
     * Of those pins, the ones taken with {@code FOLL_LONGTERM}. The kernel records this nowhere
     * on the page: a policy that reads it proposes that it should (a page flag or a second
     * counter, as was suggested in 2018 for RDMA registrations).
     */
    int longtermPins();
}
