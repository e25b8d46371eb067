package dev.reservation.web;

import dev.reservation.core.domain.Reservation;
import dev.reservation.core.domain.ReservationException;
import dev.reservation.core.domain.WriteOutcomeUnknownException;
import dev.reservation.core.service.BookingReceipt;
import dev.reservation.core.service.ReservationService;
import dev.reservation.core.service.ReserveRequest;
import dev.reservation.core.store.ReservationStore;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Books through the core so that no booking is ever reported as failed when it may have been
 * stored. Every booking carries an idempotency key (the client's, or one made here); when the
 * core gives up with an unknown outcome, one more read by that key settles it if it can, else the
 * caller gets an {@link UnresolvedBookingException} naming the key to retry with. Thread-safe.
 */
public final class Bookings {
    /** How the core names the candidate in its outcome-unknown message; see the report's request to core. */
    private static final Pattern CANDIDATE = Pattern.compile("reservation (\\S+) was stored");

    private final ReservationService reservations;
    private final ReservationStore store;

    public Bookings(ReservationService reservations, ReservationStore store) {
        this.reservations = reservations;
        this.store = store;
    }

    /** Ensures the request has an idempotency key, making one with {@code prefix} when it has none. */
    public static ReserveRequest withKey(ReserveRequest request, String prefix) {
        return request.idempotencyKey().isPresent()
                ? request
                : request.withIdempotencyKey(prefix + UUID.randomUUID());
    }

    /**
     * @throws UnresolvedBookingException when the store could not tell whether the booking landed
     * @throws ReservationException as {@link ReservationService#reserveWithReceipt} does otherwise
     */
    public BookingReceipt book(ReserveRequest request) {
        String key = request.idempotencyKey()
                .orElseThrow(() -> new IllegalArgumentException("call withKey first: bookings need a key"));
        try {
            return reservations.reserveWithReceipt(request);
        } catch (WriteOutcomeUnknownException unknown) {
            Optional<Reservation> landed = lookUp(key);
            if (landed.isPresent()) {
                return new BookingReceipt(landed.get(), false);
            }
            throw new UnresolvedBookingException(key, candidateId(unknown), unknown);
        }
    }

    private Optional<Reservation> lookUp(String key) {
        try {
            return store.findByIdempotencyKey(key);
        } catch (ReservationException stillUnreachable) {
            return Optional.empty();
        }
    }

    private static String candidateId(WriteOutcomeUnknownException e) {
        Matcher m = CANDIDATE.matcher(String.valueOf(e.getMessage()));
        return m.find() ? m.group(1) : null;
    }
}
