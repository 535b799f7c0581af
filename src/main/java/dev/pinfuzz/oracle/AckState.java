package dev.pinfuzz.oracle;

import dev.pinfuzz.mm.Kernel;
import dev.pinfuzz.program.FileDecl;

/**
 * Per byte of one file: the acknowledged write that landed last (its stamp, and when it
 * landed), and the file size the program's writes and truncates imply. Pages never
 * acknowledged since the start or the last crash are null: stamp 0, landed at {@code baseLand}.
 */
final class AckState {
    private static final int PAGE = FileDecl.PAGE_SIZE;

    final int[][] stamp;
    final int[][] land;
    int baseLand;
    int size;

    AckState(FileDecl f) {
        stamp = new int[f.pages()][];
        land = new int[f.pages()][];
        size = f.bytes();
    }

    /** A write of {@code [from, to)} that landed at {@code when} is acknowledged. */
    void ack(int from, int to, int s, int when) {
        for (int pg = from / PAGE; pg * PAGE < to; pg++) {
            int a = Math.max(from, pg * PAGE) - pg * PAGE;
            int b = Math.min(to, (pg + 1) * PAGE) - pg * PAGE;
            if (stamp[pg] == null) stamp[pg] = new int[PAGE];
            if (land[pg] == null) {
                land[pg] = new int[PAGE];
                java.util.Arrays.fill(land[pg], baseLand);
            }
            int[] st = stamp[pg], ld = land[pg];
            for (int o = a; o < b; o++) {
                if (when > ld[o]) {
                    ld[o] = when;
                    st[o] = s;
                }
            }
        }
    }

    /** After power loss the bytes the disk kept are the content, as if written and acknowledged then. */
    void rebase(Kernel k, int file, int when) {
        baseLand = when;
        for (int pg = 0; pg < stamp.length; pg++) {
            int[] d = k.durablePage(file, pg);
            stamp[pg] = d == null ? null : d.clone();
            land[pg] = null;
        }
        size = k.durableSize(file);
    }
}
