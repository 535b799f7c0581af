package dev.pinfuzz.mm;

/**
 * What a suspended step waits for, as a hung-task report would show it: a page lock and its
 * holder task, or a folio's pins and the handles that hold them.
 *
 * @param holders for a lock, the holding task; for pins, the handles holding pins
 */
public record WaitFor(int file, int page, boolean pins, int[] holders) {
}
