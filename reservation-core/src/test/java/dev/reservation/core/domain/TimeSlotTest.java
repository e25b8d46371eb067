package dev.reservation.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeSlotTest {
    private static final Instant T = Instant.parse("2030-01-01T10:00:00Z");

    @Test
    void touchingSlotsDoNotOverlap() {
        TimeSlot a = TimeSlot.of(T, Duration.ofHours(1));
        TimeSlot b = TimeSlot.of(T.plus(Duration.ofHours(1)), Duration.ofHours(1));
        assertThat(a.overlaps(b)).isFalse();
        assertThat(b.overlaps(a)).isFalse();
    }

    @Test
    void slotsSharingOneMillisecondOverlap() {
        TimeSlot a = TimeSlot.of(T, Duration.ofHours(1));
        TimeSlot b = TimeSlot.of(T.plus(Duration.ofHours(1)).minusMillis(1), Duration.ofHours(1));
        assertThat(a.overlaps(b)).isTrue();
        assertThat(b.overlaps(a)).isTrue();
        assertThat(a.overlaps(TimeSlot.of(T.plusSeconds(60), Duration.ofMinutes(1)))).isTrue();
    }

    @Test
    void truncatesToMilliseconds() {
        TimeSlot s = new TimeSlot(T.plusNanos(1_234_567), T.plusSeconds(60).plusNanos(999_999));
        assertThat(s.start()).isEqualTo(T.plusMillis(1));
        assertThat(s.end()).isEqualTo(T.plusSeconds(60));
    }

    @Test
    void rejectsEmptyAndBackwardSlotsNamingTheEndField() {
        assertThatThrownBy(() -> new TimeSlot(T, T)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.field()).isEqualTo("end"));
        assertThatThrownBy(() -> new TimeSlot(T, T.minusSeconds(1))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new TimeSlot(T, T.plusNanos(999))).as("empty after truncation")
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new TimeSlot(null, T)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.field()).isEqualTo("start"));
    }

    @Test
    void containsItsStartButNotItsEnd() {
        TimeSlot s = TimeSlot.of(T, Duration.ofMinutes(30));
        assertThat(s.contains(T)).isTrue();
        assertThat(s.contains(T.plus(Duration.ofMinutes(30)))).isFalse();
    }
}
