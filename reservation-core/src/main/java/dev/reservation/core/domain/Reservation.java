package dev.reservation.core.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One booking of one room by one user for a half-open slot. Never deleted. Its audit trail: who
 * created it and when ({@code createdBy} may be an admin booking for {@code userId}), and, once
 * cancelled, who cancelled it and when. {@code version} grows by one with every change and
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
        String idempotencyKey) {

    public static final int MAX_TITLE = 200;

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
        if ((status == ReservationStatus.CANCELLED) != (cancelledAt != null)) {
            throw new InvalidInputException("cancelledAt", "cancelledAt is set exactly when the status is CANCELLED");
        }
        if (version < 0) {
            throw new InvalidInputException("version", "version must not be negative");
        }
        if (idempotencyKey != null) {
            idempotencyKey = InvalidInputException.requireText("idempotencyKey", idempotencyKey, 128);
        }
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

    public boolean isConfirmed() {
        return status == ReservationStatus.CONFIRMED;
    }

    /** True when this confirmed reservation holds any part of {@code other} in the same room. */
    public boolean conflictsWith(String otherRoomId, TimeSlot other) {
        return isConfirmed() && roomId.equals(otherRoomId) && slot.overlaps(other);
    }

    /** This reservation, cancelled at {@code at} by {@code by}, one version later. */
    public Reservation cancelled(Instant at, String by) {
        return new Reservation(id, roomId, userId, slot, title, attendees, ReservationStatus.CANCELLED,
                createdAt, createdBy, at, by, version + 1, idempotencyKey);
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
