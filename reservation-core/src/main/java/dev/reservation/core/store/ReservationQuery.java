package dev.reservation.core.store;

import dev.reservation.core.domain.InvalidInputException;
import dev.reservation.core.domain.ReservationStatus;
import java.time.Instant;
import java.util.Optional;

/**
 * A filter over reservations; every part is optional. {@code from}/{@code to} select reservations
 * whose slot overlaps {@code [from, to)}. Results are ordered by start, then id, and capped at
 * {@code limit}.
 */
public record ReservationQuery(
        Optional<String> roomId,
        Optional<String> userId,
        Optional<Instant> from,
        Optional<Instant> to,
        Optional<ReservationStatus> status,
        int limit,
        boolean holding) {

    public static final int MAX_LIMIT = 10_000;

    public ReservationQuery {
        roomId = roomId == null ? Optional.empty() : roomId;
        userId = userId == null ? Optional.empty() : userId;
        from = from == null ? Optional.empty() : from;
        to = to == null ? Optional.empty() : to;
        status = status == null ? Optional.empty() : status;
        if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
            throw new InvalidInputException("to", "'to' must be after 'from'");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        if (holding && status.isPresent()) {
            throw new InvalidInputException("status", "a query selects one status or the holding ones, not both");
        }
    }

    /** A query of any status, or of one ({@code status}). */
    public ReservationQuery(Optional<String> roomId, Optional<String> userId, Optional<Instant> from,
                            Optional<Instant> to, Optional<ReservationStatus> status, int limit) {
        this(roomId, userId, from, to, status, limit, false);
    }

    public static ReservationQuery all() {
        return new ReservationQuery(null, null, null, null, null, MAX_LIMIT);
    }

    public ReservationQuery room(String id) {
        return new ReservationQuery(Optional.of(id), userId, from, to, status, limit, holding);
    }

    public ReservationQuery user(String id) {
        return new ReservationQuery(roomId, Optional.of(id), from, to, status, limit, holding);
    }

    public ReservationQuery window(Instant windowFrom, Instant windowTo) {
        return new ReservationQuery(roomId, userId, Optional.of(windowFrom), Optional.of(windowTo), status, limit, holding);
    }

    public ReservationQuery status(ReservationStatus wanted) {
        return new ReservationQuery(roomId, userId, from, to, Optional.of(wanted), limit);
    }

    public ReservationQuery confirmedOnly() {
        return status(ReservationStatus.CONFIRMED);
    }

    /** The reservations that hold their room, PENDING or CONFIRMED: what "busy" means (replaces a status filter). */
    public ReservationQuery holdingOnly() {
        return new ReservationQuery(roomId, userId, from, to, Optional.empty(), limit, true);
    }

    public ReservationQuery limit(int max) {
        return new ReservationQuery(roomId, userId, from, to, status, max, holding);
    }

    /** The same test every store applies; stores may use it as the final filter. */
    public boolean matches(dev.reservation.core.domain.Reservation r) {
        return roomId.map(r.roomId()::equals).orElse(true)
                && userId.map(r.userId()::equals).orElse(true)
                && status.map(s -> r.status() == s).orElse(true)
                && (!holding || r.holdsRoom())
                && from.map(f -> r.slot().end().isAfter(f)).orElse(true)
                && to.map(t -> r.slot().start().isBefore(t)).orElse(true);
    }
}
