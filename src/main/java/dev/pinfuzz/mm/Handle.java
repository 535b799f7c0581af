package dev.pinfuzz.mm;

import dev.pinfuzz.program.Flags;
import dev.pinfuzz.program.Op;

/** The pages a GUP call took: what {@code get_user_pages}/{@code pin_user_pages} filled in. */
final class Handle {
    final int idx;
    final int owner;
    final Op.Gup gup;
    /** {@code FOLL_PIN} as the running kernel counts it (never under gup-2018). */
    final boolean pinned;
    /** {@code pinned} with {@code FOLL_LONGTERM}: its pins count in {@link Folio#longtermPins}. */
    final boolean longtermPin;
    final Folio[] folios;
    int taken;
    /** Pages already given back (a release can be interrupted by a lock wait). */
    int put;
    /** The GUP step returned (successfully or not). */
    boolean done;
    boolean failed;
    boolean released;

    Handle(int idx, int owner, Op.Gup gup, boolean pinned) {
        this.idx = idx;
        this.owner = owner;
        this.gup = gup;
        this.pinned = pinned;
        this.longtermPin = pinned && Flags.longterm(gup.flags());
        this.folios = new Folio[gup.nr()];
    }

    boolean live() {
        return done && !failed && !released;
    }

    boolean writable() {
        return Flags.write(gup.flags());
    }
}
