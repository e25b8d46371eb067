package dev.reservation.cli;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.util.Modules;
import dev.reservation.cli.input.PasswordInput;
import dev.reservation.cli.input.TimeParser;
import dev.reservation.cli.output.Output;
import dev.reservation.cli.store.StoreConnection;
import dev.reservation.cli.store.StoreSelection;
import dev.reservation.core.domain.Actor;
import dev.reservation.core.domain.User;
import dev.reservation.core.service.AuthService;
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
 * {@code --help} never opens the store), who acts, and {@link Lookups}. Closing it closes the store.
 *
 * <p>Who acts is settled before the first service a command asks for with {@link #service}: the
 * {@code --as} user, signed in with the password from the environment or a prompt; else, on the
 * embedded default, the {@linkplain Actor#LOCAL_OPERATOR local operator}; with a MongoDB URI,
 * {@code --as} is required. Commands that act as nobody (cluster, bootstrap-admin) use
 * {@link #serviceActingAsNobody}. Used by one command thread; {@link #awaitClosed} may be called
 * from others.
 */
public final class CliContext implements AutoCloseable {
    private final CliRuntime runtime;
    private final GlobalOptions options;
    private final Lookups lookups = new Lookups(() -> service(RoomService.class), () -> service(UserService.class));
    private final CountDownLatch closed = new CountDownLatch(1);
    private StoreConnection connection;
    private Injector injector;
    private WhoActs whoActs;

    public CliContext(CliRuntime runtime, GlobalOptions options) {
        this.runtime = runtime;
        this.options = options;
    }

    public GlobalOptions options() {
        return options;
    }

    /** A service of the core, for a command that acts as someone: who acts is settled first. */
    public <T> T service(Class<T> type) {
        actor();
        return injector().getInstance(type);
    }

    /** A service for the commands that act as nobody (they need no {@code --as}, and sign in no one). */
    public <T> T serviceActingAsNobody(Class<T> type) {
        return injector().getInstance(type);
    }

    private synchronized Injector injector() {
        if (injector == null) {
            if (options.verbose()) {
                System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
            }
            StoreConnection opened = runtime.stores().open(selection());
            try {
                // the store module may override core bindings (tests bind a cheaper password hasher)
                injector = Guice.createInjector(Modules.override(new CoreModule(runtime.clock(), BookingPolicy.DEFAULT))
                        .with(opened.module()));
            } catch (RuntimeException e) {
                opened.close();
                throw e;
            }
            connection = opened;
        }
        return injector;
    }

    /** The store the options and the environment select (known once the command line is parsed). */
    private StoreSelection selection() {
        return new StoreSelection(options.mongoUri(), options.dataDir(), runtime.env());
    }

    /** Who acts in this run; see {@link WhoActs#actor}. */
    public Actor actor() {
        return whoActs().actor();
    }

    /** The signed-in {@code --as} user; empty for the local operator. */
    public Optional<User> actingUser() {
        return whoActs().user();
    }

    private synchronized WhoActs whoActs() {
        if (whoActs == null) {
            whoActs = new WhoActs(options.actingAs(), selection().usesUri(), passwords(),
                    () -> serviceActingAsNobody(AuthService.class), runtime.clientAddress());
        }
        return whoActs;
    }

    /** True for the embedded default store (no MongoDB URI given); known without opening the store. */
    public boolean embeddedStore() {
        return !selection().usesUri();
    }

    public PasswordInput passwords() {
        return new PasswordInput(runtime.env(), runtime.prompt());
    }

    /** A variable of the environment this run sees (tests pass their own). */
    public Optional<String> env(String name) {
        return Optional.ofNullable(runtime.env().get(name));
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
