package dev.pinfuzz.program;

import java.util.ArrayList;
import java.util.List;

/** Splits one trace line (comment already removed) into tokens with their 1-based columns. */
final class Lexer {
    enum Kind { IDENT, NUMBER, PUNCT }

    record Token(Kind kind, String text, int col) {
        boolean is(String s) {
            return text.equals(s);
        }
    }

    private Lexer() {}

    static List<Token> tokens(String src, int lineNo, String line) throws BadInputException {
        List<Token> out = new ArrayList<>(12);
        int n = line.length();
        int i = 0;
        while (i < n) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t') {
                i++;
            } else if (Character.isLetter(c) || c == '_') {
                int s = i;
                while (i < n && isWordChar(line.charAt(i))) i++;
                out.add(new Token(Kind.IDENT, line.substring(s, i), s + 1));
            } else if (Character.isDigit(c) || (c == '-' && i + 1 < n && Character.isDigit(line.charAt(i + 1)))) {
                int s = i++;
                while (i < n && isWordChar(line.charAt(i))) i++;
                out.add(new Token(Kind.NUMBER, line.substring(s, i), s + 1));
            } else if ("():,=|".indexOf(c) >= 0) {
                out.add(new Token(Kind.PUNCT, String.valueOf(c), i + 1));
                i++;
            } else {
                String shown = Character.isISOControl(c) ? String.format("\\u%04x", (int) c)
                        : new String(Character.toChars(line.codePointAt(i)));
                throw new BadInputException(src, lineNo, i + 1, "unexpected character '" + shown + "'");
            }
        }
        return out;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
    }
}
