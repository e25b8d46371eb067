package dev.reservation.core.text;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people type them on a command line or in a setting: {@code 500ms}, {@code 30s},
 * {@code 1.5s}, {@code 2m}, {@code 1h30m}, {@code 2d}, or ISO-8601 ({@code PT45M}). The one parser
 * every frontend's option converter uses. Never negative; millisecond precision (a finer fraction
 * is an error, not rounded away). Stateless, thread-safe.
 */
public final class DurationText {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|d|h|m|s)");
    private static final Pattern WHOLE = Pattern.compile("(?:\\d+(?:\\.\\d+)?(?:ms|d|h|m|s))+");
    private static final String EXAMPLES = "write e.g. 500ms, 30s, 2m, 1h30m, 2d or PT45M";

    private DurationText() {
    }

    /** @throws IllegalArgumentException naming the text and showing what is accepted */
    public static Duration parse(String text) {
        String value = text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replace(" ", "");
        Duration duration = value.startsWith("p") ? iso(text, value) : shortForm(text, value);
        if (duration.isNegative()) {
            throw new IllegalArgumentException("'" + text + "' is negative; " + EXAMPLES);
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
        if (!WHOLE.matcher(value).matches()) {
            throw invalid(text);
        }
        BigDecimal millis = BigDecimal.ZERO;
        Matcher part = PART.matcher(value);
        while (part.find()) {
            millis = millis.add(new BigDecimal(part.group(1)).multiply(BigDecimal.valueOf(unitMillis(part.group(2)))));
        }
        try {
            return Duration.ofMillis(millis.longValueExact());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("'" + text + "' is finer than a millisecond or too long; " + EXAMPLES);
        }
    }

    private static long unitMillis(String unit) {
        return switch (unit) {
            case "ms" -> 1;
            case "s" -> 1_000;
            case "m" -> 60_000;
            case "h" -> 3_600_000;
            default -> 86_400_000;
        };
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("'" + text + "' is not a duration; " + EXAMPLES);
    }
}
