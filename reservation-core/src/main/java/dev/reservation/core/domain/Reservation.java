package dev.reservation.core.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One booking of one room by one user for a half-open slot. Never deleted. Its audit trail: who
 * created it and when ({@code createdBy} may be an admin booking for {@code userId}); once in a final
 * status (cancelled, declined, expired, auto-released), who ended it and when ({@code cancelledAt},
 * {@code cancelledBy}: a user id, or {@code system:...} for the app's own jobs); who approved a
 * request and when ({@code approvedAt}, {@code approvedBy}); when it was checked in
 * ({@code checkedInAt}); and the reason given for the last decision ({@code reason}). {@code version} grows by one with every change and
 * guards optimistic updates. {@code idempotencyKey} (optional) makes a retried booking return the
 * first outcome. Immutable.
 */
public record Reservation(
        String id,
        String roomId,
        String userId,
        TimeSlot slot,
        String title,
        int attendees,
        ReservationStatus status,
        Instant createdAt,
        String createdBy,
        Instant cancelledAt,
        String cancelledBy,
        long version,
        String idempotencyKey,
        Instant checkedInAt,
        Instant approvedAt,
        String approvedBy,
        String reason) {

    public static final int MAX_TITLE = 200;
    /**
     * Who ends the HELD occurrences of an all-or-nothing series that was rolled back: they were never
     * bookings, so nothing announces their end ({@link #neverBooked()}).
     */
    public static final String SERIES_ROLLBACK = "system:series-rollback";

    public Reservation {
        id = InvalidInputException.requireText("id", id, 64);
        roomId = InvalidInputException.requireText("roomId", roomId, 64);
        userId = InvalidInputException.requireText("userId", userId, 64);
        if (slot == null) {
            throw new InvalidInputException("start", "a time slot is required");
        }
        title = InvalidInputException.requireText("title", title, MAX_TITLE);
        if (attendees < 1) {
            throw new InvalidInputException("attendees", "attendees must be at least 1, was " + attendees);
        }
        if (status == null) {
            throw new InvalidInputException("status", "status is required");
        }
        if (createdAt == null) {
            throw new InvalidInputException("createdAt", "createdAt is required");
        }
        createdAt = createdAt.truncatedTo(ChronoUnit.MILLIS);
        createdBy = createdBy == null ? userId : InvalidInputException.requireText("createdBy", createdBy, 64);
        cancelledAt = cancelledAt == null ? null : cancelledAt.truncatedTo(ChronoUnit.MILLIS);
        if (status.isFinal() != (cancelledAt != null)) {
            throw new InvalidInputException("cancelledAt", "cancelledAt is set exactly when the status is final");
        }
        checkedInAt = checkedInAt == null ? null : checkedInAt.truncatedTo(ChronoUnit.MILLIS);
        approvedAt = approvedAt == null ? null : approvedAt.truncatedTo(ChronoUnit.MILLIS);
        if ((approvedAt == null) != (approvedBy == null)) {
            throw new InvalidInputException("approvedBy", "approvedAt and approvedBy are set together");
        }
        if (reason != null) {
            reason = reason.isBlank() ? null : InvalidInputException.requireText("reason", reason, 500);
        }
        if (version < 0) {
            throw new InvalidInputException("version", "version must not be negative");
        }
        if (idempotencyKey != null) {
            idempotencyKey = InvalidInputException.requireText("idempotencyKey", idempotencyKey, 128);
        }
    }

    /** The form before check-in and approval existed: none of their fields set. */
    public Reservation(String id, String roomId, String userId, TimeSlot slot, String title, int attendees,
                       ReservationStatus status, Instant createdAt, String createdBy, Instant cancelledAt,
                       String cancelledBy, long version, String idempotencyKey) {
        this(id, roomId, userId, slot, title, attendees, status, createdAt, createdBy, cancelledAt, cancelledBy,
                version, idempotencyKey, null, null, null, null);
    }

    /** The form without {@code createdBy}: the reservation was created by its own user. */
    public Reservation(String id, String roomId, String userId, TimeSlot slot, String title, int attendees,
                       ReservationStatus status, Instant createdAt, Instant cancelledAt, String cancelledBy,
                       long version, String idempotencyKey) {
        this(id, roomId, userId, slot, title, attendees, status, createdAt, userId, cancelledAt, cancelledBy, version,
                idempotencyKey);
    }

    /** A new, confirmed reservation at version 0, created by its own user. */
    public static Reservation confirmed(String id, String roomId, String userId, TimeSlot slot, String title,
                                        int attendees, Instant createdAt, String idempotencyKey) {
        return confirmed(id, roomId, userId, slot, title, attendees, createdAt, userId, idempotencyKey);
    }

    /** A new, confirmed reservation at version 0, created by {@code createdBy}. */
    public static Reservation confirmed(String id, String roomId, String userId, TimeSlot slot, String title,
                                        int attendees, Instant createdAt, String createdBy, String idempotencyKey) {
        return new Reservation(id, roomId, userId, slot, title, attendees, ReservationStatus.CONFIRMED,
                createdAt, createdBy, null, null, 0, idempotencyKey);
    }

    /** True for a held series occurrence cancelled by its series' rollback: it never was a booking. */
    public boolean neverBooked() {
        return status == ReservationStatus.CANCELLED && SERIES_ROLLBACK.equals(cancelledBy);
    }

    public boolean isConfirmed() {
        return status == ReservationStatus.CONFIRMED;
    }

    /** True while it holds its room: PENDING or CONFIRMED (see {@link ReservationStatus#holdsRoom()}). */
    public boolean holdsRoom() {
        return status.holdsRoom();
    }

    /** True when this reservation holds (PENDING or CONFIRMED) any part of {@code other} in the same room. */
    public boolean conflictsWith(String otherRoomId, TimeSlot other) {
        return holdsRoom() && roomId.equals(otherRoomId) && slot.overlaps(other);
    }

    /** This reservation, cancelled at {@code at} by {@code by}, one version later. */
    public Reservation cancelled(Instant at, String by) {
        return ended(ReservationStatus.CANCELLED, at, by, reason);
    }

    /** This new reservation (version 0) as a request awaiting approval. */
    public Reservation asPending() {
        return new Reservation(id, roomId, userId, slot, title, attendees, ReservationStatus.PENDING, createdAt,
                createdBy, null, null, version, idempotencyKey, null, null, null, null);
    }

    /** This new reservation (version 0) held for an all-or-nothing series that is still being booked. */
    public Reservation asHeld() {
        return new Reservation(id, roomId, userId, slot, title, attendees, ReservationStatus.HELD, createdAt,
                createdBy, null, null, version, idempotencyKey, null, null, null, null);
    }

    /** This held occurrence as its series commits it ({@code target}: CONFIRMED or PENDING), one version later. */
    public Reservation committed(ReservationStatus target) {
        if (status != ReservationStatus.HELD || !(target == ReservationStatus.CONFIRMED
                || target == ReservationStatus.PENDING)) {
            throw new IllegalArgumentException("only a HELD reservation is committed, to CONFIRMED or PENDING");
        }
        return new Reservation(id, roomId, userId, slot, title, attendees, target, createdAt, createdBy, null, null,
                version + 1, idempotencyKey, null, null, null, null);
    }

    /** This pending request approved by {@code by} at {@code at}, one version later (claims untouched). */
    public Reservation approved(Instant at, String by, String why) {
        return new Reservation(id, roomId, userId, slot, title, attendees, ReservationStatus.CONFIRMED, createdAt,
                createdBy, null, null, version + 1, idempotencyKey, checkedInAt, at, by, why);
    }

    /** This confirmed reservation checked in at {@code at}, one version later. */
    public Reservation checkedIn(Instant at) {
        return new Reservation(id, roomId, userId, slot, title, attendees, status, createdAt, createdBy, null, null,
                version + 1, idempotencyKey, at, approvedAt, approvedBy, reason);
    }

    /** This reservation in the final status {@code finalStatus}, ended at {@code at} by {@code by}, one version later. */
    public Reservation ended(ReservationStatus finalStatus, Instant at, String by, String why) {
        if (!finalStatus.isFinal()) {
            throw new IllegalArgumentException(finalStatus + " is not a final status");
        }
        return new Reservation(id, roomId, userId, slot, title, attendees, finalStatus, createdAt, createdBy, at, by,
                version + 1, idempotencyKey, checkedInAt, approvedAt, approvedBy, why);
    }

    /**
     * True when a store may apply {@code next} over this reservation as one compare-and-set: same
     * reservation, one version later, from a holding status (approval, check-in, or an ending; a HELD
     * series occurrence also to PENDING when its series commits it).
     */
    public boolean canBecome(Reservation next) {
        if (!id.equals(next.id) || !roomId.equals(next.roomId) || !slot.equals(next.slot)
                || next.version != version + 1 || !holdsRoom()) {
            return false;
        }
        if (status == ReservationStatus.HELD && next.status == ReservationStatus.PENDING) {
            return true;
        }
        return next.status.isFinal() || next.status == ReservationStatus.CONFIRMED;
    }

    /** True when a retried request asks for the same booking as this one did. */
    /**
     * The key under which an idempotency key is unique: the key as the booking's creator
     * ({@code createdBy}, the acting user) sent it, so the same key from two users is two bookings.
     * Null without a key. Unambiguous whatever the two contain.
     */
    public String idempotencyScope() {
        return idempotencyKey == null ? null : scope(createdBy, idempotencyKey);
    }

    /** The scope of {@code key} sent by {@code actorId} (see {@link #idempotencyScope()}). */
    public static String scope(String actorId, String key) {
        return actorId.length() + ":" + actorId + ":" + key;
    }

    public boolean sameRequestAs(Reservation other) {
        return roomId.equals(other.roomId) && userId.equals(other.userId) && slot.equals(other.slot)
                && title.equals(other.title) && attendees == other.attendees;
    }
}
