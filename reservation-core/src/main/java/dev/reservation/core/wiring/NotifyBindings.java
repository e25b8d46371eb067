package dev.reservation.core.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;
import dev.reservation.core.memory.InMemoryFeedTokenStore;
import dev.reservation.core.memory.InMemoryNotificationPrefsStore;
import dev.reservation.core.memory.InMemoryOutboxStore;
import dev.reservation.core.memory.ScanningReservationChanges;
import dev.reservation.core.notify.FeedTokenStore;
import dev.reservation.core.notify.FeedTokens;
import dev.reservation.core.notify.NotificationPreferences;
import dev.reservation.core.notify.NotificationPrefsStore;
import dev.reservation.core.notify.Notices;
import dev.reservation.core.notify.OutboxMonitor;
import dev.reservation.core.notify.OutboxStore;
import dev.reservation.core.notify.ReservationChangeListener;
import dev.reservation.core.notify.ReservationChanges;
import dev.reservation.core.store.ReservationStore;
import dev.reservation.core.store.RoomStore;
import dev.reservation.core.store.UserStore;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * The calendar and notification ports, with in-memory defaults a store module replaces through
 * {@link #outbox}, {@link #feedTokens}, {@link #prefs}, {@link #changes}, {@link #webhooks} (the Mongo module does),
 * and the listener the reservation service tells about changes: none by default; an application
 * that sends notifications sets an {@link dev.reservation.core.notify.OutboxRecorder} through
 * {@link #listener}. Installed by {@link CoreModule}.
 */
public final class NotifyBindings extends AbstractModule {

    public static OptionalBinder<OutboxStore> outbox(com.google.inject.Binder binder) {
        return OptionalBinder.newOptionalBinder(binder, OutboxStore.class);
    }

    public static OptionalBinder<FeedTokenStore> feedTokens(com.google.inject.Binder binder) {
        return OptionalBinder.newOptionalBinder(binder, FeedTokenStore.class);
    }

    public static OptionalBinder<NotificationPrefsStore> prefs(com.google.inject.Binder binder) {
        return OptionalBinder.newOptionalBinder(binder, NotificationPrefsStore.class);
    }

    public static OptionalBinder<ReservationChanges> changes(com.google.inject.Binder binder) {
        return OptionalBinder.newOptionalBinder(binder, ReservationChanges.class);
    }

    public static OptionalBinder<dev.reservation.core.hooks.WebhookStore> webhooks(com.google.inject.Binder binder) {
        return OptionalBinder.newOptionalBinder(binder, dev.reservation.core.hooks.WebhookStore.class);
    }

    /** Where webhooks may go: {@link dev.reservation.core.hooks.UrlPolicy#STRICT} unless an application sets its own. */
    public static OptionalBinder<dev.reservation.core.hooks.UrlPolicy> urlPolicy(com.google.inject.Binder binder) {
        return OptionalBinder.newOptionalBinder(binder, dev.reservation.core.hooks.UrlPolicy.class);
    }

    public static OptionalBinder<ReservationChangeListener> listener(com.google.inject.Binder binder) {
        return OptionalBinder.newOptionalBinder(binder, ReservationChangeListener.class);
    }

    @Override
    protected void configure() {
        outbox(binder()).setDefault().to(InMemoryOutboxStore.class).in(Singleton.class);
        feedTokens(binder()).setDefault().to(InMemoryFeedTokenStore.class).in(Singleton.class);
        prefs(binder()).setDefault().to(InMemoryNotificationPrefsStore.class).in(Singleton.class);
        changes(binder()).setDefault().to(ScanningReservationChanges.class).in(Singleton.class);
        listener(binder()).setDefault().toInstance(ReservationChangeListener.NONE);
        webhooks(binder()).setDefault().to(dev.reservation.core.memory.InMemoryWebhookStore.class).in(Singleton.class);
        urlPolicy(binder()).setDefault().toInstance(dev.reservation.core.hooks.UrlPolicy.STRICT);
    }

    @Provides
    @Singleton
    dev.reservation.core.hooks.Webhooks webhookService(dev.reservation.core.hooks.WebhookStore store,
                                                      OutboxStore outbox, UserStore users, RoomStore rooms,
                                                      dev.reservation.core.service.IdGenerator ids, Clock clock,
                                                      dev.reservation.core.hooks.UrlPolicy policy) {
        return new dev.reservation.core.hooks.Webhooks(store, outbox, users, rooms, ids, clock, new SecureRandom(),
                policy, dev.reservation.core.hooks.Webhooks.DEFAULT_CACHE);
    }

    @Provides
    @Singleton
    FeedTokens feedTokenService(FeedTokenStore store, UserStore users, RoomStore rooms, Clock clock) {
        return new FeedTokens(store, users, rooms, clock, new SecureRandom());
    }

    @Provides
    @Singleton
    OutboxMonitor outboxMonitor(OutboxStore outbox, Clock clock) {
        return new OutboxMonitor(outbox, clock);
    }

    @Provides
    @Singleton
    NotificationPreferences preferences(NotificationPrefsStore store) {
        return new NotificationPreferences(store);
    }

    @Provides
    @Singleton
    Notices notices(ReservationStore reservations, RoomStore rooms, UserStore users, NotificationPrefsStore prefs) {
        return new Notices(reservations, rooms, users, prefs);
    }

    // one instance per injector, whichever modules install it
    @Override
    public boolean equals(Object o) {
        return o instanceof NotifyBindings;
    }

    @Override
    public int hashCode() {
        return NotifyBindings.class.hashCode();
    }
}
