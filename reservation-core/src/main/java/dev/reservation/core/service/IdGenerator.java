package dev.reservation.core.service;

import java.util.UUID;

/** Makes ids for new users, rooms and reservations. Implementations are thread-safe. */
@FunctionalInterface
public interface IdGenerator {
    String newId();

    /** Random UUIDs: unique across processes without coordination. */
    static IdGenerator uuids() {
        return () -> UUID.randomUUID().toString();
    }
}
