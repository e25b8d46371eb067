package dev.reservation.core.ops;

/**
 * Receives {@link ReservationEvent}s (e.g. the notifications outbox). Called on the thread that made
 * the change, after it was stored; must not throw (a failure is logged and dropped: the store's state is
 * the record). The default does nothing.
 */
@FunctionalInterface
public interface ReservationEvents {
    ReservationEvents NONE = e -> { };

    void published(ReservationEvent event);
}
