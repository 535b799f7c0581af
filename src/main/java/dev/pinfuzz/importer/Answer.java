package dev.pinfuzz.importer;

import java.util.ArrayList;
import java.util.List;

/**
 * The kernel's recorded answer to one pinning call, and the GUP steps that stand for it:
 * {@code import --check} compares the two under {@code refuse-longterm}.
 */
final class Answer {
    final String where;
    final String call;
    /** Indices of the call's GUP drafts. */
    final List<Integer> drafts = new ArrayList<>();
    /** The kernel's answer: null until known (an async completion), else "EFAULT" or a byte count. */
    String kernel;
    boolean kernelFault;

    Answer(String where, String call) {
        this.where = where;
        this.call = call;
    }

    void result(long ret, String errno) {
        kernelFault = "EFAULT".equals(errno) || ret == -14;
        kernel = kernelFault ? "-EFAULT" : errno != null ? "-" + errno : Long.toString(ret);
    }
}
