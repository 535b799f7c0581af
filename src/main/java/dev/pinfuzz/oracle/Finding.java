package dev.pinfuzz.oracle;

import dev.pinfuzz.program.Verdict;

/** One oracle's verdict with an explanation a kernel engineer can act on. */
public record Finding(Verdict verdict, String explanation) {
}
