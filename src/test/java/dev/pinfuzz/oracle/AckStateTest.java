package dev.pinfuzz.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.pinfuzz.mm.Runs;
import dev.pinfuzz.program.FileDecl;
import dev.pinfuzz.program.Fs;
import org.junit.jupiter.api.Test;

class AckStateTest {
    @Test
    void iSizeAtATimeIsTheLastSizeCountedAtOrBeforeIt() {
        AckState a = new AckState(new FileDecl("f", 8, Fs.EXT4));
        int[] times = {5, 9, 14, 30, 31, 60};
        int[] sizes = {100, 4096, 1, 28673, 2, 32768};
        for (int k = 0; k < times.length; k++) a.setSize(sizes[k], times[k]);
        assertEquals(32768, a.sizeAt(0), "before any write or truncate returned, i_size is the declared size");
        assertEquals(32768, a.sizeAt(4));
        for (int t = 0; t <= 70; t++) {
            int want = 32768;
            for (int k = 0; k < times.length; k++) if (times[k] <= t) want = sizes[k];
            assertEquals(want, a.sizeAt(t), "i_size at time " + t);
        }
        assertEquals(32768, a.size);
    }

    @Test
    void aSnapshotKeepsItsBytesWhenTheFileIsWrittenAfterIt() {
        AckState a = new AckState(new FileDecl("f", 2, Fs.EXT4));
        a.ack(0, 10, 3, 3);
        Runs[] snap = a.copyPages();
        Runs before = snap[0];
        a.ack(5, 20, 7, 8);
        assertSame(before, snap[0], "the snapshot's page is not replaced");
        assertEquals(3, snap[0].get(5), "byte 5 of the promise still holds line 3's write");
        assertEquals(7, a.pages[0].get(5), "the acknowledged state holds line 7's write");
        assertEquals(3, a.pages[0].get(4));
    }
}
