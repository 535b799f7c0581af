package dev.pinfuzz.policy;

/** Linux 4.18: no pin tracking; GUP takes plain references and writeback cleans whatever is dirty. */
public final class Gup2018 implements WritebackPolicy {
    public String name() { return "gup-2018"; }

    public String description() {
        return "no pin tracking; GUP takes plain refs; holder calls set_page_dirty_lock + put_page";
    }

    @Override
    public boolean tracksPins() { return false; }

    public PinnedAction onPinnedDirty(boolean integrity) { return PinnedAction.WRITE; }
}
