package dev.reservation.web.hooks;

import dev.reservation.core.domain.Reservation;
import dev.reservation.core.domain.Room;
import dev.reservation.core.hooks.EventTypes;
import dev.reservation.core.notify.OutboxEntry;
import dev.reservation.web.api.ReservationDto;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The body of one webhook delivery. {@code id} names the event (a reservation at one version,
 * one kind) and is the same in every delivery of it, retries included: receivers de-duplicate on
 * it. {@code reservationVersion} is the version the event is about; {@code data} is the reservation
 * as it is when delivered, so {@code data.version} may be later (a receiver that needs the order
 * compares versions). Immutable.
 */
public record WebhookEvent(String id, String type, Instant createdAt, String reservationId, long reservationVersion,
                           ReservationDto data) {

    public static String idOf(OutboxEntry e) {
        return EventTypes.eventId(e);
    }

    public static WebhookEvent of(OutboxEntry e, Reservation now, Room room) {
        return new WebhookEvent(idOf(e), EventTypes.name(e.kind()), e.createdAt().truncatedTo(ChronoUnit.MILLIS),
                e.reservationId(), e.version(), ReservationDto.of(now, room));
    }
}
