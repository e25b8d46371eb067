package dev.reservation.core.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.reservation.core.auth.CredentialStore;
import dev.reservation.core.auth.PasswordHasher;
import dev.reservation.core.auth.SignInAttemptStore;
import dev.reservation.core.auth.SignInLimits;
import dev.reservation.core.auth.SignInThrottle;
import dev.reservation.core.notify.ReservationChangeListener;
import dev.reservation.core.service.AuthService;
import dev.reservation.core.service.BookingPolicy;
import dev.reservation.core.service.IdGenerator;
import dev.reservation.core.service.LocationService;
import dev.reservation.core.service.ReservationService;
import dev.reservation.core.service.RoomSearchService;
import dev.reservation.core.service.RoomService;
import dev.reservation.core.service.SeedService;
import dev.reservation.core.service.UserService;
import dev.reservation.core.store.LocationStore;
import dev.reservation.core.store.ReservationStore;
import dev.reservation.core.store.RoomStore;
import dev.reservation.core.store.UserStore;
import dev.reservation.core.ops.OperationsGate;
import dev.reservation.core.ops.OperationsJobs;
import dev.reservation.core.ops.OperationsService;
import dev.reservation.core.ops.QuotaCounters;
import dev.reservation.core.ops.QuotaLedger;
import dev.reservation.core.ops.QuotaStore;
import dev.reservation.core.ops.ReservationEvents;
import dev.reservation.core.ops.RoomOperationsAdmin;
import dev.reservation.core.ops.RoomOperationsStore;
import dev.reservation.core.ops.UsageReports;
import dev.reservation.core.service.BookingGate;
import java.time.Clock;
import java.time.Duration;

/**
 * The core's services for any frontend or embedding application. Needs a store module beside it
 * (e.g. {@link InMemoryStoreModule} or the Mongo adapter's). Clock and policy are constructor
 * arguments so tests and applications choose them, and so are the sign-in limits; the system UTC
 * clock, {@link BookingPolicy#DEFAULT} and {@link SignInLimits#DEFAULT} otherwise.
 */
public final class CoreModule extends AbstractModule {
    /** How old a quota hold must be before the quota job settles it (liveness only; see {@link QuotaLedger}). */
    static final Duration QUOTA_SETTLE_AFTER = Duration.ofMinutes(5);
    private final Clock clock;
    private final BookingPolicy policy;
    private final SignInLimits signInLimits;

    public CoreModule() {
        this(Clock.systemUTC(), BookingPolicy.DEFAULT);
    }

    public CoreModule(Clock clock, BookingPolicy policy) {
        this(clock, policy, SignInLimits.DEFAULT);
    }

    public CoreModule(Clock clock, BookingPolicy policy, SignInLimits signInLimits) {
        this.clock = clock;
        this.policy = policy;
        this.signInLimits = signInLimits;
    }

    @Override
    protected void configure() {
        bind(Clock.class).toInstance(clock);
        bind(BookingPolicy.class).toInstance(policy);
        bind(IdGenerator.class).toInstance(IdGenerator.timeOrdered(clock));
        install(new NotifyBindings());
        apiTokens(binder()).setDefault().to(dev.reservation.core.memory.InMemoryApiTokenStore.class)
                .in(com.google.inject.Singleton.class);
        // room operations publish status changes here; the notifications module may set its own binding
        com.google.inject.multibindings.OptionalBinder.newOptionalBinder(binder(), ReservationEvents.class)
                .setDefault().toInstance(ReservationEvents.NONE);
    }

    /** The API token port: in memory unless a store module sets its own binding (the Mongo one does). */
    public static com.google.inject.multibindings.OptionalBinder<dev.reservation.core.auth.ApiTokenStore> apiTokens(
            com.google.inject.Binder binder) {
        return com.google.inject.multibindings.OptionalBinder.newOptionalBinder(binder,
                dev.reservation.core.auth.ApiTokenStore.class);
    }

    @Provides
    @Singleton
    dev.reservation.core.service.ApiTokens apiTokenService(dev.reservation.core.auth.ApiTokenStore store,
                                                          UserStore users, IdGenerator ids, Clock clock) {
        return new dev.reservation.core.service.ApiTokens(store, users, ids, clock, new java.security.SecureRandom(),
                dev.reservation.core.service.ApiTokens.DEFAULT_CACHE);
    }

    @Provides
    @Singleton
    QuotaLedger quotaLedger(QuotaStore quotas, QuotaCounters counters, ReservationStore reservations) {
        return new QuotaLedger(quotas, counters, reservations, QUOTA_SETTLE_AFTER);
    }

    @Provides
    @Singleton
    BookingGate bookingGate(RoomOperationsStore settings, QuotaLedger quotas, RoomStore rooms, ReservationEvents events,
                            Clock clock) {
        return new OperationsGate(settings, quotas, rooms, events, clock);
    }

    @Provides
    @Singleton
    OperationsService operations(ReservationStore reservations, RoomStore rooms, RoomOperationsStore settings,
                                 BookingGate gate, ReservationEvents events, Clock clock, IdGenerator ids,
                                 dev.reservation.core.service.ApiTokens tokens) {
        return new OperationsService(reservations, rooms, settings, gate, events, clock, ids, tokens);
    }

    @Provides
    @Singleton
    RoomOperationsAdmin operationsAdmin(RoomOperationsStore settings, QuotaStore quotas, RoomStore rooms,
                                        UserStore users, dev.reservation.core.service.ApiTokens tokens) {
        return new RoomOperationsAdmin(settings, quotas, rooms, users, tokens);
    }

    /** Not started: the application starts it ({@link OperationsJobs#start}) and closes it on shutdown. */
    @Provides
    @Singleton
    OperationsJobs operationsJobs(OperationsService operations, QuotaLedger quotas, Clock clock) {
        return new OperationsJobs(operations, quotas, clock);
    }

    @Provides
    @Singleton
    UsageReports usageReports(ReservationStore reservations, RoomStore rooms) {
        return new UsageReports(reservations, rooms, UsageReports.OpeningHours.WORKDAYS);
    }

    @Provides
    @Singleton
    RoomSearchService roomSearch(RoomStore rooms, LocationStore locations, ReservationStore reservations,
                                 BookingPolicy policy, Clock clock) {
        return new RoomSearchService(rooms, locations, reservations, policy, clock);
    }

    @Provides
    @Singleton
    ReservationService reservations(UserStore users, RoomStore rooms, ReservationStore reservations,
                                    RoomSearchService search, BookingPolicy policy, Clock clock, IdGenerator ids,
                                    ReservationChangeListener changes, BookingGate gate) {
        return new ReservationService(users, rooms, reservations, search, policy, clock, ids, changes, gate);
    }

    @Provides
    @Singleton
    dev.reservation.core.series.SeriesService series(ReservationService bookings, ReservationStore reservations,
                                                     dev.reservation.core.series.SeriesStore series, RoomStore rooms,
                                                     UserStore users, Clock clock, IdGenerator ids) {
        return new dev.reservation.core.series.SeriesService(bookings, reservations, series, rooms, users, clock, ids);
    }

    /** Not started: the application starts it and closes it on shutdown. */
    @Provides
    @Singleton
    dev.reservation.core.series.SeriesJobs seriesJobs(dev.reservation.core.series.SeriesService series) {
        return new dev.reservation.core.series.SeriesJobs(series);
    }

    @Provides
    @Singleton
    PasswordHasher passwordHasher() {
        return new PasswordHasher();
    }

    @Provides
    @Singleton
    SignInThrottle signInThrottle(SignInAttemptStore attempts, Clock clock) {
        return new SignInThrottle(attempts, clock, signInLimits.allowedFailures(), signInLimits.window());
    }

    @Provides
    @Singleton
    AuthService auth(UserStore users, CredentialStore credentials, PasswordHasher hasher, SignInThrottle throttle,
                     IdGenerator ids) {
        return new AuthService(users, credentials, hasher, throttle, ids);
    }

    @Provides
    @Singleton
    UserService users(UserStore users, CredentialStore credentials, PasswordHasher hasher, IdGenerator ids) {
        return new UserService(users, credentials, hasher, ids);
    }

    @Provides
    @Singleton
    RoomService rooms(RoomStore rooms, LocationStore locations, IdGenerator ids) {
        return new RoomService(rooms, locations, ids);
    }

    @Provides
    @Singleton
    LocationService locations(LocationStore locations, RoomStore rooms, IdGenerator ids) {
        return new LocationService(locations, rooms, ids);
    }

    @Provides
    @Singleton
    SeedService seed(UserStore users, RoomStore rooms, LocationStore locations) {
        return new SeedService(users, rooms, locations);
    }
}
