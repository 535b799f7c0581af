package dev.pinfuzz.program;

import dev.pinfuzz.policy.Policies;
import dev.pinfuzz.program.Lexer.Kind;
import dev.pinfuzz.program.Lexer.Token;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The strict reader of trace format v1 (DESIGN §4). Every problem is a {@link BadInputException}
 * pointing at the offending token; nothing is run before the whole file has been checked.
 */
public final class TraceParser {
    private final String src;
    private String policy;
    private int policyLine;
    private final List<FileDecl> files = new ArrayList<>();
    private final Map<String, Integer> fileIdx = new HashMap<>();
    private final List<String> tasks = new ArrayList<>();
    private final Map<String, Integer> taskIdx = new HashMap<>();
    private final List<String> handles = new ArrayList<>();
    private final Map<String, Integer> handleIdx = new HashMap<>();
    private final List<Step> steps = new ArrayList<>();
    private final List<Integer> lines = new ArrayList<>();
    private Set<Verdict> expect;
    private int expectLine;
    private final StaticState state = new StaticState();

    private TraceParser(String src) {
        this.src = src;
    }

    /** Parses raw bytes, rejecting invalid UTF-8; of several problems, the first in the file is reported. */
    public static Program parse(String source, byte[] bytes) throws BadInputException {
        String text;
        try {
            text = decodeUtf8(source, bytes);
        } catch (BadInputException badByte) {
            // The lines before the bad byte's decode: a mistake in one of them comes first, and so
            // does one earlier on the bad byte's own line (read with the bad bytes replaced).
            int end = 0;
            for (int line = 1; line < badByte.line(); end++) if (bytes[end] == '\n') line++;
            TraceParser p = new TraceParser(source);
            String[] ls = decodeUtf8(source, java.util.Arrays.copyOf(bytes, end)).split("\n", -1);
            for (int i = 0; i + 1 < ls.length; i++) p.line(i + 1, ls[i]);
            int eol = end;
            while (eol < bytes.length && bytes[eol] != '\n') eol++;
            String bad = new String(bytes, end, eol - end, StandardCharsets.UTF_8);
            if (badByte.line() == 1 && bad.startsWith("\uFEFF")) bad = bad.substring(1); // the BOM is no column
            try {
                p.line(badByte.line(), bad);
            } catch (BadInputException earlier) {
                if (earlier.column() < badByte.column()) throw earlier;
            }
            throw badByte;
        }
        return parse(source, text);
    }

    /** Parses text. */
    public static Program parse(String source, String text) throws BadInputException {
        TraceParser p = new TraceParser(source);
        String[] ls = text.split("\n", -1);
        for (int i = 0; i < ls.length; i++) p.line(i + 1, ls[i]);
        return p.finish();
    }

    private Program finish() throws BadInputException {
        if (files.isEmpty()) throw err(steps.isEmpty() ? 1 : lines.get(0), 1, "no file line: a trace needs at least one 'file NAME pages=N'");
        int[] ln = lines.stream().mapToInt(Integer::intValue).toArray();
        return new Program(policy, files, tasks, handles, steps, expect, ln);
    }

    private BadInputException err(int line, int col, String msg) {
        return new BadInputException(src, line, col, msg);
    }

    private BadInputException err(int line, Token t, String msg) {
        return new BadInputException(src, line, t.col(), msg);
    }

    private void line(int no, String raw) throws BadInputException {
        String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
        int hash = line.indexOf('#');
        if (hash >= 0) line = line.substring(0, hash);
        List<Token> t = Lexer.tokens(src, no, line);
        if (t.isEmpty()) return;
        Token first = t.get(0);
        boolean keyword = first.kind() == Kind.IDENT
                && (t.size() == 1 || !(t.get(1).is(":") || t.get(1).is("=") || t.get(1).is("(")));
        if (keyword && first.is("policy")) {
            policyLine(no, t);
        } else if (keyword && first.is("file")) {
            fileLine(no, t);
        } else if (keyword && first.is("expect")) {
            expectLine(no, t);
        } else {
            new StepReader(this, no, t).read();
        }
    }

    private void policyLine(int no, List<Token> t) throws BadInputException {
        if (!steps.isEmpty()) throw err(no, t.get(0), "'policy' must come before the first step");
        if (policy != null) throw err(no, t.get(0), "policy given twice (first at line " + policyLine + ")");
        if (t.size() < 2) throw err(no, t.get(0).col() + 6, "expected a policy name after 'policy'");
        Token name = t.get(1);
        if (name.kind() != Kind.IDENT) throw err(no, name, "expected a policy name, found '" + name.text() + "'");
        if (Policies.get(name.text()) == null)
            throw err(no, name, "unknown policy '" + name.text() + "' (known: " + String.join(", ", Policies.names()) + ")");
        if (t.size() > 2) throw err(no, t.get(2), "unexpected '" + t.get(2).text() + "' after the policy name");
        policy = name.text();
        policyLine = no;
    }

    private void fileLine(int no, List<Token> t) throws BadInputException {
        if (!steps.isEmpty()) throw err(no, t.get(0), "'file' lines must come before the first step");
        if (t.size() < 2 || t.get(1).kind() != Kind.IDENT)
            throw err(no, t.size() < 2 ? t.get(0).col() + 4 : t.get(1).col(), "expected a file name after 'file'");
        Token name = t.get(1);
        if (fileIdx.containsKey(name.text())) throw err(no, name, "file " + name.text() + " is defined twice");
        int pages = -1;
        Fs fs = Fs.EXT4;
        boolean fsSeen = false;
        int i = 2;
        while (i < t.size()) {
            Token key = t.get(i);
            if (key.kind() != Kind.IDENT)
                throw err(no, key, "expected pages=N or fs=ext4|tmpfs, found '" + key.text() + "'");
            if (i + 1 >= t.size() || !t.get(i + 1).is("=")) throw err(no, key, "expected '=' after '" + key.text() + "'");
            if (i + 2 >= t.size()) throw err(no, t.get(i + 1).col() + 1, "expected a value after '" + key.text() + "='");
            Token val = t.get(i + 2);
            if (key.is("pages")) {
                if (pages >= 0) throw err(no, key, "pages given twice");
                pages = number(no, val, 1, FileDecl.MAX_PAGES, "pages");
            } else if (key.is("fs")) {
                if (fsSeen) throw err(no, key, "fs given twice");
                if (val.is("ext4")) fs = Fs.EXT4;
                else if (val.is("tmpfs")) fs = Fs.TMPFS;
                else throw err(no, val, "unknown file system '" + val.text() + "' (ext4 or tmpfs)");
                fsSeen = true;
            } else {
                throw err(no, key, "unknown file attribute '" + key.text() + "' (pages=N, fs=ext4|tmpfs)");
            }
            i += 3;
        }
        if (pages < 0) throw err(no, name.col() + name.text().length(), "file " + name.text() + " needs pages=N");
        fileIdx.put(name.text(), files.size());
        files.add(new FileDecl(name.text(), pages, fs));
    }

    private void expectLine(int no, List<Token> t) throws BadInputException {
        if (expect != null) throw err(no, t.get(0), "expect given twice (first at line " + expectLine + ")");
        if (t.size() < 2) throw err(no, t.get(0).col() + 6, "expected a verdict after 'expect'");
        Set<Verdict> vs = EnumSet.noneOf(Verdict.class);
        boolean ok = false;
        for (int i = 1; i < t.size(); i++) {
            Token v = t.get(i);
            if (i % 2 == 0) {
                if (!v.is(",")) throw err(no, v, "expected ',' between verdicts, found '" + v.text() + "'");
                if (i == t.size() - 1) throw err(no, v.col() + 1, "expected a verdict after ','");
                continue;
            }
            Verdict verdict = v.kind() == Kind.IDENT ? Verdict.bySpelling(v.text()) : null;
            if (verdict == null)
                throw err(no, v, "unknown verdict '" + v.text() + "' (ok, durability, liveness, pin-balance, kernel-bug, bad-input)");
            if (verdict == Verdict.OK) ok = true;
            else vs.add(verdict);
            if (ok && !vs.isEmpty()) throw err(no, v, "'ok' cannot be combined with other verdicts");
        }
        expect = vs;
        expectLine = no;
    }

    int number(int no, Token t, long min, long max, String what) throws BadInputException {
        String s = t.text();
        if (t.kind() != Kind.NUMBER) throw err(no, t, "expected a number for " + what + ", found '" + s + "'");
        boolean neg = s.startsWith("-");
        String digits = neg ? s.substring(1) : s;
        for (int i = 0; i < digits.length(); i++)
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9')
                throw err(no, t, "malformed number '" + s + "' for " + what + " (decimal digits only)");
        // Leading zeros are still decimal ("007" is 7); only significant digits can overflow.
        String significant = digits.replaceFirst("^0+(?=.)", "");
        if (significant.length() > 12) throw err(no, t, what + " " + s + " is out of range (" + min + ".." + max + ")");
        long v = Long.parseLong(significant);
        if (neg) v = -v;
        if (v < min || v > max) throw err(no, t, what + " " + s + " is out of range (" + min + ".." + max + ")");
        return (int) v;
    }

    /* Accessors for StepReader. */
    String src() { return src; }
    StaticState state() { return state; }
    List<FileDecl> files() { return files; }
    Integer fileIndex(String name) { return fileIdx.get(name); }
    Integer handleIndex(String name) { return handleIdx.get(name); }
    List<String> handleNames() { return handles; }

    int taskIndex(String name) {
        Integer i = taskIdx.get(name);
        if (i == null) {
            i = tasks.size();
            taskIdx.put(name, i);
            tasks.add(name);
        }
        return i;
    }

    int defineHandle(String name) {
        int h = handles.size();
        handleIdx.put(name, h);
        handles.add(name);
        return h;
    }

    void addStep(int no, Step s) {
        steps.add(s);
        lines.add(no);
    }

    String taskName(int t) { return tasks.get(t); }

    static String decodeUtf8(String source, byte[] bytes) throws BadInputException {
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult r = dec.decode(in, out, true);
        if (r.isError()) {
            int pos = in.position();
            int line = 1, lineStart = 0;
            for (int i = 0; i < pos; i++) if (bytes[i] == '\n') { line++; lineStart = i + 1; }
            // Columns count characters (code points), as the lexer does, and not a leading BOM.
            String before = new String(bytes, lineStart, pos - lineStart, StandardCharsets.UTF_8);
            if (line == 1 && before.startsWith("\uFEFF")) before = before.substring(1);
            int col = before.codePointCount(0, before.length()) + 1;
            throw new BadInputException(source, line, col, String.format("invalid UTF-8 (byte 0x%02x)", bytes[pos] & 0xff));
        }
        dec.flush(out);
        out.flip();
        String s = out.toString();
        if (!s.isEmpty() && s.charAt(0) == '\uFEFF') s = s.substring(1);
        return s;
    }
}
