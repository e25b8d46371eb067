package dev.reservation.core.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.reservation.core.domain.Actor;
import dev.reservation.core.domain.Equipment;
import dev.reservation.core.domain.Role;
import dev.reservation.core.domain.Room;
import dev.reservation.core.domain.User;
import dev.reservation.core.memory.InMemoryReservationStore;
import dev.reservation.core.memory.InMemoryRoomStore;
import dev.reservation.core.memory.InMemorySeriesStore;
import dev.reservation.core.memory.InMemoryUserStore;
import dev.reservation.core.service.BookingPolicy;
import dev.reservation.core.service.ReservationService;
import dev.reservation.core.service.RoomSearchService;
import dev.reservation.core.store.OpsClock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Random rules in random zones, checked against an oracle that walks the calendar day by day: the
 * days a series plans are exactly the rule's days minus its EXDATEs (none lost, none doubled, also
 * across daylight-saving changes), and every occurrence either starts at the series' local time on
 * its day and lasts its length, or, where that local time does not exist or exists twice that day,
 * is reported as NOT_A_TIME, never shifted.
 */
class SeriesPropertyTest {
    static final List<ZoneId> ZONES = List.of("Europe/Berlin", "Europe/London", "America/New_York",
            "America/Sao_Paulo", "Australia/Sydney", "Australia/Lord_Howe", "America/St_Johns", "Asia/Kolkata",
            "Pacific/Chatham", "America/Santiago", "Asia/Tehran", "UTC").stream().map(ZoneId::of).toList();
    static final LocalDate FIRST = LocalDate.of(2027, 1, 1);
    static final DayOfWeek[] DAYS = DayOfWeek.values();
    static final String[] CODES = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};

    /** A generated rule and the oracle's idea of it. */
    record Rule(String text, int kind, int interval, Set<DayOfWeek> days, int monthDay, int ordinal, DayOfWeek weekday,
                int count) {
        boolean picks(LocalDate first, LocalDate d) {
            return switch (kind) {
                case 0 -> ChronoUnit.DAYS.between(first, d) % interval == 0;
                case 1 -> days.contains(d.getDayOfWeek()) && ChronoUnit.WEEKS.between(
                        first.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
                        d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))) % interval == 0;
                case 2 -> d.getDayOfMonth() == monthDay;
                default -> d.getDayOfWeek() == weekday && (ordinal > 0
                        ? (d.getDayOfMonth() - 1) / 7 + 1 == ordinal
                        : d.plusWeeks(1).getMonth() != d.getMonth());
            };
        }
    }

    static Rule rule(int kind, int a, int b, int count) {
        int interval = 1 + a % 3;
        return switch (kind) {
            case 0 -> new Rule("FREQ=DAILY;INTERVAL=" + interval + ";COUNT=" + count, 0, interval, Set.of(), 0, 0, null,
                    count);
            case 1 -> {
                Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
                for (int i = 0; i < 7; i++) {
                    if ((b >> i & 1) == 1) {
                        days.add(DAYS[i]);
                    }
                }
                if (days.isEmpty()) {
                    days.add(DAYS[a % 7]);
                }
                int weeks = 1 + a % 2;
                String byDay = days.stream().sorted().map(d -> CODES[d.ordinal()]).collect(Collectors.joining(","));
                yield new Rule("FREQ=WEEKLY;INTERVAL=" + weeks + ";BYDAY=" + byDay + ";COUNT=" + count, 1, weeks, days, 0,
                        0, null, count);
            }
            case 2 -> {
                int day = b % 3 == 0 ? 31 : 1 + b % 28;
                yield new Rule("FREQ=MONTHLY;BYMONTHDAY=" + day + ";COUNT=" + count, 2, 1, Set.of(), day, 0, null, count);
            }
            default -> {
                int ordinal = b % 5 == 4 ? -1 : 1 + b % 4;
                DayOfWeek weekday = DAYS[a % 7];
                yield new Rule("FREQ=MONTHLY;BYDAY=" + ordinal + CODES[weekday.ordinal()] + ";COUNT=" + count, 3, 1,
                        Set.of(), 0, ordinal, weekday, count);
            }
        };
    }

    /** Starts near a transition of the zone half the time, where it matters; at a time that may fall in its gap. */
    static LocalDate firstDay(ZoneId zone, int day) {
        LocalDate plain = FIRST.plusDays(day);
        if (day % 2 == 0) {
            return plain;
        }
        var next = zone.getRules().nextTransition(plain.atStartOfDay().toInstant(ZoneOffset.UTC));
        return next == null ? plain : next.getDateTimeBefore().toLocalDate().minusDays(day % 40);
    }

    @Test
    void occurrencesKeepTheirLocalTimeAndNoneIsLostOrDoubled() {
        qt().withExamples(400).forAll(integers().between(0, ZONES.size() * (3 * 365 + 1) - 1),
                        integers().between(0, 24 * 4 * 4 * 1000 - 1), integers().between(1, 40),
                        integers().between(0, Integer.MAX_VALUE))
                .checkAssert((zoneAndDay, timeKindA, count, bits) -> {
                    ZoneId zone = ZONES.get(zoneAndDay % ZONES.size());
                    int day = zoneAndDay / ZONES.size();
                    int quarter = timeKindA % 96;
                    int kind = timeKindA / 96 % 4;
                    int a = timeKindA / 384;
                    LocalDate first = firstDay(zone, day);
                    // at the hour of the zone's usual changes often, to land in gaps and overlaps
                    LocalTime at = quarter % 3 == 0 ? LocalTime.of(quarter % 4 < 2 ? 2 : 1, 30)
                            : LocalTime.of(quarter / 4, quarter % 4 * 15);
                    Rule rule = rule(kind, a, bits & 0x7f, count);
                    List<LocalDate> expected = new ArrayList<>();
                    for (LocalDate d = first; expected.size() < count; d = d.plusDays(1)) {
                        if (rule.picks(first, d)) {
                            expected.add(d);
                        }
                    }
                    TreeSet<LocalDate> exdates = new TreeSet<>();
                    for (int i = 0; i < expected.size(); i++) {
                        if ((bits >> (7 + i % 24) & 1) == 1 && i % 3 == 0) {
                            exdates.add(expected.get(i));
                        }
                    }
                    check(zone, first, at, rule, expected, exdates);
                });
    }

    private static void check(ZoneId zone, LocalDate first, LocalTime at, Rule rule, List<LocalDate> expected,
                              TreeSet<LocalDate> exdates) {
        OpsClock clock = new OpsClock(first.minusDays(3).atStartOfDay(ZoneOffset.UTC).toInstant());
        InMemoryRoomStore rooms = new InMemoryRoomStore();
        InMemoryUserStore users = new InMemoryUserStore();
        InMemoryReservationStore reservations = new InMemoryReservationStore();
        rooms.insert(new Room("r1", "Blue", "Floor 1", 8, Set.of(Equipment.WHITEBOARD), zone));
        users.insert(new User("u1", "Ada", "ada@example.com", Role.MEMBER));
        BookingPolicy policy = new BookingPolicy(Duration.ofMinutes(5), Duration.ofHours(12), Duration.ofDays(4000));
        ReservationService bookings = new ReservationService(users, rooms, reservations,
                new RoomSearchService(rooms, reservations, policy, clock), policy, clock, () -> UUID.randomUUID().toString());
        SeriesService series = new SeriesService(bookings, reservations, new InMemorySeriesStore(), rooms, users, clock,
                () -> UUID.randomUUID().toString());
        SeriesRequest request = new SeriesRequest("r1", "u1", "Sync", 2, first, at, 45, rule.text(), exdates,
                SeriesMode.SKIP_CONFLICTS, Optional.empty());
        List<Occurrence> planned = series.preview(new Actor("u1", Role.MEMBER), request).occurrences().stream()
                .filter(o -> o.kind() != Occurrence.Kind.LATER).toList();
        String about = rule.text() + " from " + first + " at " + at + " in " + zone + " without " + exdates;
        assertThat(planned).extracting(Occurrence::day).as(about)
                .containsExactlyElementsOf(expected.stream().filter(d -> !exdates.contains(d)).toList());
        for (Occurrence o : planned) {
            var offsets = zone.getRules().getValidOffsets(o.day().atTime(at));
            if (offsets.size() == 1) {
                assertThat(o.kind()).as(about + " on " + o.day()).isEqualTo(Occurrence.Kind.FREE);
                Instant start = o.slot().orElseThrow().start();
                assertThat(start.atZone(zone).toLocalDate()).isEqualTo(o.day());
                assertThat(start.atZone(zone).toLocalTime()).as(about + " on " + o.day()).isEqualTo(at);
                assertThat(o.slot().orElseThrow().duration()).isEqualTo(Duration.ofMinutes(45));
            } else {
                assertThat(o.kind()).as(about + " on " + o.day()).isEqualTo(Occurrence.Kind.NOT_A_TIME);
                assertThat(o.slot()).isEmpty();
                assertThat(o.note().orElseThrow()).containsAnyOf("does not exist", "happens twice");
            }
        }
    }
}
