package dev.reservation.core.memory;

import dev.reservation.core.hooks.WebhookStore;
import dev.reservation.core.store.WebhookStoreContractTest;

class InMemoryWebhookStoreContractTest extends WebhookStoreContractTest {
    private InMemoryWebhookStore store;

    @Override
    protected WebhookStore freshStore() {
        store = new InMemoryWebhookStore();
        return store;
    }

    @Override
    protected WebhookStore sameStoreAgain() {
        return store;
    }
}
