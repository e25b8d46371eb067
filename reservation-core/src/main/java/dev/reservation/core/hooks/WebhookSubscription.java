package dev.reservation.core.hooks;

import dev.reservation.core.domain.InvalidInputException;
import dev.reservation.core.notify.ChangeKind;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One webhook subscription: where to POST which events, signed with {@code secret}. {@code scope}
 * says whose reservations it sees: {@link Scope#OWN} (its owner's, any user may have one) or
 * {@link Scope#ALL} (everyone's, only while its owner is an ADMIN). An empty {@code roomIds} means every
 * room. {@code failingSince} is the first failure of the current run of failures (null while the
 * receiver answers); a subscription failing for longer than the dispatcher allows is switched off
 * ({@code enabled = false}, {@code disabledReason}). {@code version} grows with every change and
 * guards the compare-and-set updates. Its deliveries are the outbox entries of {@link #consumer()}.
 * Immutable.
 */
public record WebhookSubscription(
        String id,
        String ownerId,
        String url,
        Set<ChangeKind> events,
        Set<String> roomIds,
        Scope scope,
        String secret,
        Instant createdAt,
        boolean enabled,
        String disabledReason,
        Instant failingSince,
        long version) {

    /** The outbox consumer names of webhook deliveries start with this, then the subscription id. */
    public static final String CONSUMER_PREFIX = "wh:";
    public static final int MAX_URL = 2000;
    public static final int MAX_ROOMS = 100;

    /** Whose reservations a subscription sees. */
    public enum Scope {
        OWN, ALL
    }

    public WebhookSubscription {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(secret, "secret");
        if (events == null || events.isEmpty()) {
            throw new InvalidInputException("events", "a subscription needs at least one event");
        }
        events = Set.copyOf(EnumSet.copyOf(events));
        roomIds = roomIds == null ? Set.of() : Set.copyOf(new TreeSet<>(roomIds));
        if (roomIds.size() > MAX_ROOMS) {
            throw new InvalidInputException("roomIds", "at most " + MAX_ROOMS + " rooms per subscription");
        }
        createdAt = Objects.requireNonNull(createdAt, "createdAt").truncatedTo(ChronoUnit.MILLIS);
        failingSince = failingSince == null ? null : failingSince.truncatedTo(ChronoUnit.MILLIS);
    }

    /** The outbox consumer whose entries are this subscription's deliveries. */
    public String consumer() {
        return consumerOf(id);
    }

    public static String consumerOf(String subscriptionId) {
        return CONSUMER_PREFIX + subscriptionId;
    }

    public boolean coversRoom(String roomId) {
        return roomIds.isEmpty() || roomIds.contains(roomId);
    }

    /** The same subscription after a delivery failed at {@code at}: the run of failures starts now or goes on. */
    public WebhookSubscription failing(Instant at) {
        return new WebhookSubscription(id, ownerId, url, events, roomIds, scope, secret, createdAt, enabled,
                disabledReason, failingSince == null ? at : failingSince, version + 1);
    }

    /** The same subscription after a delivery succeeded: no run of failures. */
    public WebhookSubscription answering() {
        return new WebhookSubscription(id, ownerId, url, events, roomIds, scope, secret, createdAt, enabled, null,
                null, version + 1);
    }

    /** Switched on (clearing a past run of failures) or off, with the reason people see. */
    public WebhookSubscription switched(boolean on, String reason) {
        return new WebhookSubscription(id, ownerId, url, events, roomIds, scope, secret, createdAt, on,
                on ? null : reason, on ? null : failingSince, version + 1);
    }
}
