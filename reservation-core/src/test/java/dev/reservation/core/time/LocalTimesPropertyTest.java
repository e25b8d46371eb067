package dev.reservation.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.reservation.core.domain.InvalidInputException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The daylight-saving rules of {@link LocalTimes}, across zones with every kind of transition
 * (northern and southern summers, a 30-minute shift, a skipped day, none at all) and dates around
 * them: a local time is either read as the one instant that shows it, or refused, never shifted.
 */
class LocalTimesPropertyTest {
    static final List<ZoneId> ZONES = List.of("Europe/Berlin", "Europe/London", "America/New_York",
            "America/Sao_Paulo", "Australia/Sydney", "Australia/Lord_Howe", "America/St_Johns", "Asia/Kolkata",
            "Pacific/Apia", "Pacific/Chatham", "America/Santiago", "Asia/Tehran", "UTC").stream().map(ZoneId::of).toList();

    static final LocalDate FIRST = LocalDate.of(2005, 1, 1);

    /** Local date-times from 2005 to 2040, to the minute, most of them close to a transition of the zone. */
    static Gen<LocalDateTime> localTimes(Gen<ZoneId> zones) {
        return zones.zip(integers().between(0, 36 * 366), integers().between(0, 24 * 60 - 1), (zone, day, minute) ->
                FIRST.plusDays(day).atStartOfDay().plusMinutes(minute));
    }

    static Gen<ZoneId> zones() {
        return integers().between(0, ZONES.size() - 1).map(ZONES::get);
    }

    @Test
    void aLocalTimeIsReadAsTheOnlyInstantShowingItOrRefused() {
        qt().withExamples(5000).forAll(zones(), integers().between(0, 36 * 366), integers().between(0, 24 * 60 - 1))
                .checkAssert((zone, day, minute) -> {
                    LocalDateTime local = FIRST.plusDays(day).atStartOfDay().plusMinutes(minute);
                    check(zone, nearTransition(zone, local, minute));
                });
    }

    /** Half the examples are moved next to the zone's next transition, where the rules matter. */
    private static LocalDateTime nearTransition(ZoneId zone, LocalDateTime local, int minute) {
        if (minute % 2 == 0) {
            return local;
        }
        var next = zone.getRules().nextTransition(local.toInstant(ZoneOffset.UTC));
        if (next == null) {
            return local;
        }
        return next.getDateTimeBefore().plusMinutes(minute % 181 - 90);
    }

    private static void check(ZoneId zone, LocalDateTime local) {
        List<ZoneOffset> valid = zone.getRules().getValidOffsets(local);
        if (valid.size() == 1) {
            Instant read = LocalTimes.resolve("start", local, zone);
            assertThat(read.atZone(zone).toLocalDateTime()).as("%s in %s", local, zone).isEqualTo(local);
            assertThat(LocalTimes.resolve("start", local, zone, valid.get(0))).isEqualTo(read);
        } else if (valid.isEmpty()) {
            assertThatThrownBy(() -> LocalTimes.resolve("start", local, zone))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("does not exist in " + zone.getId())
                    .hasMessageContaining("clocks jump from")
                    .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("start"));
            for (int hours = -14; hours <= 14; hours++) {
                ZoneOffset any = ZoneOffset.ofHours(hours);
                assertThatThrownBy(() -> LocalTimes.resolve("start", local, zone, any))
                        .isInstanceOf(InvalidInputException.class);
            }
        } else {
            assertThatThrownBy(() -> LocalTimes.resolve("start", local, zone))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("happens twice in " + zone.getId())
                    .hasMessageContaining(LocalTimes.choice(local, valid.get(0), zone))
                    .hasMessageContaining(LocalTimes.choice(local, valid.get(1), zone));
            Instant first = LocalTimes.resolve("start", local, zone, valid.get(0));
            Instant second = LocalTimes.resolve("start", local, zone, valid.get(1));
            assertThat(first).isBefore(second);
            assertThat(first.atZone(zone).toLocalDateTime()).isEqualTo(local);
            assertThat(second.atZone(zone).toLocalDateTime()).isEqualTo(local);
        }
    }

    @Test
    void everyInstantCanBeGivenAsItsLocalTimeAndOffset() {
        qt().withExamples(3000).forAll(zones(), longs().between(Instant.parse("2005-01-01T00:00:00Z").getEpochSecond() / 60,
                Instant.parse("2040-01-01T00:00:00Z").getEpochSecond() / 60)).checkAssert((zone, minute) -> {
            Instant instant = Instant.ofEpochSecond(minute * 60);
            var at = instant.atZone(zone);
            assertThat(LocalTimes.resolve("start", at.toLocalDateTime(), zone, at.getOffset())).isEqualTo(instant);
            LocalTimes.Reading reading = LocalTimes.parse("start", at.toOffsetDateTime().toString(), zone);
            assertThat(reading.instant()).isEqualTo(instant);
            assertThat(reading.local()).isFalse();
        });
    }
}
