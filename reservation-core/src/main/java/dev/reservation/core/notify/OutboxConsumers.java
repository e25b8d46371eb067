package dev.reservation.core.notify;

import dev.reservation.core.domain.Reservation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Which outbox consumers a change goes to: a fixed list (e-mail), or one decided per change
 * (webhook subscriptions, by room, owner and kind). {@code changedAt} is when the change was made,
 * as near as the caller knows. Implementations are thread-safe and fast: the recorder asks on every
 * booking.
 */
@FunctionalInterface
public interface OutboxConsumers {
    List<String> of(Reservation r, Instant changedAt);

    static OutboxConsumers fixed(List<String> consumers) {
        List<String> copy = List.copyOf(consumers);
        return (r, at) -> copy;
    }

    /** This one's consumers, then {@code other}'s. */
    default OutboxConsumers and(OutboxConsumers other) {
        return (r, at) -> {
            List<String> mine = of(r, at);
            List<String> theirs = other.of(r, at);
            if (theirs.isEmpty()) {
                return mine;
            }
            List<String> both = new ArrayList<>(mine);
            both.addAll(theirs);
            return both;
        };
    }
}
