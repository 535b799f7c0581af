package dev.pinfuzz.importer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An annotation the C programs of the traces write to {@code /dev/null}
 * ({@code write(99</dev/null>, "# ...")}): what strace cannot show. Parsed: region names
 * ({@code map=0x7f...}), the buffer addresses of the next transfer ({@code buf=0x...}, iovec
 * lists {@code {0x7f... ,len}}), stores ({@code map[0x3000+1000,+16)}), io_uring SQEs
 * ({@code sqe8 READ data off=0x30000 len=0x3000 buf=0x...}) and CQEs
 * ({@code cqe user_data=8 res=12288}).
 */
record Note(Map<String, Long> regions, List<Long> addresses, List<Store> stores, List<Sqe> sqes, Cqe cqe) {
    /** {@code len} bytes stored at {@code off} from the start of region {@code region}. */
    record Store(String region, long off, long len) {}

    /**
     * An io_uring submission: {@code op} (READ, READ_FIXED, WRITE, WRITE_FIXED, WRITEV, FSYNC),
     * its target word ({@code out}, {@code fixedfile0}), offset, length and buffers.
     */
    record Sqe(long id, String op, String target, boolean datasync, long off, long len, List<long[]> bufs) {}

    record Cqe(long id, long res) {}

    private static final Pattern REGION = Pattern.compile("\\b([A-Za-z_]\\w*)(?:\\([^)]*\\))?=0x([0-9a-fA-F]+)");
    private static final Pattern ADDRESS = Pattern.compile("(?<![=\\w])0x([0-9a-fA-F]{6,16})\\b");
    private static final Pattern BUF = Pattern.compile("\\bbuf=0x([0-9a-fA-F]+)");
    private static final Pattern STORE = Pattern.compile("\\b([A-Za-z_]\\w*)\\[([0-9a-fA-Fx+]+)(?:,\\+([0-9a-fA-Fx]+))?[)\\]]");
    private static final Pattern SQE = Pattern.compile("\\bsqe(\\d+) ([A-Z_]+)(?: ([A-Za-z_]\\w*))?");
    private static final Pattern IOV = Pattern.compile("\\{0x([0-9a-fA-F]+)[^,}]*,(0x[0-9a-fA-F]+|\\d+)");
    private static final Pattern CQE = Pattern.compile("\\bcqe user_data=(\\d+) res=(-?\\d+)");

    /** The note in {@code text} (which starts with {@code #}). */
    static Note parse(String text) {
        Map<String, Long> regions = new LinkedHashMap<>();
        Matcher m = REGION.matcher(text);
        while (m.find()) if (!m.group(1).equals("buf")) regions.put(m.group(1), hex(m.group(2)));
        List<Long> addresses = new ArrayList<>();
        m = ADDRESS.matcher(text);
        while (m.find()) addresses.add(hex(m.group(1)));
        m = BUF.matcher(text);
        while (m.find()) addresses.add(hex(m.group(1)));
        List<Store> stores = new ArrayList<>();
        if (text.contains("store")) {
            m = STORE.matcher(text);
            while (m.find()) {
                Long off = sum(m.group(2));
                Long len = m.group(3) == null ? Long.valueOf(1) : sum(m.group(3));
                if (off != null && len != null) stores.add(new Store(m.group(1), off, len));
            }
        }
        return new Note(regions, addresses, stores, sqes(text), cqe(text));
    }

    private static List<Sqe> sqes(String text) {
        List<Sqe> out = new ArrayList<>();
        Matcher m = SQE.matcher(text);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) spans.add(new int[] {m.start(), m.end()});
        String lastTarget = null;
        for (int k = 0; k < spans.size(); k++) {
            int end = k + 1 < spans.size() ? spans.get(k + 1)[0] : text.length();
            String part = text.substring(spans.get(k)[0], end);
            Matcher h = SQE.matcher(part);
            if (!h.find()) continue;
            String target = h.group(3);
            boolean datasync = "DATASYNC".equals(target);
            if (target == null || datasync) target = lastTarget;
            lastTarget = target;
            long off = field(part, "off", 0);
            long len = field(part, "len", -1);
            List<long[]> bufs = new ArrayList<>();
            Matcher b = BUF.matcher(part);
            if (b.find()) bufs.add(new long[] {hex(b.group(1)), len});
            Matcher v = IOV.matcher(part);
            while (v.find()) {
                Long n = sum(v.group(2));
                bufs.add(new long[] {hex(v.group(1)), n == null ? -1 : n});
            }
            out.add(new Sqe(Long.parseLong(h.group(1)), h.group(2), target, datasync, off, len, bufs));
        }
        return out;
    }

    private static Cqe cqe(String text) {
        Matcher m = CQE.matcher(text);
        if (!m.find()) return null;
        try {
            return new Cqe(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static long field(String part, String name, long dflt) {
        Matcher m = Pattern.compile("\\b" + name + "=(0x[0-9a-fA-F]+|\\d+)").matcher(part);
        if (!m.find()) return dflt;
        Long v = sum(m.group(1));
        return v == null ? dflt : v;
    }

    /** {@code 0x3000+1000}: hex and decimal terms joined by {@code +}; null when malformed. */
    static Long sum(String expr) {
        long total = 0;
        for (String t : expr.split("\\+")) {
            if (t.isEmpty()) return null;
            try {
                total += t.startsWith("0x") ? Long.parseUnsignedLong(t.substring(2), 16) : Long.parseLong(t);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return total;
    }

    private static long hex(String digits) {
        try {
            return Long.parseUnsignedLong(digits, 16);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
