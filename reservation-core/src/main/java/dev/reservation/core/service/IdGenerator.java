package dev.reservation.core.service;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/** Makes ids for new users, rooms and reservations. Implementations are thread-safe. */
@FunctionalInterface
public interface IdGenerator {
    String newId();

    /** Random UUIDs: unique across processes without coordination; one secure random draw per id. */
    static IdGenerator uuids() {
        return () -> UUID.randomUUID().toString();
    }

    /**
     * ObjectId-like ids (24 hex characters: time, a per-process random part, a counter): unique
     * across processes with overwhelming probability, shorter than UUIDs and without a secure
     * random draw per id. The default of {@code CoreModule}.
     */
    static IdGenerator timeOrdered(Clock clock) {
        return new TimeOrderedIds(clock, new SecureRandom());
    }
}
