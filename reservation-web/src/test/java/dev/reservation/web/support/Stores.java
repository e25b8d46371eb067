package dev.reservation.web.support;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import dev.reservation.core.auth.CredentialStore;
import dev.reservation.core.auth.SessionStore;
import dev.reservation.core.auth.SignInAttemptStore;
import dev.reservation.core.memory.InMemorySessionStore;
import dev.reservation.core.memory.InMemorySignInAttemptStore;
import dev.reservation.core.cluster.ClusterInspector;
import dev.reservation.core.memory.InMemoryCredentialStore;
import dev.reservation.core.memory.InMemoryQuotaCounters;
import dev.reservation.core.memory.InMemoryQuotaStore;
import dev.reservation.core.memory.InMemoryRoomOperationsStore;
import dev.reservation.core.memory.InMemoryLocationStore;
import dev.reservation.core.memory.InMemoryRoomStore;
import dev.reservation.core.ops.QuotaCounters;
import dev.reservation.core.ops.QuotaStore;
import dev.reservation.core.ops.RoomOperationsStore;
import dev.reservation.core.memory.InMemoryUserStore;
import dev.reservation.core.store.ReservationStore;
import dev.reservation.core.store.LocationStore;
import dev.reservation.core.store.RoomStore;
import dev.reservation.core.store.UserStore;

/** One set of store instances; several apps built on the same {@code Stores} share one store. */
public record Stores(UserStore users, RoomStore rooms, FaultyReservationStore reservations,
                     CredentialStore credentials, FakeCluster cluster, SessionStore sessions,
                     SignInAttemptStore signInAttempts, LocationStore locations, RoomOperationsStore roomOperations,
                     QuotaStore quotas, QuotaCounters quotaCounters, dev.reservation.core.series.SeriesStore series,
                     dev.reservation.core.auth.ApiTokenStore apiTokens) {

    public static Stores inMemory(MutableClock clock) {
        return new Stores(new InMemoryUserStore(), new InMemoryRoomStore(), new FaultyReservationStore(),
                new InMemoryCredentialStore(), new FakeCluster(clock), new InMemorySessionStore(),
                new InMemorySignInAttemptStore(), new InMemoryLocationStore(), new InMemoryRoomOperationsStore(),
                new InMemoryQuotaStore(), new InMemoryQuotaCounters(), new dev.reservation.core.memory.InMemorySeriesStore(),
                new dev.reservation.core.memory.InMemoryApiTokenStore());
    }

    public Module module() {
        return new AbstractModule() {
            @Override
            protected void configure() {
                bind(UserStore.class).toInstance(users);
                bind(RoomStore.class).toInstance(rooms);
                bind(ReservationStore.class).toInstance(reservations);
                bind(CredentialStore.class).toInstance(credentials);
                bind(ClusterInspector.class).toInstance(cluster);
                bind(SessionStore.class).toInstance(sessions);
                bind(SignInAttemptStore.class).toInstance(signInAttempts);
                bind(RoomOperationsStore.class).toInstance(roomOperations);
                bind(QuotaStore.class).toInstance(quotas);
                bind(QuotaCounters.class).toInstance(quotaCounters);
                bind(dev.reservation.core.series.SeriesStore.class).toInstance(series);
                bind(LocationStore.class).toInstance(locations);
                dev.reservation.core.wiring.CoreModule.apiTokens(binder()).setBinding().toInstance(apiTokens);
            }
        };
    }
}
