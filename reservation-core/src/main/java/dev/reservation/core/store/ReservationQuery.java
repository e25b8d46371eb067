package dev.reservation.core.store;

import dev.reservation.core.domain.InvalidInputException;
import dev.reservation.core.domain.ReservationStatus;
import java.time.Instant;
import java.util.Optional;

/**
 * A filter over reservations; every part is optional. {@code from}/{@code to} select reservations
 * whose slot overlaps {@code [from, to)}. Results are ordered by start, then id, and capped at
 * {@code limit}, from {@code after} on when it is given (keyset paging: see {@link After}).
 */
public record ReservationQuery(
        Optional<String> roomId,
        Optional<String> userId,
        Optional<Instant> from,
        Optional<Instant> to,
        Optional<ReservationStatus> status,
        int limit,
        boolean holding,
        Optional<After> after) {

    /**
     * A keyset position in the order of every query (start, then id): a query with it selects only
     * the reservations ordered after it. A page's last reservation gives the next page's position, so
     * paging reads each reservation once even while others are added or removed meanwhile.
     */
    public record After(Instant start, String id) {
        public After {
            java.util.Objects.requireNonNull(start, "start");
            java.util.Objects.requireNonNull(id, "id");
        }

        public static After of(dev.reservation.core.domain.Reservation r) {
            return new After(r.slot().start(), r.id());
        }

        /** Whether {@code r} is ordered after this position. */
        public boolean precedes(dev.reservation.core.domain.Reservation r) {
            int byStart = r.slot().start().compareTo(start);
            return byStart > 0 || (byStart == 0 && r.id().compareTo(id) > 0);
        }
    }

    public static final int MAX_LIMIT = 10_000;

    public ReservationQuery {
        roomId = roomId == null ? Optional.empty() : roomId;
        userId = userId == null ? Optional.empty() : userId;
        from = from == null ? Optional.empty() : from;
        to = to == null ? Optional.empty() : to;
        status = status == null ? Optional.empty() : status;
        after = after == null ? Optional.empty() : after;
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

    public ReservationQuery(Optional<String> roomId, Optional<String> userId, Optional<Instant> from,
                            Optional<Instant> to, Optional<ReservationStatus> status, int limit, boolean holding) {
        this(roomId, userId, from, to, status, limit, holding, Optional.empty());
    }

    /** A query of any status, or of one ({@code status}). */
    public ReservationQuery(Optional<String> roomId, Optional<String> userId, Optional<Instant> from,
                            Optional<Instant> to, Optional<ReservationStatus> status, int limit) {
        this(roomId, userId, from, to, status, limit, false, Optional.empty());
    }

    public static ReservationQuery all() {
        return new ReservationQuery(null, null, null, null, null, MAX_LIMIT);
    }

    public ReservationQuery room(String id) {
        return new ReservationQuery(Optional.of(id), userId, from, to, status, limit, holding, after);
    }

    public ReservationQuery user(String id) {
        return new ReservationQuery(roomId, Optional.of(id), from, to, status, limit, holding, after);
    }

    public ReservationQuery window(Instant windowFrom, Instant windowTo) {
        return new ReservationQuery(roomId, userId, Optional.of(windowFrom), Optional.of(windowTo), status, limit, holding,
                after);
    }

    public ReservationQuery status(ReservationStatus wanted) {
        return new ReservationQuery(roomId, userId, from, to, Optional.of(wanted), limit, false, after);
    }

    public ReservationQuery confirmedOnly() {
        return status(ReservationStatus.CONFIRMED);
    }

    /** The reservations that hold their room, PENDING or CONFIRMED: what "busy" means (replaces a status filter). */
    public ReservationQuery holdingOnly() {
        return new ReservationQuery(roomId, userId, from, to, Optional.empty(), limit, true, after);
    }

    public ReservationQuery limit(int max) {
        return new ReservationQuery(roomId, userId, from, to, status, max, holding, after);
    }

    /** Only the reservations ordered after {@code position} (start, then id): the next page after it. */
    public ReservationQuery after(After position) {
        return new ReservationQuery(roomId, userId, from, to, status, limit, holding, Optional.of(position));
    }

    /** The same test every store applies; stores may use it as the final filter. */
    public boolean matches(dev.reservation.core.domain.Reservation r) {
        return roomId.map(r.roomId()::equals).orElse(true)
                && userId.map(r.userId()::equals).orElse(true)
                && status.map(s -> r.status() == s).orElse(true)
                && (!holding || r.holdsRoom())
                && from.map(f -> r.slot().end().isAfter(f)).orElse(true)
                && to.map(t -> r.slot().start().isBefore(t)).orElse(true)
                && after.map(a -> a.precedes(r)).orElse(true);
    }
}
