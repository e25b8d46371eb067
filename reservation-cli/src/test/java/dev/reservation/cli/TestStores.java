package dev.reservation.cli;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.util.Modules;
import dev.reservation.core.auth.SessionStore;
import dev.reservation.core.auth.SignInAttemptStore;
import dev.reservation.core.memory.InMemorySessionStore;
import dev.reservation.core.memory.InMemorySignInAttemptStore;
import dev.reservation.cli.store.StoreConnection;
import dev.reservation.cli.store.StoreFactory;
import dev.reservation.cli.store.StoreSelection;
import dev.reservation.core.auth.CredentialStore;
import dev.reservation.core.auth.PasswordHasher;
import dev.reservation.core.cluster.ClusterInspector;
import dev.reservation.core.memory.InMemoryClusterInspector;
import dev.reservation.core.memory.InMemoryCredentialStore;
import dev.reservation.core.memory.InMemoryReservationStore;
import dev.reservation.core.memory.InMemoryQuotaCounters;
import dev.reservation.core.memory.InMemoryQuotaStore;
import dev.reservation.core.memory.InMemoryRoomOperationsStore;
import dev.reservation.core.memory.InMemoryLocationStore;
import dev.reservation.core.memory.InMemoryRoomStore;
import dev.reservation.core.ops.QuotaCounters;
import dev.reservation.core.ops.QuotaStore;
import dev.reservation.core.ops.RoomOperationsStore;
import dev.reservation.core.memory.InMemoryUserStore;
import dev.reservation.core.memory.InMemoryFeedTokenStore;
import dev.reservation.core.memory.InMemoryNotificationPrefsStore;
import dev.reservation.core.memory.InMemoryOutboxStore;
import dev.reservation.core.notify.FeedTokenStore;
import dev.reservation.core.notify.NotificationPrefsStore;
import dev.reservation.core.notify.OutboxStore;
import dev.reservation.core.store.ReservationStore;
import dev.reservation.core.store.LocationStore;
import dev.reservation.core.wiring.NotifyBindings;
import dev.reservation.core.store.RoomStore;
import dev.reservation.core.store.UserStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * In-memory stores that outlive single CLI runs (as a database would), so a test can seed in one
 * run and list in the next. Stores can be wrapped to inject failures. Records every selection.
 * Passwords are hashed with few PBKDF2 iterations ({@link #FAST_HASHES}) so that tests that seed
 * and sign in hundreds of times stay fast; the hash format and checks are the production ones.
 */
final class TestStores implements StoreFactory {
    /** Overrides the core's 600,000-iteration hasher; each hash records its own iteration count. */
    static final Module FAST_HASHES = binder -> binder.bind(PasswordHasher.class)
            .toInstance(new PasswordHasher(1_000, new SecureRandom()));

    final UserStore users = new InMemoryUserStore();
    final RoomStore rooms = new InMemoryRoomStore();
    final LocationStore locations = new InMemoryLocationStore();
    final ReservationStore reservations = new InMemoryReservationStore();
    final CredentialStore credentials = new InMemoryCredentialStore();
    final OutboxStore outbox = new InMemoryOutboxStore();
    final FeedTokenStore feedTokens = new InMemoryFeedTokenStore();
    final dev.reservation.core.auth.ApiTokenStore apiTokens = new dev.reservation.core.memory.InMemoryApiTokenStore();
    final NotificationPrefsStore prefs = new InMemoryNotificationPrefsStore();
    /** Bound explicitly: the core's default would be a new, empty store in every run. */
    final dev.reservation.core.hooks.WebhookStore webhooks = new dev.reservation.core.memory.InMemoryWebhookStore();
    final RoomOperationsStore roomOperations = new InMemoryRoomOperationsStore();
    final QuotaStore quotas = new InMemoryQuotaStore();
    final QuotaCounters quotaCounters = new InMemoryQuotaCounters();
    final List<StoreSelection> selections = new ArrayList<>();
    int opened;
    int closed;
    private ClusterInspector cluster = new InMemoryClusterInspector(Clock.fixed(CliHarness.NOW, ZoneOffset.UTC));
    private UnaryOperator<ReservationStore> reservationWrapper = UnaryOperator.identity();
    private UnaryOperator<UserStore> userWrapper = UnaryOperator.identity();

    /** {@code stores} with {@link #FAST_HASHES}: for tests through the launcher's own Mongo store factory. */
    static StoreFactory withFastHashes(StoreFactory stores) {
        return selection -> {
            StoreConnection connection = stores.open(selection);
            return StoreConnection.of(Modules.combine(connection.module(), FAST_HASHES), connection::close);
        };
    }

    TestStores cluster(ClusterInspector inspector) {
        this.cluster = inspector;
        return this;
    }

    /** Shared by every open, as the store's counters are shared by every CLI run. */
    private final InMemorySignInAttemptStore signInAttempts = new InMemorySignInAttemptStore();
    private final InMemorySessionStore sessions = new InMemorySessionStore();
    final dev.reservation.core.memory.InMemorySeriesStore series = new dev.reservation.core.memory.InMemorySeriesStore();

    TestStores wrapReservations(UnaryOperator<ReservationStore> wrapper) {
        this.reservationWrapper = wrapper;
        return this;
    }

    TestStores wrapUsers(UnaryOperator<UserStore> wrapper) {
        this.userWrapper = wrapper;
        return this;
    }

    @Override
    public StoreConnection open(StoreSelection selection) {
        selections.add(selection);
        opened++;
        UserStore u = userWrapper.apply(users);
        ReservationStore r = reservationWrapper.apply(reservations);
        ClusterInspector c = cluster;
        return StoreConnection.of(Modules.combine(new AbstractModule() {
            @Override
            protected void configure() {
                bind(UserStore.class).toInstance(u);
                bind(RoomStore.class).toInstance(rooms);
                bind(LocationStore.class).toInstance(locations);
                bind(ReservationStore.class).toInstance(r);
                bind(CredentialStore.class).toInstance(credentials);
                bind(ClusterInspector.class).toInstance(c);
                NotifyBindings.outbox(binder()).setBinding().toInstance(outbox);
                NotifyBindings.feedTokens(binder()).setBinding().toInstance(feedTokens);
                NotifyBindings.prefs(binder()).setBinding().toInstance(prefs);
                NotifyBindings.webhooks(binder()).setBinding().toInstance(webhooks);
                dev.reservation.core.wiring.CoreModule.apiTokens(binder()).setBinding().toInstance(apiTokens);
                bind(RoomOperationsStore.class).toInstance(roomOperations);
                bind(QuotaStore.class).toInstance(quotas);
                bind(QuotaCounters.class).toInstance(quotaCounters);
                bind(dev.reservation.core.series.SeriesStore.class).toInstance(series);
                bind(SignInAttemptStore.class).toInstance(signInAttempts);
                bind(SessionStore.class).toInstance(sessions);
            }
        }, FAST_HASHES), () -> closed++);
    }
}
