package dev.reservation.cli.input;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads positive durations: {@code 30m}, {@code 1h30m}, {@code 2d}, {@code 90s}, {@code 500ms}, or
 * ISO-8601 ({@code PT45M}). Stateless, thread-safe.
 */
public final class DurationConverter implements ITypeConverter<Duration> {
    private static final Pattern SHORT = Pattern.compile(
            "(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m(?!s))?(?:(\\d+)s)?(?:(\\d+)ms)?");

    @Override
    public Duration convert(String text) {
        return parse(text);
    }

    public static Duration parse(String text) {
        String value = text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replace(" ", "");
        Duration duration = value.startsWith("pt") || value.startsWith("p") ? iso(text, value) : shortForm(text, value);
        if (duration.isNegative() || duration.isZero()) {
            throw new TypeConversionException("'" + text + "' is not a positive duration");
        }
        return duration;
    }

    private static Duration iso(String text, String value) {
        try {
            return Duration.parse(value.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw invalid(text);
        }
    }

    private static Duration shortForm(String text, String value) {
        Matcher m = SHORT.matcher(value);
        if (value.isEmpty() || !m.matches()) {
            throw invalid(text);
        }
        return Duration.ofDays(number(m.group(1))).plusHours(number(m.group(2))).plusMinutes(number(m.group(3)))
                .plusSeconds(number(m.group(4))).plusMillis(number(m.group(5)));
    }

    private static long number(String group) {
        return group == null ? 0 : Long.parseLong(group);
    }

    private static TypeConversionException invalid(String text) {
        return new TypeConversionException("'" + text + "' is not a duration; use e.g. 30m, 1h30m, 2d, 90s or PT45M");
    }
}
