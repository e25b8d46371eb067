package dev.reservation.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DurationConverterTest {
    @Test
    void readsWhatTheCoresDurationTextReads() {
        assertThat(DurationConverter.parse("1.5s")).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void rejectsTextThatIsNoDurationWithAnExample() {
        assertThatThrownBy(() -> DurationConverter.parse("soon"))
                .isInstanceOf(CommandLine.TypeConversionException.class).hasMessageContaining("30s");
    }

    @Test
    void writesDurationsForPeople() {
        assertThat(Durations.human(Duration.ofMillis(750))).isEqualTo("750 ms");
        assertThat(Durations.human(Duration.ofSeconds(4))).isEqualTo("4 s");
        assertThat(Durations.human(Duration.ofMillis(1500))).isEqualTo("1.5 s");
        assertThat(Durations.human(Duration.ofMinutes(3))).isEqualTo("3 min");
    }
}
