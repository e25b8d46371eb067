package dev.reservation.cli;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.reservation.cli.input.TimeParser;
import dev.reservation.cli.output.Output;
import dev.reservation.cli.store.StoreConnection;
import dev.reservation.cli.store.StoreSelection;
import dev.reservation.core.domain.Actor;
import dev.reservation.core.domain.PermissionDeniedException;
import dev.reservation.core.domain.Role;
import dev.reservation.core.domain.User;
import dev.reservation.core.service.BookingPolicy;
import dev.reservation.core.service.RoomService;
import dev.reservation.core.service.UserService;
import dev.reservation.core.wiring.CoreModule;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One CLI run: the global options, the services (from a Guice injector built on first use, so
 * {@code --help} never opens the store), the acting user (resolved as soon as the store is open, so
 * an unknown {@code --as} fails every command), and {@link Lookups}. Closing it closes the store.
 * Used by one command thread; {@link #awaitClosed} may be called from others.
 */
public final class CliContext implements AutoCloseable {
    /** The user id recorded for changes made without {@code --as}. */
    public static final String LOCAL_OPERATOR = "local-operator";

    private final CliRuntime runtime;
    private final GlobalOptions options;
    private final Lookups lookups = new Lookups(() -> service(RoomService.class), () -> service(UserService.class));
    private final CountDownLatch closed = new CountDownLatch(1);
    private StoreConnection connection;
    private Injector injector;
    private Optional<User> actingUser = Optional.empty();

    public CliContext(CliRuntime runtime, GlobalOptions options) {
        this.runtime = runtime;
        this.options = options;
    }

    public GlobalOptions options() {
        return options;
    }

    public <T> T service(Class<T> type) {
        return injector().getInstance(type);
    }

    private synchronized Injector injector() {
        if (injector == null) {
            if (options.verbose()) {
                System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
            }
            StoreConnection opened = runtime.stores().open(
                    new StoreSelection(options.mongoUri(), options.dataDir(), runtime.env()));
            try {
                injector = Guice.createInjector(new CoreModule(runtime.clock(), BookingPolicy.DEFAULT), opened.module());
            } catch (RuntimeException e) {
                opened.close();
                throw e;
            }
            connection = opened;
            actingUser = options.actingAs().map(key -> injector.getInstance(UserService.class).resolve(key));
        }
        return injector;
    }

    public Output output() {
        return new Output(runtime.out(), options.json());
    }

    public PrintWriter out() {
        return runtime.out();
    }

    public PrintWriter err() {
        return runtime.err();
    }

    public Clock clock() {
        return runtime.clock();
    }

    /** The zone local times are read in when no room gives one (the machine's zone by default). */
    public ZoneId localZone() {
        return runtime.localZone();
    }

    public TimeParser times() {
        return new TimeParser(runtime.clock());
    }

    /** The {@code --as} user, if one was given. */
    public Optional<User> actingUser() {
        injector();
        return actingUser;
    }

    /** The {@code --as} user, or the local operator with ADMIN rights. */
    public Actor actor() {
        return actingUser().map(Actor::of).orElseGet(() -> new Actor(LOCAL_OPERATOR, Role.ADMIN));
    }

    /** @throws PermissionDeniedException unless the actor is an admin */
    public void requireAdmin(String action) {
        actingUser().filter(user -> !user.isAdmin()).ifPresent(user -> {
            throw new PermissionDeniedException(action + " needs an admin; " + user.email() + " is a " + user.role());
        });
    }

    /** Rooms and users by key, with the rooms this run has seen. */
    public Lookups lookups() {
        return lookups;
    }

    @Override
    public synchronized void close() {
        try {
            if (connection != null) {
                connection.close();
                connection = null;
            }
            runtime.out().flush();
            runtime.err().flush();
        } finally {
            closed.countDown();
        }
    }

    /** Waits until {@link #close} has run (a Ctrl-C hook lets the store shut down cleanly first). */
    public void awaitClosed(Duration atMost) throws InterruptedException {
        closed.await(atMost.toMillis(), TimeUnit.MILLISECONDS);
    }
}
