package dev.reservation.cli.input;

import dev.reservation.core.domain.InvalidInputException;
import dev.reservation.core.domain.TimeSlot;
import dev.reservation.core.time.LocalTimes;
import dev.reservation.core.time.TimeText;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads the times people type: ISO-8601 instants ({@code 2030-01-07T09:00:00Z}, or with an offset),
 * local date-times in a given zone ({@code 2030-01-07 10:00}, {@code 2030-01-07T10:00}), a bare date
 * (its start), {@code today 14:00}, {@code tomorrow 9:30} and {@code now}; an end may also be a bare
 * {@code HH:MM} on the start's local day. Local times follow the zone's daylight-saving rules through
 * {@link LocalTimes}: one that does not exist (spring) is refused, one that happens twice (autumn)
 * needs an offset ({@code 2030-10-27 02:30+01:00}). "Now" and "today" come from the injected clock.
 * Failures are {@link InvalidInputException}s naming the option. Immutable, thread-safe.
 */
public final class TimeParser {
    private final Clock clock;

    public TimeParser(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Parses {@code text}, given for {@code option}; local forms are read in {@code zone}. */
    public Instant instant(String option, String text, ZoneId zone) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(field(option), option + " must not be blank");
        }
        String value = text.strip();
        String lower = value.toLowerCase(Locale.ROOT);
        try {
            if (lower.equals("now")) {
                return clock.instant();
            }
            if (lower.startsWith("today ") || lower.startsWith("tomorrow ")) {
                LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
                LocalDate day = lower.startsWith("today ") ? today : today.plusDays(1);
                return LocalTimes.resolve(field(option), day.atTime(time(value.substring(value.indexOf(' ') + 1))), zone);
            }
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay(zone).toInstant();
            }
            String iso = value.replaceFirst(" ", "T").replaceFirst("z$", "Z");
            if (iso.endsWith("Z") || iso.matches(".*T.*[+-]\\d\\d:\\d\\d$")) {
                OffsetDateTime.parse(iso); // a malformed one is reported below, with the forms that work
                return LocalTimes.parse(field(option), iso, zone).instant(); // an offset may pick an autumn reading
            }
            return LocalTimes.resolve(field(option), LocalDateTime.parse(iso), zone);
        } catch (DateTimeException e) {
            throw new InvalidInputException(field(option), "'" + text + "' given for " + option + " is not a time;"
                    + " use 2030-01-07T09:00:00Z, a local time in " + zone + " like 2030-01-07 10:00,"
                    + " 'today 14:00', 'tomorrow 9:30' or 'now'");
        }
    }

    /**
     * The slot from a start and either an end or a duration (exactly one). An end that is a bare
     * {@code HH:MM} is on the start's local day in {@code zone}.
     */
    public TimeSlot slot(String startOption, String start, String endOption, Optional<String> end,
                         Optional<Duration> duration, ZoneId zone) {
        Instant from = instant(startOption, start, zone);
        if (end.isPresent() == duration.isPresent()) {
            throw new InvalidInputException(field(endOption), "give either " + endOption + " or --duration"
                    + (end.isPresent() ? ", not both" : ""));
        }
        if (duration.isPresent()) {
            return TimeSlot.of(from, duration.get());
        }
        String endText = end.get().strip();
        Instant to;
        if (endText.matches("\\d{1,2}:\\d\\d(:\\d\\d)?")) {
            LocalDate day = LocalDate.ofInstant(from, zone);
            to = LocalTimes.resolve(field(endOption), day.atTime(time(endText)), zone);
        } else {
            to = instant(endOption, endText, zone);
        }
        if (!to.isAfter(from)) { // said here in the zone: TimeSlot's own message has raw UTC instants
            throw new InvalidInputException(field(endOption), endOption + " must be after " + startOption + " ("
                    + TimeText.moment(to, zone) + " is not after " + TimeText.moment(from, zone) + ")");
        }
        return new TimeSlot(from, to);
    }

    private static LocalTime time(String text) {
        String t = text.strip();
        return LocalTime.parse(t.length() == 4 || t.length() == 7 ? "0" + t : t);
    }

    private static String field(String option) {
        return option.replaceFirst("^-+", "");
    }
}
