package dev.reservation.core.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.reservation.core.auth.CredentialStore;
import dev.reservation.core.auth.SessionStore;
import dev.reservation.core.auth.SignInAttemptStore;
import dev.reservation.core.memory.InMemorySessionStore;
import dev.reservation.core.memory.InMemorySignInAttemptStore;
import dev.reservation.core.cluster.ClusterInspector;
import dev.reservation.core.memory.InMemoryClusterInspector;
import dev.reservation.core.memory.InMemoryCredentialStore;
import dev.reservation.core.memory.InMemoryReservationStore;
import dev.reservation.core.memory.InMemoryLocationStore;
import dev.reservation.core.memory.InMemoryRoomStore;
import dev.reservation.core.memory.InMemoryUserStore;
import dev.reservation.core.store.LocationStore;
import dev.reservation.core.store.ReservationStore;
import dev.reservation.core.store.RoomStore;
import dev.reservation.core.store.UserStore;
import java.time.Clock;

/** Binds every port to the in-memory store: for tests, demos and embedding without a database. */
public final class InMemoryStoreModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(UserStore.class).to(InMemoryUserStore.class).in(Singleton.class);
        bind(RoomStore.class).to(InMemoryRoomStore.class).in(Singleton.class);
        bind(LocationStore.class).to(InMemoryLocationStore.class).in(Singleton.class);
        bind(ReservationStore.class).to(InMemoryReservationStore.class).in(Singleton.class);
        bind(dev.reservation.core.series.SeriesStore.class).to(dev.reservation.core.memory.InMemorySeriesStore.class)
                .in(Singleton.class);
        bind(CredentialStore.class).to(InMemoryCredentialStore.class).in(Singleton.class);
        bind(SessionStore.class).to(InMemorySessionStore.class).in(Singleton.class);
        bind(SignInAttemptStore.class).to(InMemorySignInAttemptStore.class).in(Singleton.class);
        bind(dev.reservation.core.ops.RoomOperationsStore.class)
                .to(dev.reservation.core.memory.InMemoryRoomOperationsStore.class).in(Singleton.class);
        bind(dev.reservation.core.ops.QuotaStore.class)
                .to(dev.reservation.core.memory.InMemoryQuotaStore.class).in(Singleton.class);
        bind(dev.reservation.core.ops.QuotaCounters.class)
                .to(dev.reservation.core.memory.InMemoryQuotaCounters.class).in(Singleton.class);
    }

    @Provides
    @Singleton
    ClusterInspector cluster(Clock clock) {
        return new InMemoryClusterInspector(clock);
    }
}
