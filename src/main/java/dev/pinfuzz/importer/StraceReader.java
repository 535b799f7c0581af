package dev.pinfuzz.importer;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a whole {@code strace -f} log into events: joins each {@code <unfinished ...>} with its
 * {@code <... NAME resumed>} (per pid), keeps exits, counts signals. A line it cannot use is a
 * {@link Problem} and is skipped; nothing here throws on bad input.
 */
final class StraceReader {
    /** The reader's result. */
    record Log(List<Event> events, List<Problem> problems, int lines, int calls, int signals) {}

    private record Pending(String name, String args, int argsCol, int line, String text) {}

    private final List<Event> events = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    private final Map<Integer, Pending> pending = new TreeMap<>();
    private int calls;
    private int signals;
    /** Inside the -c/-C summary table at the end of the log. */
    private boolean summary;
    /**
     * A log captured from stderr ({@code strace -f cmd 2>log}) has strace's own notices written
     * into the middle of a traced line ({@code clone(... SIGCHLDstrace: Process 12 attached}), the
     * rest of the line following on the next: the part before the notice, and where it began.
     */
    private String carry;
    private int carryLine;
    private static final java.util.regex.Pattern NOTICE_TAIL = java.util.regex.Pattern.compile(
            "strace: (?:Process \\d+ (?:attached|detached|suspended)|\\[ Process PID=\\d+ runs in .* mode\\. \\])$");

    private StraceReader() {}

    /**
     * Reads a log: lines end with {@code \n} or {@code \r\n}, a UTF-8 byte order mark at the start
     * is dropped, and a line that is not UTF-8 is a problem naming the first bad byte.
     */
    static Log read(byte[] bytes) {
        StraceReader r = new StraceReader();
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf ? 3 : 0;
        int n = 0;
        while (start < bytes.length) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') end++;
            int stop = end > start && bytes[end - 1] == '\r' ? end - 1 : end;
            r.line(++n, bytes, start, stop);
            start = end + 1;
        }
        if (r.carry != null) {
            String last = r.carry;
            r.carry = null;
            r.line(r.carryLine, last);
        }
        for (Map.Entry<Integer, Pending> e : r.pending.entrySet()) {
            Pending p = e.getValue();
            r.problems.add(new Problem(p.line, 1, "pid " + e.getKey() + ": " + p.name + " is never resumed (the log ends)"));
        }
        return new Log(r.events, r.problems, n, r.calls, r.signals);
    }

    /** Decodes one line; one that is not UTF-8 is reported where its first bad byte is. */
    private void line(int no, byte[] bytes, int from, int to) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, from, to - from);
        CharBuffer out = CharBuffer.allocate(to - from);
        CoderResult res = d.decode(in, out, true);
        if (res.isError()) {
            String before = out.flip().toString();
            try {
                LineParser.binary(before); // a control character before the bad byte is the first thing wrong
                problems.add(new Problem(no, before.length() + 1, String.format("invalid UTF-8 byte 0x%02x", bytes[in.position()] & 0xff)));
            } catch (SyntaxError e) {
                problems.add(new Problem(no, e.column, e.getMessage()));
            }
            return;
        }
        d.flush(out);
        line(no, out.flip().toString());
    }

    private void line(int no, String text) {
        if (carry != null) { // the line a notice cut: its rest is this one
            text = carry + text;
            no = carryLine;
            carry = null;
        }
        java.util.regex.Matcher notice = NOTICE_TAIL.matcher(text);
        if (notice.find() && !text.substring(0, notice.start()).isBlank()) {
            carry = text.substring(0, notice.start());
            carryLine = no;
            return;
        }
        if (text.isBlank()) return;
        summary = LineParser.summaryHead(text) || summary && LineParser.summaryRow(text);
        if (summary) return;
        StraceLine l;
        try {
            l = LineParser.parse(text);
        } catch (SyntaxError e) {
            problems.add(new Problem(no, e.column, e.getMessage()));
            return;
        } catch (RuntimeException e) { // never let one line stop the import
            problems.add(new Problem(no, 1, "cannot read this line: " + e));
            return;
        }
        switch (l.kind()) {
            case INFO -> { }
            case SIGNAL -> signals++;
            case EXIT -> {
                pending.remove(l.pid()); // a call cut short by the exit is not a problem
                events.add(new Event.Exit(no, l.pid(), l.exitCode()));
            }
            case SUPERSEDED -> { // the execve of thread exitCode() is resumed under this pid
                pending.remove(l.pid());
                Pending exec = pending.remove(l.exitCode());
                if (exec != null) pending.put(l.pid(), exec);
                events.add(new Event.Superseded(no, l.pid(), l.exitCode()));
            }
            case UNFINISHED -> {
                Pending old = pending.put(l.pid(), new Pending(l.name(), l.args(), l.argsCol(), no, text));
                if (old != null)
                    problems.add(new Problem(no, 1, "pid " + l.pid() + " starts " + l.name() + " while its " + old.name + " (line " + old.line + ") is unfinished"));
            }
            case RESUMED -> resumed(no, l, text);
            case CALL -> {
                Pending old = pending.remove(l.pid());
                if (old != null)
                    problems.add(new Problem(old.line, 1, "pid " + l.pid() + ": " + old.name + " is never resumed (line " + no + " starts " + l.name() + ")"));
                call(new Syscall(no, l.pid(), l.name(), l.args(), l.argsCol(), l.ret(), l.retPath(), l.errno(), stripPrefix(text)));
            }
        }
    }

    private void resumed(int no, StraceLine l, String text) {
        Pending p = pending.get(l.pid());
        if (p == null) {
            problems.add(new Problem(no, 1, "'<... " + l.name() + " resumed>' but pid " + l.pid() + " has no unfinished call"));
            return;
        }
        if (!p.name.equals(l.name())) {
            problems.add(new Problem(no, 1, "'<... " + l.name() + " resumed>' but the unfinished call of pid " + l.pid() + " is " + p.name + " (line " + p.line + ")"));
            return;
        }
        pending.remove(l.pid());
        String head = stripPrefix(p.text);
        head = head.substring(0, head.length() - " <unfinished ...>".length());
        String tail = stripPrefix(text);
        tail = tail.substring(tail.indexOf('>') + 1);
        // Columns of the joined arguments point into the resumed line; Syscall.problem maps the
        // first half's back to the unfinished line.
        call(new Syscall(p.line, no, l.pid(), l.name(), p.args + l.args(), l.argsCol() - p.args.length(), l.ret(),
                l.retPath(), l.errno(), head + tail, p.argsCol, p.args.length()));
    }

    private void call(Syscall c) {
        calls++;
        events.add(new Event.Call(c));
    }

    /** The line without its pid and timestamp, for comments. */
    private static String stripPrefix(String text) {
        return text.substring(LineParser.eventStart(text));
    }
}
