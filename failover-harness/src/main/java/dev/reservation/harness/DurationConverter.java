package dev.reservation.harness;

import dev.reservation.core.text.DurationText;
import java.time.Duration;
import picocli.CommandLine;

/** The harness's option converter for durations: the core's {@link DurationText} (500ms, 30s, 1.5s, 2m, PT30S). */
public final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        return parse(value);
    }

    public static Duration parse(String value) {
        try {
            return DurationText.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
