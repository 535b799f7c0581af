package dev.pinfuzz.gen;

import java.util.SplittableRandom;

/**
 * The bytes a program is decoded from: a fuzzer's input (finite) or a seeded random stream
 * (endless). {@link #next()} returns 0..255, or -1 once the input is used up.
 */
public interface ByteSource {
    int next();

    /** The bytes of a fuzzer input, then the end. */
    static ByteSource of(byte[] data) {
        return new ByteSource() {
            private int pos;

            @Override
            public int next() {
                return pos < data.length ? data[pos++] & 0xff : -1;
            }
        };
    }

    /** An endless stream from {@code r}, eight bytes per {@code nextLong()}: same seed, same bytes. */
    static ByteSource random(SplittableRandom r) {
        return new ByteSource() {
            private long word;
            private int left;

            @Override
            public int next() {
                if (left == 0) {
                    word = r.nextLong();
                    left = 8;
                }
                int b = (int) word & 0xff;
                word >>>= 8;
                left--;
                return b;
            }
        };
    }
}
