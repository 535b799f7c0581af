package dev.pinfuzz.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --budget} values: {@code 90}, {@code 90s}, {@code 2m}, {@code 1h}, {@code 1m30s}, {@code 1d}; in whole seconds. */
final class Durations implements ITypeConverter<Integer> {
    private static final Pattern PART = Pattern.compile("(\\d{1,7})([dhms]?)");

    @Override
    public Integer convert(String value) {
        return parse(value);
    }

    static int parse(String value) {
        String v = value.trim().toLowerCase(java.util.Locale.ROOT);
        Matcher m = PART.matcher(v);
        long total = 0;
        int at = 0;
        while (at < v.length() && m.find(at) && m.start() == at) {
            long n = Long.parseLong(m.group(1));
            total += switch (m.group(2)) {
                case "d" -> n * 86400;
                case "h" -> n * 3600;
                case "m" -> n * 60;
                default -> n;
            };
            at = m.end();
            if (m.group(2).isEmpty() && at < v.length()) break;
        }
        if (v.isEmpty() || at != v.length())
            throw new TypeConversionException("'" + value + "' is not a duration (examples: 90, 90s, 2m, 1h, 1m30s, 1d)");
        if (total < 1 || total > 7 * 24 * 3600)
            throw new TypeConversionException("'" + value + "' is out of range (1 second to 7 days)");
        return (int) total;
    }
}
