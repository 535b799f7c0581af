package dev.pinfuzz.importer;

import dev.pinfuzz.program.FileDecl;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The files of the program: a name each (the basename, or what a note called the region), a page
 * count from the extent the log showed, and for a file of more than 64 pages a fold into a
 * 64-page window (offsets modulo 256 KiB), the model's limit.
 */
final class Layout {
    static final long PAGE = FileDecl.PAGE_SIZE;
    static final int MAX = FileDecl.MAX_PAGES;
    static final long WINDOW = MAX * PAGE;

    /** One declared file. */
    record Decl(FileRef ref, String name, int pages, boolean folded) {}

    /** A byte range of a declared file. */
    record Range(long off, long len) {}

    final Map<FileRef, Decl> decls = new LinkedHashMap<>();

    /** Declares the files the drafts use, in order of first use. */
    Layout(List<Draft> drafts) {
        Set<String> taken = new HashSet<>();
        for (Draft d : drafts) {
            FileRef f = d.file();
            if (f == null || decls.containsKey(f)) continue;
            long pages = Math.max(1, (f.extent + PAGE - 1) / PAGE);
            boolean folded = pages > MAX;
            String name = unique(baseName(f), taken);
            decls.put(f, new Decl(f, name, folded ? MAX : (int) pages, folded));
        }
    }

    Decl decl(FileRef f) {
        return decls.get(f);
    }

    /** The pieces of {@code [off, off+len)} in the file's window: two when a fold wraps it. */
    List<Range> ranges(FileRef f, long off, long len) {
        Decl d = decls.get(f);
        List<Range> out = new ArrayList<>(2);
        if (!d.folded) {
            out.add(new Range(off, len));
            return out;
        }
        long n = Math.min(len, WINDOW);
        long start = Math.floorMod(off, WINDOW);
        long first = Math.min(n, WINDOW - start);
        out.add(new Range(start, first));
        if (n > first) out.add(new Range(0, n - first));
        return out;
    }

    /** First page and page count of a GUP range; in a fold, moved back so it does not wrap. */
    int[] pages(FileRef f, long firstByte, long bytes) {
        Decl d = decls.get(f);
        int nr = (int) Math.min(MAX, Math.max(1, bytes / PAGE));
        long page = firstByte / PAGE;
        if (d.folded) {
            page = Math.floorMod(page, MAX);
            if (page + nr > MAX) page = MAX - nr;
        }
        return new int[] {(int) page, nr};
    }

    private static String baseName(FileRef f) {
        if (f.noteName != null) return f.noteName;
        if (f.path != null) return f.path.substring(f.path.lastIndexOf('/') + 1);
        if (f.origin != null) return f.origin.substring(f.origin.lastIndexOf('/') + 1) + ".private";
        if (f.key.startsWith("mem:anon:") && f.what.startsWith("anonymous memory of ")) return "anon_" + f.what.substring(20);
        return f.key.startsWith("mem:shmem:") ? "shmem" : "anon";
    }

    /** A trace identifier ({@code [A-Za-z_][A-Za-z0-9_.-]*}) not used yet. */
    static String unique(String raw, Set<String> taken) {
        StringBuilder sb = new StringBuilder();
        for (char c : raw.toCharArray()) sb.append(c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.') ? c : '_');
        String s = sb.length() == 0 ? "f" : sb.toString();
        if (!(Character.isLetter(s.charAt(0)) || s.charAt(0) == '_')) s = "f_" + s;
        String name = s;
        for (int k = 2; !taken.add(name); k++) name = s + "_" + k;
        return name;
    }
}
