package dev.reservation.mongo;

import com.google.inject.AbstractModule;
import dev.reservation.core.auth.CredentialStore;
import dev.reservation.core.auth.SessionStore;
import dev.reservation.core.auth.SignInAttemptStore;
import dev.reservation.core.cluster.ClusterInspector;
import dev.reservation.core.store.ReservationStore;
import dev.reservation.core.store.LocationStore;
import dev.reservation.core.store.RoomStore;
import dev.reservation.core.store.UserStore;
import dev.reservation.core.wiring.NotifyBindings;
import java.time.Clock;

/**
 * Binds the core's ports to a Mongo store, and {@link MongoStores} itself so the application can
 * close it on shutdown. Constructed with options it opens the store at once (in the constructor,
 * so a failure surfaces as the store's own exception, not wrapped by Guice). Use beside
 * {@code CoreModule}: {@code Guice.createInjector(new CoreModule(), new MongoStoreModule(options))}.
 */
public final class MongoStoreModule extends AbstractModule {
    private final MongoStores stores;

    /** Opens the store described by {@code options} with the system UTC clock. */
    public MongoStoreModule(StoreOptions options) {
        this(MongoStores.open(options, Clock.systemUTC()));
    }

    /** Binds an already open store; the caller (or whoever gets {@link MongoStores} injected) closes it. */
    public MongoStoreModule(MongoStores stores) {
        this.stores = stores;
    }

    @Override
    protected void configure() {
        bind(MongoStores.class).toInstance(stores);
        bind(UserStore.class).toInstance(stores.users());
        bind(CredentialStore.class).toInstance(stores.credentials());
        bind(SessionStore.class).toInstance(stores.sessions());
        bind(SignInAttemptStore.class).toInstance(stores.signInAttempts());
        bind(RoomStore.class).toInstance(stores.rooms());
        bind(LocationStore.class).toInstance(stores.locations());
        bind(ReservationStore.class).toInstance(stores.reservations());
        bind(ClusterInspector.class).toInstance(stores.cluster());
        NotifyBindings.outbox(binder()).setBinding().toInstance(stores.outbox());
        NotifyBindings.webhooks(binder()).setBinding().toInstance(stores.webhooks());
        NotifyBindings.feedTokens(binder()).setBinding().toInstance(stores.feedTokens());
        dev.reservation.core.wiring.CoreModule.apiTokens(binder()).setBinding().toInstance(stores.apiTokens());
        NotifyBindings.prefs(binder()).setBinding().toInstance(stores.notificationPrefs());
        NotifyBindings.changes(binder()).setBinding().toInstance(stores.reservationChanges());
        bind(dev.reservation.core.ops.RoomOperationsStore.class).toInstance(stores.roomOperations());
        bind(dev.reservation.core.ops.QuotaStore.class).toInstance(stores.quotas());
        bind(dev.reservation.core.ops.QuotaCounters.class).toInstance(stores.quotaCounters());
        bind(dev.reservation.core.series.SeriesStore.class).toInstance(stores.series());
    }
}
