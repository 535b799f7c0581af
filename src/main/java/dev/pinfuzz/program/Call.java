package dev.pinfuzz.program;

import java.util.HashMap;
import java.util.Map;

/** Every call of trace format v1, by its trace spelling. */
public enum Call {
    WRITE("write"),
    STORE("store"),
    GET_USER_PAGES("get_user_pages"),
    PIN_USER_PAGES("pin_user_pages"),
    DMA_WRITE("dma_write"),
    UNPIN_USER_PAGES("unpin_user_pages"),
    UNPIN_USER_PAGES_DIRTY_LOCK("unpin_user_pages_dirty_lock"),
    PUT_USER_PAGE("put_user_page"),
    PUT_USER_PAGES_DIRTY_LOCK("put_user_pages_dirty_lock"),
    SET_PAGE_DIRTY_LOCK("set_page_dirty_lock"),
    PUT_PAGE("put_page"),
    FSYNC("fsync"),
    FDATASYNC("fdatasync"),
    MSYNC("msync"),
    SYNC("sync"),
    SYNC_FILE_RANGE("sync_file_range"),
    WRITEBACK("writeback"),
    RECLAIM("reclaim"),
    TRUNCATE("truncate"),
    EXIT("exit"),
    CRASH("crash");

    private static final Map<String, Call> BY_NAME = new HashMap<>();
    static {
        for (Call c : values()) BY_NAME.put(c.spelling, c);
    }

    private final String spelling;

    Call(String spelling) {
        this.spelling = spelling;
    }

    /** The name as written in a trace. */
    public String spelling() {
        return spelling;
    }

    /** The call with this trace spelling, or null. */
    public static Call bySpelling(String s) {
        return BY_NAME.get(s);
    }

    /** Data-integrity sync calls: a 0 return is a durability promise. */
    public boolean isIntegritySync() {
        return this == FSYNC || this == FDATASYNC || this == MSYNC || this == SYNC;
    }

    /** Calls that give up a GUP handle's references. */
    public boolean isRelease() {
        return this == UNPIN_USER_PAGES || this == UNPIN_USER_PAGES_DIRTY_LOCK || this == PUT_USER_PAGE
                || this == PUT_USER_PAGES_DIRTY_LOCK || this == PUT_PAGE;
    }

    /** Releases that belong to {@code FOLL_PIN} (as opposed to {@code put_page} for {@code FOLL_GET}). */
    public boolean isUnpin() {
        return isRelease() && this != PUT_PAGE;
    }
}
