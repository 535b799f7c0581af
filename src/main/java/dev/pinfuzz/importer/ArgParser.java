package dev.pinfuzz.importer;

import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the argument list of one system call as strace prints it ({@code -x -y}). Lenient
 * where strace is creative (comments, {@code =>} updates, expressions kept as raw text), strict
 * only where the text cannot be split at all (an unterminated string or bracket).
 */
final class ArgParser {
    /** Deeper nesting than strace ever prints is garbage (and would exhaust the stack). */
    private static final int MAX_DEPTH = 64;

    private final String s;
    /** Column of {@code s.charAt(0)} in the source line, for messages. */
    private final int base;
    private int i;
    private int depth;
    /** Where each top-level argument starts in {@code s}. */
    private final List<Integer> starts = new ArrayList<>();

    private ArgParser(String s, int base) {
        this.s = s;
        this.base = base;
    }

    /** The top-level arguments of {@code text} (the part between the call's parentheses). */
    static List<Value> parse(String text, int column) throws SyntaxError {
        ArgParser p = new ArgParser(text, column);
        return p.list('\0');
    }

    /**
     * How many characters into {@code text} its {@code index}-th top-level argument starts (0 when
     * there is no such argument), so a problem with an argument's value can point at it.
     */
    static int start(String text, int index) {
        ArgParser p = new ArgParser(text, 0);
        try {
            p.list('\0');
        } catch (SyntaxError e) {
            return 0;
        }
        return index >= 0 && index < p.starts.size() ? p.starts.get(index) : 0;
    }

    private SyntaxError err(int at, String msg) {
        return new SyntaxError(base + at, msg);
    }

    private void spaces() {
        while (i < s.length() && s.charAt(i) == ' ') i++;
    }

    /** Elements separated by commas up to {@code close} (or the end for {@code '\0'}). */
    private List<Value> list(char close) throws SyntaxError {
        List<Value> out = new ArrayList<>();
        int open = i - 1;
        while (true) {
            spaces();
            if (i >= s.length()) {
                if (close == '\0') return out;
                throw err(Math.max(open, 0), "'" + (close == ']' ? '[' : '{') + "' is never closed");
            }
            char c = s.charAt(i);
            if (c == close) {
                i++;
                return out;
            }
            if (c == ',') {
                i++;
                continue;
            }
            int before = i;
            Value v = element(close);
            if (v != null) {
                out.add(v);
                if (close == '\0') starts.add(before);
            } else if (i == before) throw err(i, "unbalanced '" + c + "'");
        }
    }

    /** One element: a value, then whatever strace appended to it up to the next separator. */
    private Value element(char close) throws SyntaxError {
        if (s.startsWith("/*", i)) {
            int end = s.indexOf("*/", i + 2);
            i = end < 0 ? s.length() : end + 2;
            return null;
        }
        if (s.startsWith("...", i)) {
            i += 3;
            return new Value.Sym("...", null);
        }
        int start = i;
        Value v = value(close);
        spaces();
        if (i < s.length() && s.charAt(i) != ',' && s.charAt(i) != close) {
            int tail = i;
            rawTail(close); // "=> {...}" updates, "*1024", "(deleted)": keep the leading value
            String after = s.substring(tail, i).trim();
            // -X verbose: "0 /* IORING_REGISTER_BUFFERS */", "0x42 /* O_RDWR|O_CREAT */": the name is the value
            if (v instanceof Value.Num && after.startsWith("/*") && after.endsWith("*/") && after.length() >= 4)
                return new Value.Sym(after.substring(2, after.length() - 2).trim(), Value.path(v));
            if (v instanceof Value.Num && !after.equals("(deleted)")) return new Value.Sym(s.substring(start, i).trim(), Value.path(v));
        }
        return v;
    }

    private Value value(char close) throws SyntaxError {
        char c = s.charAt(i);
        if ((c == '[' || c == '{') && ++depth > MAX_DEPTH) throw err(i, "brackets nested more than " + MAX_DEPTH + " deep");
        try {
            return nested(c, close);
        } finally {
            if (c == '[' || c == '{') depth--;
        }
    }

    private Value nested(char c, char close) throws SyntaxError {
        if (c == '"') return string();
        if (c == '[') {
            i++;
            List<Value> items = list(']');
            boolean cut = !items.isEmpty() && items.get(items.size() - 1) instanceof Value.Sym y && y.text().equals("...");
            if (cut) items.remove(items.size() - 1);
            return new Value.Arr(items, cut);
        }
        if (c == '{') {
            i++;
            return struct();
        }
        if (c == '-' || Character.isDigit(c)) {
            Value.Num n = number();
            if (n != null) return n;
        }
        int start = i;
        String path = rawTail(close);
        if (i == start) return null; // a bracket of another level: the caller reports it
        return new Value.Sym(s.substring(start, i).trim(), path);
    }

    private Value struct() throws SyntaxError {
        List<Value.Field> fields = new ArrayList<>();
        int open = i - 1;
        while (true) {
            spaces();
            if (i >= s.length()) throw err(open, "'{' is never closed");
            char c = s.charAt(i);
            if (c == '}') {
                i++;
                return new Value.Struct(fields);
            }
            if (c == ',') {
                i++;
                continue;
            }
            String name = null;
            int k = i;
            while (k < s.length() && (Character.isLetterOrDigit(s.charAt(k)) || s.charAt(k) == '_')) k++;
            if (k > i && k < s.length() && s.charAt(k) == '=' && (k + 1 >= s.length() || s.charAt(k + 1) != '=')) {
                name = s.substring(i, k);
                i = k + 1;
                spaces();
                if (i >= s.length()) throw err(open, "'{' is never closed");
            }
            int before = i;
            Value v = element('}');
            if (v != null) fields.add(new Value.Field(name, v));
            else if (i == before) throw err(i, "unbalanced '" + s.charAt(i) + "'");
        }
    }

    /** A number and its optional {@code <path>}; null (position unchanged) when it is not one. */
    private Value.Num number() {
        int start = i;
        int k = i;
        if (s.charAt(k) == '-') k++;
        int digits = k;
        int radix = 10;
        if (s.startsWith("0x", k)) {
            radix = 16;
            k += 2;
            digits = k;
            while (k < s.length() && Character.digit(s.charAt(k), 16) >= 0) k++;
        } else {
            while (k < s.length() && Character.isDigit(s.charAt(k))) k++;
            if (k - digits > 1 && s.charAt(digits) == '0') radix = 8;
        }
        if (k == digits || (k < s.length() && (Character.isLetter(s.charAt(k)) || s.charAt(k) == '_'))) return null;
        long v;
        try {
            String d = s.substring(digits, k);
            v = radix == 10 ? Long.parseLong(d) : Long.parseUnsignedLong(d, radix);
        } catch (NumberFormatException e) {
            return null; // out of range: keep it as text
        }
        if (s.charAt(start) == '-') v = -v;
        i = k;
        String path = null;
        if (Annotation.opens(s, i)) path = angle();
        return new Value.Num(v, path);
    }

    /** The annotation starting at {@code i}: what it names ({@link Annotation#path}); an unclosed one runs to the end. */
    private String angle() {
        int end = Annotation.end(s, i);
        String inside = s.substring(i + 1, end < 0 ? s.length() : end);
        i = end < 0 ? s.length() : end + 1;
        return Annotation.path(inside);
    }

    /**
     * Skips raw text up to the next top-level {@code ,} or {@code close}, over nested brackets,
     * strings and {@code <...>}; returns the first {@code <path>} seen, or null.
     */
    private String rawTail(char close) throws SyntaxError {
        String path = null;
        int depth = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (depth == 0 && (c == ',' || c == close)) break;
            if (c == '"') {
                string();
                continue;
            }
            if (Annotation.opens(s, i)) {
                String a = angle();
                if (path == null) path = a;
                continue;
            }
            if (c == '(' || c == '[' || c == '{') depth++;
            else if (c == ')' || c == ']' || c == '}') {
                if (depth == 0) break; // a closing bracket of an outer level we do not own
                depth--;
            }
            i++;
        }
        return path;
    }

    /** A quoted string with C escapes; {@code "..."...} marks a cut string. */
    private Value.Str string() throws SyntaxError {
        int open = i;
        i++;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (i >= s.length()) throw err(open, "string is never closed (a cut line?)");
            char c = s.charAt(i++);
            if (c == '"') break;
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (i >= s.length()) throw err(open, "string is never closed (a cut line?)");
            char e = s.charAt(i++);
            switch (e) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'r' -> sb.append('\r');
                case 'v' -> sb.append('\u000b');
                case 'f' -> sb.append('\f');
                case 'x' -> {
                    int k = i;
                    while (k < s.length() && k < i + 2 && Character.digit(s.charAt(k), 16) >= 0) k++;
                    if (k == i) throw err(i - 2, "bad escape '\\x' without hex digits");
                    sb.append((char) Integer.parseInt(s.substring(i, k), 16));
                    i = k;
                }
                default -> {
                    if (e >= '0' && e <= '7') {
                        int k = i - 1;
                        int end = k;
                        while (end < s.length() && end < k + 3 && s.charAt(end) >= '0' && s.charAt(end) <= '7') end++;
                        sb.append((char) (Integer.parseInt(s.substring(k, end), 8) & 0xff));
                        i = end;
                    } else {
                        sb.append(e); // \\ \" and anything strace invents
                    }
                }
            }
        }
        boolean cut = s.startsWith("...", i);
        if (cut) i += 3;
        return new Value.Str(sb.toString(), cut);
    }
}
