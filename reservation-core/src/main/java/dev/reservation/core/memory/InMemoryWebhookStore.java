package dev.reservation.core.memory;

import dev.reservation.core.hooks.WebhookStore;
import dev.reservation.core.hooks.WebhookSubscription;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Webhook subscriptions in this process's memory; every operation holds one lock. Thread-safe. */
public final class InMemoryWebhookStore implements WebhookStore {
    private final Map<String, WebhookSubscription> subscriptions = new LinkedHashMap<>();

    @Override
    public synchronized void insert(WebhookSubscription subscription) {
        if (subscriptions.putIfAbsent(subscription.id(), subscription) != null) {
            throw new dev.reservation.core.domain.AlreadyExistsException("id", "a webhook subscription with id "
                    + subscription.id() + " already exists");
        }
    }

    @Override
    public synchronized Optional<WebhookSubscription> find(String id) {
        return Optional.ofNullable(subscriptions.get(id));
    }

    @Override
    public synchronized List<WebhookSubscription> all() {
        List<WebhookSubscription> all = new ArrayList<>(subscriptions.values());
        all.sort(java.util.Comparator.comparing(WebhookSubscription::createdAt).thenComparing(WebhookSubscription::id));
        return all;
    }

    @Override
    public synchronized boolean replace(long expectedVersion, WebhookSubscription next) {
        WebhookSubscription current = subscriptions.get(next.id());
        if (current == null || current.version() != expectedVersion) {
            return false;
        }
        subscriptions.put(next.id(), next);
        return true;
    }

    @Override
    public synchronized boolean delete(String id) {
        return subscriptions.remove(id) != null;
    }
}
