package dev.reservation.cli.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class DurationConverterTest {
    @Test
    void readsWhatTheCoresDurationTextReads() {
        assertThat(DurationConverter.parse("1h 5m")).isEqualTo(Duration.ofMinutes(65));
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
