package dev.pinfuzz.importer;

import java.util.List;

/**
 * One decoded argument of an strace line. strace prints C values: numbers (decimal, hex,
 * octal), {@code -y} file descriptors ({@code 3</data/f>}), strings with {@code -x} escapes
 * (possibly cut: {@code "abc"...}), arrays, structs ({@code {iov_base=..., iov_len=4096}}) and
 * symbolic flags ({@code O_RDWR|O_DIRECT}). Anything else is kept as raw text.
 */
sealed interface Value {
    /** A number; {@code path} is the {@code -y} annotation of a file descriptor, else null. */
    record Num(long value, String path) implements Value {}

    /** A string, decoded (one char per byte); {@code cut} when strace abbreviated it. */
    record Str(String text, boolean cut) implements Value {}

    /** An array; {@code cut} when strace printed {@code ...} for the rest. */
    record Arr(List<Value> items, boolean cut) implements Value {}

    /** A struct: named fields ({@code name=value}) and positional ones ({@code name} null). */
    record Struct(List<Field> fields) implements Value {
        /** The value of field {@code name}, or null. */
        public Value get(String name) {
            for (Field f : fields) if (name.equals(f.name())) return f.value();
            return null;
        }
    }

    /** A struct field. */
    record Field(String name, Value value) {}

    /** Symbols, flag sets, expressions: the raw text; {@code path} when it carried {@code <...>}. */
    record Sym(String text, String path) implements Value {
        /** Whether the flag set contains {@code flag} as a whole word. */
        public boolean has(String flag) {
            for (String part : text.split("[|\\s]+")) if (part.equals(flag)) return true;
            return false;
        }
    }

    /** The number, or {@code dflt} when the value is not one. */
    static long num(Value v, long dflt) {
        return v instanceof Num n ? n.value() : dflt;
    }

    /** The {@code -y} path of a file descriptor or {@code AT_FDCWD<...>}, else null. */
    static String path(Value v) {
        if (v instanceof Num n) return n.path();
        if (v instanceof Sym s) return s.path();
        return null;
    }

    /** Whether a flags argument mentions {@code flag}. */
    static boolean hasFlag(Value v, String flag) {
        return v instanceof Sym s && s.has(flag);
    }
}
