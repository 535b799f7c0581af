package dev.pinfuzz.fuzz;

/**
 * What a target throws when an oracle objects. The message is the verdict and its explanation,
 * one per verdict, so a Jazzer crash report reads like {@code pinfuzz replay}'s.
 */
public final class OracleFinding extends RuntimeException {
    private static final long serialVersionUID = 1L;

    OracleFinding(String message) {
        super(message);
    }
}
