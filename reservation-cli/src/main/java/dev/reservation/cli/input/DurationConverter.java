package dev.reservation.cli.input;

import dev.reservation.core.text.DurationText;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads positive durations with the core's {@link DurationText}: {@code 30m}, {@code 1h30m},
 * {@code 2d}, {@code 90s}, {@code 500ms}, or ISO-8601 ({@code PT45M}). Stateless, thread-safe.
 */
public final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String text) {
        return parse(text);
    }

    public static Duration parse(String text) {
        Duration duration;
        try {
            duration = DurationText.parse(text);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
        if (duration.isZero()) {
            throw new TypeConversionException("'" + text + "' is not a positive duration");
        }
        return duration;
    }
}
