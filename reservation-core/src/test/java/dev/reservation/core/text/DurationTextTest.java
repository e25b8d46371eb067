package dev.reservation.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationTextTest {
    @Test
    void readsTheShortFormsPeopleType() {
        assertThat(DurationText.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(DurationText.parse("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(DurationText.parse("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(DurationText.parse("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(DurationText.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(DurationText.parse(" 1h 30m ")).isEqualTo(Duration.ofMinutes(90));
        assertThat(DurationText.parse("2d")).isEqualTo(Duration.ofDays(2));
        assertThat(DurationText.parse("0s")).isZero();
    }

    @Test
    void readsIsoEightySixOhOneInAnyCase() {
        assertThat(DurationText.parse("PT45M")).isEqualTo(Duration.ofMinutes(45));
        assertThat(DurationText.parse("pt0.25s")).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void rejectsTextThatIsNoDurationWithExamples() {
        for (String bad : new String[] {"soon", "", "15", "m5", "1x", "PTX", "5mm"}) {
            assertThatThrownBy(() -> DurationText.parse(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'" + bad + "' is not a duration").hasMessageContaining("30s");
        }
    }

    @Test
    void rejectsNegativeAndSubMillisecondDurationsInsteadOfRoundingThem() {
        assertThatThrownBy(() -> DurationText.parse("PT-5S")).hasMessageContaining("negative");
        assertThatThrownBy(() -> DurationText.parse("0.5ms")).hasMessageContaining("finer than a millisecond");
    }
}
