package dev.pinfuzz.importer;

import java.nio.ByteBuffer;
import java.nio.charset.CharsetDecoder;
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

    private StraceReader() {}

    /** Decodes bytes as UTF-8, replacing what is not (the line then reports binary data). */
    static String decode(byte[] bytes) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        try {
            return d.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1); // not reached with REPLACE
        }
    }

    static Log read(String text) {
        StraceReader r = new StraceReader();
        String[] lines = text.split("\r?\n", -1);
        int n = lines.length;
        if (n > 0 && lines[n - 1].isEmpty()) n--; // the final newline
        for (int i = 0; i < n; i++) r.line(i + 1, lines[i]);
        for (Map.Entry<Integer, Pending> e : r.pending.entrySet()) {
            Pending p = e.getValue();
            r.problems.add(new Problem(p.line, 1, "pid " + e.getKey() + ": " + p.name + " is never resumed (the log ends)"));
        }
        return new Log(r.events, r.problems, n, r.calls, r.signals);
    }

    private void line(int no, String text) {
        if (text.isBlank()) return;
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
                call(new Syscall(no, no, l.pid(), l.name(), l.args(), l.argsCol(), l.ret(), l.retPath(), l.errno(), stripPrefix(text)));
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
        // Columns of the joined arguments point into the resumed line.
        call(new Syscall(p.line, no, l.pid(), l.name(), p.args + l.args(), l.argsCol() - p.args.length(), l.ret(),
                l.retPath(), l.errno(), head + tail));
    }

    private void call(Syscall c) {
        calls++;
        events.add(new Event.Call(c));
    }

    /** The line without its pid and timestamp, for comments. */
    private static String stripPrefix(String text) {
        return text.replaceFirst("^(?:\\[pid\\s+\\d+\\]|\\d+)\\s+", "")
                .replaceFirst("^(?:\\d{1,2}:\\d{2}:\\d{2}(?:\\.\\d+)?|\\d+\\.\\d+)\\s+", "");
    }
}
