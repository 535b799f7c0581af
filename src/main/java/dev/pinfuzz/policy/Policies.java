package dev.pinfuzz.policy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The registry of policies by name. A new policy takes one class and one line here. */
public final class Policies {
    /** Today's kernel: the policy of a trace without a {@code policy} line. */
    public static final String DEFAULT = "refuse-longterm";

    private static final Map<String, WritebackPolicy> BY_NAME = new LinkedHashMap<>();

    static {
        register(new Gup2018());
        register(new WaitOnPin());
        register(new SkipPinned());
        register(new BouncePinned());
        register(new RefuseLongterm());
        register(new FailFsync());
    }

    private Policies() {}

    /** Adds a policy; its name must be new. */
    public static synchronized void register(WritebackPolicy p) {
        if (BY_NAME.putIfAbsent(p.name(), p) != null)
            throw new IllegalArgumentException("policy " + p.name() + " is already registered");
    }

    /** The policy of that name, or null. */
    public static synchronized WritebackPolicy get(String name) {
        return BY_NAME.get(name);
    }

    /** Registered names, in registration order. */
    public static synchronized Set<String> names() {
        return Collections.unmodifiableSet(new java.util.LinkedHashSet<>(BY_NAME.keySet()));
    }
}
