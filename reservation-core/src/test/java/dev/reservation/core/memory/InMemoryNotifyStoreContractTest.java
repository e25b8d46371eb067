package dev.reservation.core.memory;

import dev.reservation.core.notify.FeedTokenStore;
import dev.reservation.core.notify.NotificationPrefsStore;
import dev.reservation.core.notify.OutboxStore;
import dev.reservation.core.notify.ReservationChanges;
import dev.reservation.core.store.NotifyStoreContractTest;
import dev.reservation.core.store.ReservationStore;

class InMemoryNotifyStoreContractTest extends NotifyStoreContractTest {
    private InMemoryOutboxStore outbox;
    private InMemoryFeedTokenStore tokens;
    private InMemoryNotificationPrefsStore prefs;
    private InMemoryReservationStore reservations;

    @Override
    protected void freshStore() {
        outbox = new InMemoryOutboxStore();
        tokens = new InMemoryFeedTokenStore();
        prefs = new InMemoryNotificationPrefsStore();
        reservations = new InMemoryReservationStore();
    }

    @Override
    protected OutboxStore outbox() {
        return outbox;
    }

    @Override
    protected OutboxStore sameOutboxAgain() {
        return outbox; // one process: the same map
    }

    @Override
    protected FeedTokenStore feedTokens() {
        return tokens;
    }

    @Override
    protected NotificationPrefsStore prefs() {
        return prefs;
    }

    @Override
    protected ReservationStore reservations() {
        return reservations;
    }

    @Override
    protected ReservationChanges changes() {
        return new ScanningReservationChanges(reservations);
    }
}
