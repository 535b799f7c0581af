package dev.pinfuzz.importer;

import dev.pinfuzz.importer.StraceLine.Kind;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits one strace line into pid, call name, argument text and result. It only finds the
 * boundaries (the arguments are decoded later by {@link ArgParser}); a line it cannot split is
 * a {@link SyntaxError} pointing at the offending column.
 */
final class LineParser {
    private static final Pattern PID = Pattern.compile("^\\s*(?:\\[pid\\s+(\\d+)(?:<[^>]*>)?\\]|(\\d+)(?:<[^>]*>)?)\\s+"); // -Y: 19818<comm>
    /**
     * {@code -t}/{@code -tt}/{@code -ttt}/{@code -r} timestamps, then {@code -i} instruction pointers
     * (all {@code ?} on exit and signal lines strace cannot place) and {@code -n} syscall numbers.
     */
    private static final Pattern TIME = Pattern.compile(
            "^\\s*(?:\\d{1,2}:\\d{2}:\\d{2}(?:\\.\\d+)?|\\d+\\.\\d+)\\s+(?:\\[(?:[0-9a-f]{8,16}|\\?{8,16})\\]\\s+|\\[\\s*\\d+\\]\\s+){0,2}"
            + "|^\\s*(?:\\[(?:[0-9a-f]{8,16}|\\?{8,16})\\]\\s+|\\[\\s*\\d+\\]\\s+){1,2}");
    /** A {@code -k} stack frame: {@code  > /lib/libc.so.6(__pread64+0x17) [0x10e8a7]}. */
    private static final Pattern STACK = Pattern.compile("^\\s+> ");
    private static final Pattern SUPERSEDED = Pattern.compile("^\\+\\+\\+ superseded by execve in pid (\\d{1,9}) \\+\\+\\+$");
    /** strace -c / -C: the summary table's header, its rules and its rows ({@code  45.00 0.000045 4 10 pwrite64}). */
    private static final Pattern SUMMARY_HEAD = Pattern.compile("^% time\\s+seconds\\s");
    private static final Pattern SUMMARY_ROW = Pattern.compile("^-+(?: +-+)+\\s*$|^\\s*\\d+\\.\\d+(?:\\s+\\d+(?:\\.\\d+)?){2,4}\\s+[a-z_][a-z0-9_]*\\s*$");
    private static final Pattern NAME = Pattern.compile("^([a-z_][a-z0-9_]*)\\(");
    private static final Pattern RESUMED = Pattern.compile("^<\\.\\.\\. ([a-z_][a-z0-9_]*) resumed>");
    private static final Pattern EXITED = Pattern.compile("^\\+\\+\\+ (?:exited with (-?\\d+)|killed by (\\S+)(?: \\(core dumped\\))?) \\+\\+\\+$");
    private static final Pattern RET = Pattern.compile("^\\s*=\\s*(\\?|0x[0-9a-fA-F]+|-?\\d+)");
    private static final Pattern ERRNO = Pattern.compile("^(?:\\(deleted\\))?(?:\\s+(E[A-Z0-9_]+)\\b)?");
    private static final String UNFINISHED = " <unfinished ...>";

    private LineParser() {}

    static StraceLine parse(String line) throws SyntaxError {
        binary(line);
        if (STACK.matcher(line).find()) return StraceLine.info(0); // -k: part of the call above
        int pos = 0;
        int pid = 0;
        Matcher m = PID.matcher(line);
        if (m.find()) {
            String p = m.group(1) != null ? m.group(1) : m.group(2);
            if (p.length() > 9) throw new SyntaxError(1, "pid " + p + " is out of range");
            pid = Integer.parseInt(p);
            pos = m.end();
        }
        m = TIME.matcher(line.substring(pos));
        if (m.find()) pos += m.end();
        String rest = line.substring(pos);
        if (rest.isBlank()) throw new SyntaxError(pos + 1, "a line with a pid but no event (a cut line?)");
        if (rest.startsWith("---")) {
            if (!rest.endsWith("---") || rest.length() < 7) throw new SyntaxError(pos + 1, "signal line without its closing '---'");
            return new StraceLine(Kind.SIGNAL, pid, null, null, 0, null, null, null, 0);
        }
        if (rest.startsWith("+++")) {
            m = SUPERSEDED.matcher(rest);
            if (m.find()) return new StraceLine(Kind.SUPERSEDED, pid, null, null, 0, null, null, null, Integer.parseInt(m.group(1)));
            m = EXITED.matcher(rest);
            if (!m.find()) throw new SyntaxError(pos + 1, "expected '+++ exited with N +++' or '+++ killed by SIG +++'");
            int code = m.group(1) != null ? (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, Long.parseLong(m.group(1)))) : -1;
            return new StraceLine(Kind.EXIT, pid, null, null, 0, null, null, null, code);
        }
        if (rest.startsWith("strace: ") || rest.startsWith("????") || rest.endsWith(" <detached ...>")) return StraceLine.info(pid);
        m = RESUMED.matcher(rest);
        if (m.find()) {
            int argsStart = pos + m.end();
            int close = closing(line, argsStart, 1);
            return withResult(Kind.RESUMED, pid, m.group(1), line, argsStart, close);
        }
        m = NAME.matcher(rest);
        if (!m.find()) throw new SyntaxError(pos + 1, "expected a system call, '<... NAME resumed>', '--- SIGNAL ---' or '+++ exited +++'");
        String name = m.group(1);
        int argsStart = pos + m.end();
        if (line.endsWith(UNFINISHED)) {
            int end = line.length() - UNFINISHED.length();
            if (end < argsStart) throw new SyntaxError(argsStart + 1, "malformed unfinished call");
            return new StraceLine(Kind.UNFINISHED, pid, name, line.substring(argsStart, end), argsStart + 1, null, null, null, 0);
        }
        int close = closing(line, argsStart, 1);
        return withResult(Kind.CALL, pid, name, line, argsStart, close);
    }

    /** Where the event starts: after the pid, the timestamp and the {@code -i}/{@code -n} fields. */
    static int eventStart(String line) {
        int pos = 0;
        Matcher m = PID.matcher(line);
        if (m.find()) pos = m.end();
        m = TIME.matcher(line.substring(pos));
        if (m.find()) pos += m.end();
        return pos;
    }

    /** The first line of the {@code -c}/{@code -C} summary table. */
    static boolean summaryHead(String line) {
        return SUMMARY_HEAD.matcher(line).find();
    }

    /** A rule or row of the summary table. */
    static boolean summaryRow(String line) {
        return SUMMARY_ROW.matcher(line).find();
    }

    /** A control character (binary data in the log) is a syntax error at its column. */
    static void binary(String line) throws SyntaxError {
        for (int k = 0; k < line.length(); k++) {
            char c = line.charAt(k);
            if ((c < 0x20 && c != '\t') || c == 0x7f)
                throw new SyntaxError(k + 1, String.format("binary data (character 0x%02x) in the log", (int) c));
        }
    }

    private static StraceLine withResult(Kind kind, int pid, String name, String line, int argsStart, int close) throws SyntaxError {
        if (close < 0) throw new SyntaxError(line.length() + 1, name + ": the argument list is never closed (a cut line?)");
        String after = line.substring(close + 1);
        Matcher r = RET.matcher(after);
        if (!r.find()) throw new SyntaxError(close + 2, name + ": expected ' = ' and a return value after ')'");
        Long ret = null;
        String v = r.group(1);
        try {
            if (v.startsWith("0x")) ret = Long.parseUnsignedLong(v.substring(2), 16);
            else if (!v.equals("?")) ret = Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new SyntaxError(close + 2, name + ": return value " + v + " is out of range");
        }
        String path = null;
        int k = r.end();
        if (k < after.length() && (Character.isLetterOrDigit(after.charAt(k)) || after.charAt(k) == '_'))
            throw new SyntaxError(close + 2 + r.start(1), name + ": malformed return value " + Text.compact(after.substring(r.start(1)).split("\\s")[0], 40));
        if (k < after.length() && after.charAt(k) == '<') { // the -y path of a returned descriptor
            int end = Annotation.end(after, k);
            if (end < 0) throw new SyntaxError(close + 2 + k, name + ": the '<' after the return value is never closed (a cut line?)");
            path = Annotation.path(after.substring(k + 1, end));
            k = end + 1;
        }
        Matcher e = ERRNO.matcher(after.substring(k));
        e.find();
        return new StraceLine(kind, pid, name, line.substring(argsStart, close), argsStart + 1, ret, path, e.group(1), 0);
    }

    /**
     * The index of the parenthesis that brings the nesting {@code depth} at {@code from} to 0,
     * skipping strings and {@code <...>} annotations; -1 when the line ends first.
     */
    static int closing(String s, int from, int depth) throws SyntaxError {
        int i = from;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '"') {
                int open = i++;
                while (i < s.length() && s.charAt(i) != '"') i += s.charAt(i) == '\\' ? 2 : 1;
                if (i >= s.length()) throw new SyntaxError(open + 1, "string is never closed (a cut line?)");
            } else if (Annotation.opens(s, i)) {
                int end = Annotation.end(s, i);
                if (end < 0) return -1;
                i = end;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
                if (depth == 0 && c != ')') throw new SyntaxError(i + 1, "unbalanced '" + c + "' closes the argument list");
                if (depth == 0) return i;
            }
            i++;
        }
        return -1;
    }
}
