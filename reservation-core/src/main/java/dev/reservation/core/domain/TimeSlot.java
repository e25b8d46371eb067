package dev.reservation.core.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A half-open interval {@code [start, end)} of instants, truncated to milliseconds (what BSON dates
 * hold), so two slots that touch ({@code a.end == b.start}) do not overlap. Immutable.
 */
public record TimeSlot(Instant start, Instant end) implements Comparable<TimeSlot> {

    public TimeSlot {
        if (start == null) {
            throw new InvalidInputException("start", "start is required");
        }
        if (end == null) {
            throw new InvalidInputException("end", "end is required");
        }
        start = start.truncatedTo(ChronoUnit.MILLIS);
        end = end.truncatedTo(ChronoUnit.MILLIS);
        if (!start.isBefore(end)) {
            throw new InvalidInputException("end", "end (" + end + ") must be after start (" + start + ")");
        }
    }

    public static TimeSlot of(Instant start, Duration length) {
        Objects.requireNonNull(length, "length");
        return new TimeSlot(start, start.plus(length));
    }

    public Duration duration() {
        return Duration.between(start, end);
    }

    /** True when the two slots share at least one instant; touching slots do not. */
    public boolean overlaps(TimeSlot other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(start) && instant.isBefore(end);
    }

    public TimeSlot shiftedTo(Instant newStart) {
        return of(newStart, duration());
    }

    @Override
    public int compareTo(TimeSlot o) {
        int c = start.compareTo(o.start);
        return c != 0 ? c : end.compareTo(o.end);
    }

    @Override
    public String toString() {
        return start + "/" + end;
    }
}
