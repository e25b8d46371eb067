package dev.reservation.core.series;

import dev.reservation.core.domain.ReservationStatus;
import dev.reservation.core.domain.TimeSlot;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One day of a series, as a preview or a series' page shows it.
 *
 * @param slot the occurrence's slot; empty when its local time does not exist (or exists twice) that day
 * @param reservationId the reservation standing for it, once there is one (a moved one's replacement)
 * @param status that reservation's status (HELD while its all-or-nothing series is being booked)
 * @param note why it was not booked (a clash, a rule, a daylight-saving gap), for people
 * @param clashesWith ids of the reservations it clashes with (preview)
 */
public record Occurrence(LocalDate day, Optional<TimeSlot> slot, Kind kind, Optional<String> reservationId,
                         Optional<ReservationStatus> status, Optional<String> note, List<String> clashesWith) {

    public enum Kind {
        /** Preview: it can be booked. */
        FREE,
        /** Preview: a reservation holding the room overlaps it. */
        CLASH,
        /** Its local start time does not exist that day (a daylight-saving gap) or happens twice: never shifted. */
        NOT_A_TIME,
        /** Preview: the booking policy refuses it (in the past, too long, ...). */
        REFUSED,
        /** Beyond the booking horizon: booked when the horizon reaches it. */
        LATER,
        /** A reservation stands for it; see {@code status}. */
        BOOKED,
        /** Skipped when the series was booked or extended; see {@code note}. */
        SKIPPED,
        /** Left out: an EXDATE, or that single occurrence was cancelled before it was booked. */
        EXCLUDED
    }

    public Occurrence {
        clashesWith = List.copyOf(clashesWith);
    }

    static Occurrence of(LocalDate day, TimeSlot slot, Kind kind, String note) {
        return new Occurrence(day, Optional.ofNullable(slot), kind, Optional.empty(), Optional.empty(),
                Optional.ofNullable(note), List.of());
    }
}
