package dev.pinfuzz.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What the reader takes from one strace -f -tt -T -x -y line. */
class StraceSyntaxTest {
    @Test
    void pidTimestampNameArgumentsResultAndDurationAreSplit() throws Exception {
        StraceLine l = LineParser.parse("19818 11:31:43.471051 pread64(4</data/src.dat>, \"aa\"..., 16384, 8192) = 16384 <0.002087>");
        assertEquals(19818, l.pid());
        assertEquals("pread64", l.name());
        assertEquals(16384L, l.ret());
        assertNull(l.errno());
        List<Value> a = ArgParser.parse(l.args(), l.argsCol());
        assertEquals(new Value.Num(4, "/data/src.dat"), a.get(0), "-y shows the fd's path");
        assertEquals(new Value.Str("aa", true), a.get(1), "\"...\"... is a cut string");
        assertEquals(new Value.Num(8192, null), a.get(3));
    }

    @Test
    void hexEscapesAndHexReturnValuesAreDecoded() throws Exception {
        StraceLine l = LineParser.parse("1 10:00:00.1 mmap(NULL, 8192, PROT_READ|PROT_WRITE, MAP_SHARED, 5</d/m>, 0x1000) = 0x7f2f89a11000 <0.1>");
        assertEquals(0x7f2f89a11000L, l.ret());
        List<Value> a = ArgParser.parse(l.args(), l.argsCol());
        assertTrue(Value.hasFlag(a.get(3), "MAP_SHARED"));
        assertEquals(0x1000L, Value.num(a.get(5), -1));
        List<Value> s = ArgParser.parse("\"\\x41\\x00\\n\\\"q\"", 1);
        assertEquals(new Value.Str("A\u0000\n\"q", false), s.get(0));
    }

    @Test
    void anErrorResultCarriesMinusOneAndTheErrnoName() throws Exception {
        StraceLine l = LineParser.parse("1 10:00:00.1 pread64(4</d/s>, 0x7f2f89a49000, 4096, 0) = -1 EFAULT (Bad address) <0.1>");
        assertEquals(-1L, l.ret());
        assertEquals("EFAULT", l.errno());
        assertEquals(0x7f2f89a49000L, Value.num(ArgParser.parse(l.args(), 1).get(1), 0), "a failed call shows the buffer address");
    }

    @Test
    void unfinishedResumedSignalsAndExitsAreRecognised() throws Exception {
        StraceLine u = LineParser.parse("19851 11:31:43.597526 read(3<socket:[33184]>,  <unfinished ...>");
        assertEquals(StraceLine.Kind.UNFINISHED, u.kind());
        assertEquals("3<socket:[33184]>, ", u.args());
        StraceLine r = LineParser.parse("19851 11:31:43.599671 <... read resumed>\"\\x00\", 32) = 32 <0.002133>");
        assertEquals(StraceLine.Kind.RESUMED, r.kind());
        assertEquals("\"\\x00\", 32", r.args());
        assertEquals(StraceLine.Kind.SIGNAL, LineParser.parse("19851 11:31:43.6 --- SIGCHLD {si_signo=SIGCHLD, si_pid=19852} ---").kind());
        StraceLine e = LineParser.parse("19852 11:31:43.604432 +++ exited with 3 +++");
        assertEquals(StraceLine.Kind.EXIT, e.kind());
        assertEquals(3, e.exitCode());
        assertEquals(-1, LineParser.parse("5 +++ killed by SIGKILL +++").exitCode());
        StraceLine g = LineParser.parse("19852 11:31:43.604283 exit_group(0)     = ?");
        assertNull(g.ret(), "exit_group returns '?'");
    }

    @Test
    void structsArraysAndFdPathsWithBracketsAreDecoded() throws Exception {
        List<Value> a = ArgParser.parse("8<anon_inode:[io_uring]>, IORING_REGISTER_BUFFERS_UPDATE, {offset=1, data=[{iov_base=0x7f5616221000, iov_len=65536}], tags=NULL, nr=1}, 32", 1);
        assertEquals("anon_inode:[io_uring]", Value.path(a.get(0)));
        Value.Struct s = assertInstanceOf(Value.Struct.class, a.get(2));
        assertEquals(1L, Value.num(s.get("offset"), -1));
        Value.Arr data = assertInstanceOf(Value.Arr.class, s.get("data"));
        assertEquals(0x7f5616221000L, Value.num(((Value.Struct) data.items().get(0)).get("iov_base"), 0));
        List<Value> m = ArgParser.parse("7</memfd:uringbuf>(deleted), 0", 1);
        assertEquals(new Value.Num(7, "/memfd:uringbuf"), m.get(0), "a deleted file keeps its fd number and path");
    }

    @Test
    void unbalancedTextIsASyntaxErrorWithItsColumn() {
        SyntaxError e = assertThrows(SyntaxError.class, () -> ArgParser.parse("3, [1, 2", 10));
        assertEquals(13, e.column);
        assertEquals("'[' is never closed", e.getMessage());
        SyntaxError f = assertThrows(SyntaxError.class, () -> LineParser.parse("1 10:00:00.1 read(3, ]) = 0"));
        assertEquals("unbalanced ']' closes the argument list", f.getMessage());
    }

    @Test
    void shiftsInAFlagExpressionOpenNoAnnotation() throws Exception {
        StraceLine l = LineParser.parse("500 10:00:00.000002 futex(0x55d5c0a0e0e8, FUTEX_WAKE_OP_PRIVATE, 1, 1, 0x55d5c0a0e0e4, "
                + "FUTEX_OP_SET<<28|0<<12|FUTEX_OP_CMP_GT<<24|0x1) = 1 <0.000010>");
        assertEquals(1L, l.ret(), "the call is complete: '<<' is a shift, not a '<path>'");
        List<Value> a = ArgParser.parse(l.args(), l.argsCol());
        assertEquals(6, a.size(), "six arguments: " + a);
        assertEquals(new Value.Sym("FUTEX_OP_SET<<28|0<<12|FUTEX_OP_CMP_GT<<24|0x1", null), a.get(5));
        StraceLine u = LineParser.parse("500 futex(0x1, FUTEX_WAKE_OP_PRIVATE, 1, 1, 0x2, FUTEX_OP_SET<<28|0<<12 <unfinished ...>");
        assertEquals(StraceLine.Kind.UNFINISHED, u.kind());
    }

    @Test
    void socketAnnotationsOfDashYyKeepTheirArrowsAndBrackets() throws Exception {
        StraceLine w = LineParser.parse("500 10:00:00.4 write(4<TCP:[127.0.0.1:45678->127.0.0.1:80]>, \"GET\", 3) = 3 <0.1>");
        assertEquals(3L, w.ret(), "the '>' of '->' does not close the annotation");
        List<Value> a = ArgParser.parse(w.args(), w.argsCol());
        assertEquals(new Value.Num(4, "TCP:[127.0.0.1:45678->127.0.0.1:80]"), a.get(0));
        assertEquals(new Value.Str("GET", false), a.get(1));
        List<Value> u = ArgParser.parse("7<UNIX-STREAM:[12345->12346]>, 8<UDPv6:[[::1]:5353->[::1]:53]>, 1</dev/pts/0<char 136:0>>, 2", 1);
        assertEquals(new Value.Num(7, "UNIX-STREAM:[12345->12346]"), u.get(0));
        assertEquals(new Value.Num(8, "UDPv6:[[::1]:5353->[::1]:53]"), u.get(1));
        assertEquals(1L, Value.num(u.get(2), -1), "a -yy device annotation nests '<...>' inside the path's");
        assertEquals(new Value.Num(2, null), u.get(3));
        StraceLine s = LineParser.parse("500 socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 4<TCP:[127.0.0.1:45678->127.0.0.1:80]> <0.1>");
        assertEquals("TCP:[127.0.0.1:45678->127.0.0.1:80]", s.retPath());
    }
}
