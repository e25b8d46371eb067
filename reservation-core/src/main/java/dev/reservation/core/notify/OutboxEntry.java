package dev.reservation.core.notify;

import dev.reservation.core.domain.InvalidInputException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One change of one reservation waiting for (or done by) one consumer of the outbox, such as
 * {@value #EMAIL}. Its {@link #id} is derived from (consumer, reservation id, version), so
 * enqueueing the same change twice finds the first entry. {@code leaseToken}/{@code leaseUntil}
 * say who may deliver it until when; {@code notBefore} delays a retry; {@code doneAt} is set once it
 * was delivered (or deliberately skipped). Immutable.
 */
public record OutboxEntry(
        String id,
        String consumer,
        String reservationId,
        long version,
        ChangeKind kind,
        String userId,
        Instant createdAt,
        Instant notBefore,
        int attempts,
        String lastError,
        Instant lastAttemptAt,
        String leaseToken,
        Instant leaseUntil,
        Instant doneAt,
        String outcome) {

    /** The consumer that sends e-mail; each webhook subscription is another ({@code wh:<id>}). */
    public static final String EMAIL = "email";
    public static final int MAX_ERROR = 500;

    public OutboxEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(consumer, "consumer");
        Objects.requireNonNull(reservationId, "reservationId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(userId, "userId");
        createdAt = millis(Objects.requireNonNull(createdAt, "createdAt"));
        notBefore = millis(notBefore == null ? createdAt : notBefore);
        lastAttemptAt = millis(lastAttemptAt);
        leaseUntil = millis(leaseUntil);
        doneAt = millis(doneAt);
    }

    /** A change to enqueue: what the outbox is told. */
    public record New(String consumer, String reservationId, long version, ChangeKind kind, String userId,
                      Instant createdAt) {
        public New {
            consumer = Texts.require("consumer", consumer, 80);
            reservationId = Texts.require("reservationId", reservationId, 64);
            Objects.requireNonNull(kind, "kind");
            userId = Texts.require("userId", userId, 64);
            Objects.requireNonNull(createdAt, "createdAt");
            if (version < 0) {
                throw new InvalidInputException("version", "version must not be negative");
            }
        }

        public String id() {
            return idOf(consumer, reservationId, version, kind);
        }

        /** The entry as it is first stored: pending, never attempted. */
        public OutboxEntry pending() {
            return new OutboxEntry(id(), consumer, reservationId, version, kind, userId, createdAt, createdAt, 0, null,
                    null, null, null, null, null);
        }
    }

    /**
     * The one id of a change for a consumer: {@code consumer:reservationId:version}. A version is one
     * change, so the kind is not part of it: whoever records a version first (the service, room
     * operations knowing it was an approval, or the sweeper guessing {@link ChangeKind#of}) decides its
     * kind, and nobody records it again under another. (Entries written before this rule have
     * {@code :KIND} at the end; they are read and drained as ever.)
     */
    public static String idOf(String consumer, String reservationId, long version, ChangeKind kind) {
        return consumer + ":" + reservationId + ":" + version;
    }

    public boolean done() {
        return doneAt != null;
    }

    /** True when a lease holder may not be displaced at {@code now}. */
    public boolean leasedAt(Instant now) {
        return leaseUntil != null && leaseUntil.isAfter(now);
    }

    /** Pending, due and not leased at {@code now}: a drainer may take it. */
    public boolean leasableAt(Instant now) {
        return !done() && !notBefore.isAfter(now) && !leasedAt(now);
    }

    public static String trimError(String error) {
        if (error == null) {
            return null;
        }
        return error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR);
    }

    private static Instant millis(Instant t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.MILLIS);
    }
}
