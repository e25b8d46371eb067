package dev.reservation.core.service;

import dev.reservation.core.domain.InvalidInputException;
import dev.reservation.core.domain.Reservation;
import dev.reservation.core.domain.TimeSlot;
import java.util.Optional;

/**
 * A request to book {@code roomId} for {@code userId}. Validated on construction; the booking
 * policy and the conflict rule are checked by {@link ReservationService#reserve}.
 *
 * @param keyIsNew the idempotency key was just made for this request (not sent by a client), so no
 *     earlier booking can carry it and the service does not look for one: a round trip saved
 */
public record ReserveRequest(String roomId, String userId, TimeSlot slot, String title, int attendees,
                             Optional<String> idempotencyKey, boolean keyIsNew) {
    public ReserveRequest {
        if (roomId == null || roomId.isBlank()) {
            throw new InvalidInputException("roomId", "roomId is required");
        }
        if (userId == null || userId.isBlank()) {
            throw new InvalidInputException("userId", "userId is required");
        }
        if (slot == null) {
            throw new InvalidInputException("start", "start and end are required");
        }
        if (title == null || title.isBlank()) {
            throw new InvalidInputException("title", "title is required");
        }
        if (title.strip().length() > Reservation.MAX_TITLE) {
            throw new InvalidInputException("title", "title must be at most " + Reservation.MAX_TITLE + " characters");
        }
        if (attendees < 1) {
            throw new InvalidInputException("attendees", "attendees must be at least 1");
        }
        idempotencyKey = idempotencyKey == null ? Optional.empty() : idempotencyKey.filter(k -> !k.isBlank());
        if (idempotencyKey.isPresent() && idempotencyKey.get().length() > 128) {
            throw new InvalidInputException("idempotencyKey", "idempotency key must be at most 128 characters");
        }
        keyIsNew = keyIsNew && idempotencyKey.isPresent();
    }

    public ReserveRequest(String roomId, String userId, TimeSlot slot, String title, int attendees,
                          Optional<String> idempotencyKey) {
        this(roomId, userId, slot, title, attendees, idempotencyKey, false);
    }

    public ReserveRequest(String roomId, String userId, TimeSlot slot, String title, int attendees) {
        this(roomId, userId, slot, title, attendees, Optional.empty());
    }

    /** This request under {@code key}, a key a client sent (it may have been used before). */
    public ReserveRequest withIdempotencyKey(String key) {
        return new ReserveRequest(roomId, userId, slot, title, attendees, Optional.ofNullable(key));
    }

    /** This request under {@code key}, just made for it (a random one that no earlier request carries). */
    public ReserveRequest withNewIdempotencyKey(String key) {
        return new ReserveRequest(roomId, userId, slot, title, attendees, Optional.of(key), true);
    }
}
