package dev.reservation.web.booking;

import dev.reservation.core.domain.Actor;
import dev.reservation.core.domain.ReservationException;
import dev.reservation.core.domain.WriteOutcomeUnknownException;
import dev.reservation.core.service.BookingReceipt;
import dev.reservation.core.service.ReservationService;
import dev.reservation.core.service.ReserveRequest;
import java.util.UUID;

/**
 * Books through the core so that no booking is ever reported as failed when it may have been
 * stored. Every booking carries an idempotency key (the client's, or one made here), with which the
 * core settles an unknown outcome if it can; when it cannot, the caller gets an
 * {@link UnresolvedBookingException} naming the key to retry with. Thread-safe.
 */
public final class KeyedBookings {
    private final ReservationService reservations;

    public KeyedBookings(ReservationService reservations) {
        this.reservations = reservations;
    }

    /**
     * Ensures the request has an idempotency key, making one with {@code prefix} when it has none. A
     * key made here is marked new: the core books without first looking for an earlier booking under it.
     */
    public static ReserveRequest withKey(ReserveRequest request, String prefix) {
        return request.idempotencyKey().isPresent()
                ? request
                : request.withNewIdempotencyKey(prefix + UUID.randomUUID());
    }

    /**
     * Books as {@code actor}.
     *
     * @throws UnresolvedBookingException when the store could not tell whether the booking landed
     * @throws ReservationException as {@link ReservationService#reserveWithReceipt} does otherwise
     */
    public BookingReceipt book(Actor actor, ReserveRequest request) {
        String key = request.idempotencyKey()
                .orElseThrow(() -> new IllegalArgumentException("call withKey first: bookings need a key"));
        try {
            return reservations.reserveWithReceipt(actor, request);
        } catch (WriteOutcomeUnknownException unknown) {
            throw new UnresolvedBookingException(key, unknown.reservationId().orElse(null), unknown);
        }
    }
}
