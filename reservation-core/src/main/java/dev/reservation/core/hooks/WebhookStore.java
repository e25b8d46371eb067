package dev.reservation.core.hooks;

import java.util.List;
import java.util.Optional;

/**
 * Port: webhook subscriptions. Their deliveries live in the outbox
 * ({@link dev.reservation.core.notify.OutboxStore}, consumer {@link WebhookSubscription#consumer()}).
 * Thread-safe; failures as in the other ports.
 */
public interface WebhookStore {
    /**
     * Stores a new subscription.
     *
     * @throws dev.reservation.core.domain.AlreadyExistsException when one with its id exists (never overwritten)
     */
    void insert(WebhookSubscription subscription);

    Optional<WebhookSubscription> find(String id);

    /** Every subscription, oldest first (a deployment has tens, not thousands). */
    List<WebhookSubscription> all();

    /** Replaces the subscription if it is still at {@code expectedVersion}; false when it changed or is gone. */
    boolean replace(long expectedVersion, WebhookSubscription next);

    /** Removes it; true when there was one. */
    boolean delete(String id);
}
