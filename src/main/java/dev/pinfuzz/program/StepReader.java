package dev.pinfuzz.program;

import dev.pinfuzz.program.Lexer.Kind;
import dev.pinfuzz.program.Lexer.Token;
import java.util.ArrayList;
import java.util.List;

/** Reads and validates one step line: {@code [TASK:] [HANDLE =] CALL(ARGS)}. */
final class StepReader {
    private final TraceParser p;
    private final int no;
    private final List<Token> t;
    private int pos;

    StepReader(TraceParser p, int no, List<Token> t) {
        this.p = p;
        this.no = no;
        this.t = t;
    }

    private BadInputException err(Token at, String msg) {
        return new BadInputException(p.src(), no, at.col(), msg);
    }

    private BadInputException errAfter(Token last, String msg) {
        return new BadInputException(p.src(), no, last.col() + last.text().length(), msg);
    }

    private Token next(String what) throws BadInputException {
        if (pos >= t.size()) throw errAfter(t.get(t.size() - 1), "expected " + what + " at the end of the line");
        return t.get(pos++);
    }

    private Token peek(int k) {
        return pos + k < t.size() ? t.get(pos + k) : null;
    }

    void read() throws BadInputException {
        Token taskTok = null;
        Token handleTok = null;
        if (peek(1) != null && peek(1).is(":")) {
            taskTok = next("a task");
            if (taskTok.kind() != Kind.IDENT) throw err(taskTok, "expected a task name, found '" + taskTok.text() + "'");
            pos++;
        }
        if (peek(1) != null && peek(1).is("=")) {
            handleTok = next("a handle");
            if (handleTok.kind() != Kind.IDENT) throw err(handleTok, "expected a handle name, found '" + handleTok.text() + "'");
            pos++;
        }
        Token callTok = next("a call");
        if (callTok.kind() != Kind.IDENT) throw err(callTok, "expected a call, found '" + callTok.text() + "'");
        Call call = Call.bySpelling(callTok.text());
        if (call == null) throw err(callTok, "unknown call '" + callTok.text() + "'");
        Token open = next("'('");
        if (!open.is("(")) throw err(open, "expected '(' after " + callTok.text() + ", found '" + open.text() + "'");
        List<List<Token>> args = args(open);
        if (p.files().isEmpty()) throw new BadInputException(p.src(), no, 1, "no file line before the first step: a trace needs at least one 'file NAME pages=N'");

        StaticState st = p.state();
        int task = -1;
        if (call == Call.CRASH) {
            if (taskTok != null) throw err(taskTok, "crash() belongs to no task: write it without '" + taskTok.text() + ":'");
        } else {
            task = p.taskIndex(taskTok == null ? "A" : taskTok.text());
            Integer exitedAt = st.exited.get(task);
            if (exitedAt != null)
                throw err(taskTok == null ? callTok : taskTok, "task " + p.taskName(task) + " exited at line " + exitedAt + " and has no further steps before a crash()");
        }
        boolean gup = call == Call.GET_USER_PAGES || call == Call.PIN_USER_PAGES;
        if (gup && handleTok == null) throw err(callTok, call.spelling() + " returns a handle: write H = " + call.spelling() + "(...)");
        if (!gup && handleTok != null) throw err(handleTok, "only get_user_pages and pin_user_pages return a handle");
        Op op = op(call, callTok, args, task);
        int handle = -1;
        if (gup) {
            if (p.handleIndex(handleTok.text()) != null) throw err(handleTok, "handle " + handleTok.text() + " is defined twice");
            handle = p.defineHandle(handleTok.text());
            Op.Gup g = (Op.Gup) op;
            st.handles.add(new StaticState.HandleInfo(no, task, st.epoch, g.flags(), g.nr()));
        }
        if (call == Call.CRASH) st.crash(no);
        if (call == Call.EXIT) st.exit(task, no);
        p.addStep(no, new Step(task, handle, op));
    }

    /** Splits the arguments between '(' and ')' at commas. */
    private List<List<Token>> args(Token open) throws BadInputException {
        List<List<Token>> args = new ArrayList<>(4);
        List<Token> cur = new ArrayList<>(3);
        Token last = open;
        while (true) {
            if (pos >= t.size()) throw errAfter(last, "expected ')' to close the argument list");
            Token x = t.get(pos++);
            if (x.is(")")) {
                if (!cur.isEmpty() || !args.isEmpty()) {
                    if (cur.isEmpty()) throw err(x, "expected an argument before ')'");
                    args.add(cur);
                }
                break;
            }
            if (x.is(",")) {
                if (cur.isEmpty()) throw err(x, "expected an argument before ','");
                args.add(cur);
                cur = new ArrayList<>(3);
            } else if (x.is("(") || x.is(":") || x.is("=")) {
                throw err(x, "unexpected '" + x.text() + "' in the argument list");
            } else {
                cur.add(x);
            }
            last = x;
        }
        if (pos < t.size()) throw err(t.get(pos), "unexpected '" + t.get(pos).text() + "' after ')'");
        return args;
    }

    private void arity(Call call, Token callTok, List<List<Token>> args, int n, String sig) throws BadInputException {
        if (args.size() != n)
            throw err(args.size() > n ? args.get(n).get(0) : callTok,
                    call.spelling() + " takes " + n + " argument" + (n == 1 ? "" : "s") + ": " + sig + ", found " + args.size());
    }

    private Token single(List<Token> arg) throws BadInputException {
        if (arg.size() != 1) throw err(arg.get(1), "unexpected '" + arg.get(1).text() + "'");
        return arg.get(0);
    }

    private int file(List<Token> arg) throws BadInputException {
        Token x = single(arg);
        Integer f = x.kind() == Kind.IDENT ? p.fileIndex(x.text()) : null;
        if (f == null) throw err(x, "unknown file '" + x.text() + "'");
        return f;
    }

    private int num(List<Token> arg, long min, long max, String what) throws BadInputException {
        return p.number(no, single(arg), min, max, what);
    }

    /** A handle that is live here: defined earlier, not released, not from before a crash. */
    private int handle(List<Token> arg) throws BadInputException {
        Token x = single(arg);
        Integer h = x.kind() == Kind.IDENT ? p.handleIndex(x.text()) : null;
        if (h == null) throw err(x, "unknown handle '" + x.text() + "'");
        StaticState.HandleInfo hi = p.state().handles.get(h);
        if (hi.epoch != p.state().epoch)
            throw err(x, "handle " + x.text() + " was taken at line " + hi.definedLine + ", before the crash() at line " + p.state().lastCrashLine + ": pins do not survive a crash");
        if (hi.releasedLine != 0 && hi.releasedByExit)
            throw err(x, "handle " + x.text() + " is used after its release by the exit() of task "
                    + p.taskName(hi.owner) + " at line " + hi.releasedLine);
        if (hi.releasedLine != 0)
            throw err(x, "handle " + x.text() + " is used after its release at line " + hi.releasedLine);
        return h;
    }

    private Op op(Call call, Token callTok, List<List<Token>> a, int task) throws BadInputException {
        List<FileDecl> files = p.files();
        switch (call) {
            case WRITE, STORE -> {
                arity(call, callTok, a, 3, "(FILE, OFF, LEN)");
                int f = file(a.get(0));
                int max = files.get(f).bytes();
                int off = num(a.get(1), 0, max, "offset");
                int len = num(a.get(2), 0, max, "length");
                if ((long) off + len > max)
                    throw err(a.get(2).get(0), "offset " + off + " + length " + len + " is past the end of file " + files.get(f).name() + " (" + max + " bytes)");
                return call == Call.WRITE ? new Op.Write(f, off, len) : new Op.Store(f, off, len);
            }
            case GET_USER_PAGES, PIN_USER_PAGES -> {
                arity(call, callTok, a, 4, "(FILE, PAGE, NR, FLAGS)");
                int f = file(a.get(0));
                int pages = files.get(f).pages();
                int page = num(a.get(1), 0, pages - 1, "page");
                int nr = num(a.get(2), 1, pages, "nr");
                if (page + nr > pages)
                    throw err(a.get(2).get(0), "pages " + page + ".." + (page + nr - 1) + " are past the end of file " + files.get(f).name() + " (" + pages + " pages)");
                return new Op.Gup(call == Call.PIN_USER_PAGES, f, page, nr, flags(a.get(3)));
            }
            case DMA_WRITE -> {
                arity(call, callTok, a, 3, "(HANDLE, OFF, LEN)");
                int h = handle(a.get(0));
                StaticState.HandleInfo hi = p.state().handles.get(h);
                if (!Flags.write(hi.flags))
                    throw err(a.get(0).get(0), "dma_write through handle " + p.handleNames().get(h) + ", taken at line " + hi.definedLine + " without FOLL_WRITE");
                int max = hi.pages * FileDecl.PAGE_SIZE;
                int off = num(a.get(1), 0, max, "offset");
                int len = num(a.get(2), 0, max, "length");
                if ((long) off + len > max)
                    throw err(a.get(2).get(0), "offset " + off + " + length " + len + " is past the end of handle " + p.handleNames().get(h) + " (" + hi.pages + (hi.pages == 1 ? " page = " : " pages = ") + max + " bytes)");
                return new Op.DmaWrite(h, off, len);
            }
            case UNPIN_USER_PAGES, PUT_USER_PAGE, PUT_USER_PAGES_DIRTY_LOCK, PUT_PAGE -> {
                arity(call, callTok, a, 1, "(HANDLE)");
                int h = handle(a.get(0));
                p.state().handles.get(h).releasedLine = no;
                return new Op.Release(call, h, call == Call.PUT_USER_PAGES_DIRTY_LOCK);
            }
            case UNPIN_USER_PAGES_DIRTY_LOCK -> {
                arity(call, callTok, a, 2, "(HANDLE, true|false)");
                int h = handle(a.get(0));
                Token b = single(a.get(1));
                if (!b.is("true") && !b.is("false")) throw err(b, "expected true or false, found '" + b.text() + "'");
                p.state().handles.get(h).releasedLine = no;
                return new Op.Release(call, h, b.is("true"));
            }
            case SET_PAGE_DIRTY_LOCK -> {
                arity(call, callTok, a, 1, "(HANDLE)");
                return new Op.SetPageDirtyLock(handle(a.get(0)));
            }
            case FSYNC, FDATASYNC, MSYNC, SYNC_FILE_RANGE, WRITEBACK -> {
                arity(call, callTok, a, 1, "(FILE)");
                return new Op.Sync(call, file(a.get(0)));
            }
            case TRUNCATE -> {
                arity(call, callTok, a, 2, "(FILE, SIZE)");
                int f = file(a.get(0));
                return new Op.Truncate(f, num(a.get(1), 0, files.get(f).bytes(), "size"));
            }
            case SYNC -> {
                arity(call, callTok, a, 0, "()");
                return new Op.Sync(call, -1);
            }
            case RECLAIM -> {
                arity(call, callTok, a, 0, "()");
                return new Op.Reclaim();
            }
            case EXIT -> {
                arity(call, callTok, a, 0, "()");
                return new Op.Exit();
            }
            case CRASH -> {
                arity(call, callTok, a, 0, "()");
                return new Op.Crash();
            }
            default -> throw new AssertionError(call);
        }
    }

    /** {@code 0}, or flag names joined by {@code |}. */
    private int flags(List<Token> arg) throws BadInputException {
        if (arg.size() == 1 && arg.get(0).kind() == Kind.NUMBER) {
            if (!arg.get(0).is("0")) throw err(arg.get(0), "flags must be 0 or FOLL_WRITE, FOLL_LONGTERM joined by '|', found '" + arg.get(0).text() + "'");
            return 0;
        }
        int flags = 0;
        for (int i = 0; i < arg.size(); i++) {
            Token x = arg.get(i);
            if (i % 2 == 1) {
                if (!x.is("|")) throw err(x, "expected '|' between flags, found '" + x.text() + "'");
                if (i == arg.size() - 1) throw errAfter(x, "expected a flag after '|'");
                continue;
            }
            int bit = x.kind() == Kind.IDENT ? Flags.bit(x.text()) : 0;
            if (bit == 0) throw err(x, "unknown flag '" + x.text() + "' (FOLL_WRITE, FOLL_LONGTERM)");
            flags |= bit;
        }
        return flags;
    }
}
