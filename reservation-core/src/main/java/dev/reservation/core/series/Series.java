package dev.reservation.core.series;

import dev.reservation.core.domain.InvalidInputException;
import dev.reservation.core.domain.Reservation;
import dev.reservation.core.domain.ReservationStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A recurring reservation: a rule ({@link Recurrence}) placing occurrences from {@code firstDay} at
 * {@code startTime} for {@code durationMinutes}, in {@code zone} (the room's, when it was booked).
 * Each occurrence is an ordinary {@link Reservation} holding its own claims, under an id and an
 * idempotency key derived from the series id and its date ({@link #occurrenceId}), so that two app
 * instances booking or extending the same series book each occurrence at most once.
 *
 * <p>{@code materialisedThrough}: occurrences on or before this day have been booked (or skipped,
 * with the reason in {@code skipped}); later ones are booked as the horizon reaches them.
 * {@code endsBefore}: "this and all following" was cancelled from that day. {@code exdates}: days
 * left out (by the rule's author, or a cancelled single occurrence). {@code moved}: occurrences
 * detached as exceptions, day → the reservation that replaced it. {@code commitAs}: the status its
 * occurrences are confirmed as (PENDING in a room that needs approval). {@code version} guards every
 * change (compare-and-set). Immutable.
 */
public record Series(
        String id,
        String roomId,
        String userId,
        String createdBy,
        String title,
        int attendees,
        LocalDate firstDay,
        LocalTime startTime,
        int durationMinutes,
        ZoneId zone,
        String rule,
        SortedSet<LocalDate> exdates,
        SeriesMode mode,
        SeriesState state,
        ReservationStatus commitAs,
        LocalDate materialisedThrough,
        LocalDate endsBefore,
        SortedMap<LocalDate, String> skipped,
        SortedMap<LocalDate, String> moved,
        Instant createdAt,
        Instant updatedAt,
        Instant cancelledAt,
        String cancelledBy,
        long version,
        String idempotencyKey) {

    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

    public Series {
        id = text("id", id, 48);
        roomId = text("roomId", roomId, 64);
        userId = text("userId", userId, 64);
        createdBy = text("createdBy", createdBy, 64);
        title = text("title", title, Reservation.MAX_TITLE);
        if (attendees < 1) {
            throw new InvalidInputException("attendees", "attendees must be at least 1");
        }
        if (firstDay == null || startTime == null || zone == null || mode == null || state == null
                || createdAt == null || updatedAt == null || commitAs == null) {
            throw new InvalidInputException("series", "firstDay, startTime, zone, mode, state, commitAs and times are required");
        }
        startTime = startTime.truncatedTo(ChronoUnit.MINUTES);
        if (durationMinutes < 1) {
            throw new InvalidInputException("duration", "an occurrence lasts at least a minute");
        }
        rule = Recurrence.parse("repeat", rule).text();
        exdates = Collections.unmodifiableSortedSet(new TreeSet<>(exdates == null ? new TreeSet<>() : exdates));
        skipped = Collections.unmodifiableSortedMap(new TreeMap<>(skipped == null ? new TreeMap<>() : skipped));
        moved = Collections.unmodifiableSortedMap(new TreeMap<>(moved == null ? new TreeMap<>() : moved));
        createdAt = createdAt.truncatedTo(ChronoUnit.MILLIS);
        updatedAt = updatedAt.truncatedTo(ChronoUnit.MILLIS);
        cancelledAt = cancelledAt == null ? null : cancelledAt.truncatedTo(ChronoUnit.MILLIS);
        if (version < 0) {
            throw new InvalidInputException("version", "version must not be negative");
        }
        if (idempotencyKey != null) {
            idempotencyKey = text("idempotencyKey", idempotencyKey, 128);
        }
    }

    private static String text(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, field + " must not be blank");
        }
        String trimmed = value.strip();
        if (trimmed.length() > maxLength) {
            throw new InvalidInputException(field, field + " must be at most " + maxLength + " characters");
        }
        return trimmed;
    }

    public Recurrence recurrence() {
        return Recurrence.parse("repeat", rule);
    }

    /** The id of the occurrence on {@code day}: the series id and the date, so every instance derives the same one. */
    public String occurrenceId(LocalDate day) {
        return id + "-" + BASIC.format(day);
    }

    /** The idempotency key of the occurrence on {@code day} (scoped, like every key, by the creator). */
    public String occurrenceKey(LocalDate day) {
        return "series:" + id + ":" + BASIC.format(day);
    }

    /** The reservation standing for the occurrence on {@code day}: the moved one if it was detached, else its own. */
    public String reservationIdFor(LocalDate day) {
        return moved.getOrDefault(day, occurrenceId(day));
    }

    /** The idempotency scope of the series' key, null without one (see {@link Reservation#scope}). */
    public String idempotencyScope() {
        return idempotencyKey == null ? null : Reservation.scope(createdBy, idempotencyKey);
    }

    /** The last day an occurrence may fall on, by UNTIL and "this and following" cancellation; empty if none. */
    public Optional<LocalDate> lastPossibleDay() {
        Optional<LocalDate> until = recurrence().untilDay();
        Optional<LocalDate> cut = Optional.ofNullable(endsBefore).map(d -> d.minusDays(1));
        if (until.isPresent() && cut.isPresent()) {
            return Optional.of(until.get().isBefore(cut.get()) ? until.get() : cut.get());
        }
        return until.isPresent() ? until : cut;
    }

    /** True when a retried request asks for the same series. */
    public boolean sameRequestAs(Series other) {
        return roomId.equals(other.roomId) && userId.equals(other.userId) && title.equals(other.title)
                && attendees == other.attendees && firstDay.equals(other.firstDay) && startTime.equals(other.startTime)
                && durationMinutes == other.durationMinutes && rule.equals(other.rule) && exdates.equals(other.exdates)
                && mode == other.mode;
    }

    /** This series in {@code next} state, one version later. */
    public Series inState(SeriesState next, Instant at) {
        return new Series(id, roomId, userId, createdBy, title, attendees, firstDay, startTime, durationMinutes, zone,
                rule, exdates, mode, next, commitAs, materialisedThrough, endsBefore, skipped, moved, createdAt, at,
                cancelledAt, cancelledBy, version + 1, idempotencyKey);
    }

    /** Cancelled as a whole by {@code by}, one version later. */
    public Series cancelled(Instant at, String by) {
        return new Series(id, roomId, userId, createdBy, title, attendees, firstDay, startTime, durationMinutes, zone,
                rule, exdates, mode, SeriesState.CANCELLED, commitAs, materialisedThrough, endsBefore, skipped, moved,
                createdAt, at, at, by, version + 1, idempotencyKey);
    }

    /** Materialised through {@code day} with {@code newlySkipped} added, one version later. */
    public Series materialised(LocalDate day, SortedMap<LocalDate, String> newlySkipped, Instant at) {
        TreeMap<LocalDate, String> s = new TreeMap<>(skipped);
        s.putAll(newlySkipped);
        LocalDate through = materialisedThrough != null && materialisedThrough.isAfter(day) ? materialisedThrough : day;
        return new Series(id, roomId, userId, createdBy, title, attendees, firstDay, startTime, durationMinutes, zone,
                rule, exdates, mode, state, commitAs, through, endsBefore, s, moved, createdAt, at, cancelledAt,
                cancelledBy, version + 1, idempotencyKey);
    }

    /** With {@code day} left out from now on, one version later. */
    public Series excluding(LocalDate day, Instant at) {
        TreeSet<LocalDate> ex = new TreeSet<>(exdates);
        ex.add(day);
        return new Series(id, roomId, userId, createdBy, title, attendees, firstDay, startTime, durationMinutes, zone,
                rule, ex, mode, state, commitAs, materialisedThrough, endsBefore, skipped, moved, createdAt, at,
                cancelledAt, cancelledBy, version + 1, idempotencyKey);
    }

    /** Ending before {@code day} ("this and all following" cancelled), one version later. */
    public Series endingBefore(LocalDate day, Instant at) {
        LocalDate cut = endsBefore != null && endsBefore.isBefore(day) ? endsBefore : day;
        return new Series(id, roomId, userId, createdBy, title, attendees, firstDay, startTime, durationMinutes, zone,
                rule, exdates, mode, state, commitAs, materialisedThrough, cut, skipped, moved, createdAt, at,
                cancelledAt, cancelledBy, version + 1, idempotencyKey);
    }

    /** With the occurrence on {@code day} detached to reservation {@code reservationId}, one version later. */
    public Series moving(LocalDate day, String reservationId, Instant at) {
        TreeMap<LocalDate, String> m = new TreeMap<>(moved);
        m.put(day, reservationId);
        return new Series(id, roomId, userId, createdBy, title, attendees, firstDay, startTime, durationMinutes, zone,
                rule, exdates, mode, state, commitAs, materialisedThrough, endsBefore, skipped, m, createdAt, at,
                cancelledAt, cancelledBy, version + 1, idempotencyKey);
    }
}
