package dev.reservation.cli.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class DurationConverterTest {
    @Test
    void readsShortFormsAndIso8601() {
        assertThat(DurationConverter.parse("30m")).isEqualTo(Duration.ofMinutes(30));
        assertThat(DurationConverter.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(DurationConverter.parse("2d")).isEqualTo(Duration.ofDays(2));
        assertThat(DurationConverter.parse("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(DurationConverter.parse("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(DurationConverter.parse("1h 5m")).isEqualTo(Duration.ofMinutes(65));
        assertThat(DurationConverter.parse("PT45M")).isEqualTo(Duration.ofMinutes(45));
        assertThat(DurationConverter.parse("pt1h")).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void rejectsNonsenseAndDurationsThatAreNotPositive() {
        assertThatThrownBy(() -> DurationConverter.parse("an hour")).isInstanceOf(TypeConversionException.class)
                .hasMessage("'an hour' is not a duration; write e.g. 500ms, 30s, 2m, 1h30m, 2d or PT45M");
        assertThatThrownBy(() -> DurationConverter.parse("")).isInstanceOf(TypeConversionException.class);
        assertThatThrownBy(() -> DurationConverter.parse("0m")).hasMessage("'0m' is not a positive duration");
        assertThatThrownBy(() -> DurationConverter.parse("PT-5M")).hasMessageStartingWith("'PT-5M' is negative");
    }
}
