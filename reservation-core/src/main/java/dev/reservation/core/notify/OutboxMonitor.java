package dev.reservation.core.notify;

import dev.reservation.core.domain.Actor;
import dev.reservation.core.domain.PermissionDeniedException;
import java.time.Clock;
import java.util.Objects;

/**
 * How the outbox stands, for operators: {@link OutboxStats} of one consumer (pending entries, how
 * many are being delivered right now, the oldest pending, the last error of an entry still
 * pending). Admins only: entry ids name reservations, errors may name recipients. Reads what the
 * store keeps; it cannot tell whether any app instance is draining. Thread-safe.
 */
public final class OutboxMonitor {
    private final OutboxStore outbox;
    private final Clock clock;

    public OutboxMonitor(OutboxStore outbox, Clock clock) {
        this.outbox = Objects.requireNonNull(outbox);
        this.clock = Objects.requireNonNull(clock);
    }

    /** The e-mail consumer's outbox ({@value OutboxEntry#EMAIL}). */
    public OutboxStats email(Actor actor) {
        return stats(actor, OutboxEntry.EMAIL);
    }

    public OutboxStats stats(Actor actor, String consumer) {
        if (!actor.isAdmin()) {
            throw new PermissionDeniedException("only an admin may see the notification outbox");
        }
        return outbox.stats(consumer, clock.instant());
    }
}
