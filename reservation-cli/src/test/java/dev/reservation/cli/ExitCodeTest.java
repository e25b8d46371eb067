package dev.reservation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reservation.cli.CliHarness.Result;
import dev.reservation.core.domain.ConcurrentUpdateException;
import dev.reservation.core.domain.Reservation;
import dev.reservation.core.domain.StoreUnavailableException;
import dev.reservation.core.domain.User;
import dev.reservation.core.domain.WriteOutcomeUnknownException;
import dev.reservation.core.store.BookingOutcome;
import dev.reservation.core.store.ReservationQuery;
import dev.reservation.core.store.ReservationStore;
import dev.reservation.core.store.UserStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every documented exit code, including those only a failing store produces (1, 6, 7), with the
 * one line on stderr and no stack trace unless {@code --verbose}.
 */
class ExitCodeTest {
    private final TestStores stores = new TestStores();
    private final CliHarness cli = new CliHarness(stores);

    /** --verbose turns library logging on for the process; a test JVM runs on after it. */
    @AfterEach
    void quietLibraryLogsAgain() {
        System.clearProperty("org.slf4j.simpleLogger.defaultLogLevel");
    }

    private static final String[] BOOK_SPREE = {"reserve", "--room", "Spree", "--user", "u-grace",
        "--start", "2030-01-07 10:00", "--end", "11:00", "--title", "Standup"};

    @Test
    void exitsWith0OnSuccess() {
        assertThat(cli.run("seed").exit()).isZero();
    }

    @Test
    void exitsWith1OnAnUnexpectedErrorAndShowsTheStackTraceOnlyWhenVerbose() {
        stores.wrapReservations(store -> new DelegatingReservationStore(store) {
            @Override
            public List<Reservation> find(ReservationQuery query) {
                throw new IllegalStateException("index corrupt");
            }
        });
        Result quiet = cli.run("reservations", "list");
        assertThat(quiet.exit()).isEqualTo(1);
        assertThat(quiet.err()).isEqualTo(
                "internal error: IllegalStateException: index corrupt (run with --verbose for the stack trace)\n");
        Result verbose = cli.run("reservations", "list", "--verbose");
        assertThat(verbose.exit()).isEqualTo(1);
        assertThat(verbose.err()).contains("java.lang.IllegalStateException: index corrupt", "\tat ");
    }

    @Test
    void exitsWith2OnUsageErrorsWithOneLineNamingTheHelpToRead() {
        Result unknownOption = cli.run("rooms", "list", "--colour");
        assertThat(unknownOption.exit()).isEqualTo(2);
        assertThat(unknownOption.err()).isEqualTo(
                "usage error: Unknown option: '--colour' (see 'reservation rooms list --help')\n");
        Result typo = cli.run("rooms", "lst");
        assertThat(typo.exit()).isEqualTo(2);
        assertThat(typo.errLine()).contains("'lst'", "did you mean list?");
        Result missing = cli.run("reservations");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.errLine()).isEqualTo(
                "usage error: missing command: choose one of cancel, list, show (see 'reservation reservations --help')");
        assertThat(cli.run().errLine()).startsWith("usage error: missing command: choose one of users, rooms");
        Result badDuration = cli.run("rooms", "free", "--at", "now", "--duration", "an hour");
        assertThat(badDuration.exit()).isEqualTo(2);
        assertThat(badDuration.errLine()).contains("'an hour' is not a duration");
        Result required = cli.run("reserve", "--room", "Spree");
        assertThat(required.exit()).isEqualTo(2);
        assertThat(required.errLine()).startsWith("usage error: Missing required options: '--start=<time>', '--title=<title>'");
        assertThat(stores.opened).isZero();
    }

    @Test
    void exitsWith3WhenSomethingNamedDoesNotExist() {
        assertThat(cli.run("reservations", "show", "r-404").exit()).isEqualTo(3);
    }

    @Test
    void exitsWith4OnAConflictAndOnAConcurrentUpdateThatKeepsLosing() {
        cli.run("seed");
        assertThat(cli.run(BOOK_SPREE).exit()).isZero();
        String[] clash = BOOK_SPREE.clone();
        clash[clash.length - 1] = "Clash";
        Result conflict = cli.run(clash);
        assertThat(conflict.exit()).isEqualTo(4);
        assertThat(conflict.err().lines().count()).isGreaterThan(2);

        String id = cli.json("reservations", "list").get("reservations").get(0).get("id").asText();
        stores.wrapReservations(store -> new DelegatingReservationStore(store) {
            @Override
            public Reservation cancel(String rid, long expectedVersion, Instant at, String by) {
                throw new ConcurrentUpdateException("reservation " + rid + " changed meanwhile");
            }
        });
        Result lost = cli.run("reservations", "cancel", id);
        assertThat(lost.exit()).isEqualTo(4);
        assertThat(lost.errLine()).isEqualTo("conflict: reservation " + id + " changed meanwhile");
    }

    @Test
    void exitsWith5WhenTheActingUserMayNotDoIt() {
        cli.run("seed");
        assertThat(cli.run("--as", "linus@example.com", "rooms", "add", "--name", "X", "--location", "Y",
                "--capacity", "1").exit()).isEqualTo(5);
    }

    @Test
    void exitsWith6WhenTheStoreIsUnavailableAndSaysNothingChanged() {
        CliHarness down = new CliHarness(selection -> {
            throw new StoreUnavailableException("cannot reach mongodb://db:27017 within 30 s", null);
        });
        Result result = down.run("rooms", "list");
        assertThat(result.exit()).isEqualTo(6);
        assertThat(result.err()).isEqualTo("store unavailable: cannot reach mongodb://db:27017 within 30 s"
                + " (nothing was changed; retrying is safe)\n");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void exitsWith7WhenABookingMayHaveBeenMadeAndTellsHowToResolveIt() {
        cli.run("seed");
        stores.wrapReservations(store -> new DelegatingReservationStore(store) {
            @Override
            public BookingOutcome book(Reservation candidate) {
                store.book(candidate);
                throw new WriteOutcomeUnknownException("timeout after sending the write", null);
            }
        });
        Result unknown = cli.run(BOOK_SPREE);
        assertThat(unknown.exit()).isEqualTo(7);
        assertThat(unknown.err().lines().count()).isEqualTo(1);
        assertThat(unknown.errLine()).startsWith("outcome unknown: the reservation MAY have been made: could not"
                + " confirm whether reservation ").contains("--idempotency-key cli-", "never books twice");
        assertThat(unknown.out()).isEmpty();

        String key = unknown.errLine().replaceAll(".*--idempotency-key (\\S+),.*", "$1");
        stores.wrapReservations(store -> store);
        String[] retry = new String[BOOK_SPREE.length + 2];
        System.arraycopy(BOOK_SPREE, 0, retry, 0, BOOK_SPREE.length);
        retry[BOOK_SPREE.length] = "--idempotency-key";
        retry[BOOK_SPREE.length + 1] = key;
        assertThat(cli.json(retry).get("replayed").asBoolean()).isTrue();
        assertThat(cli.json("reservations", "list").get("reservations")).hasSize(1);
    }

    @Test
    void exitsWith7WhenAnyOtherChangeMayHaveBeenApplied() {
        stores.wrapUsers(store -> new DelegatingUserStore(store) {
            @Override
            public User insert(User user) {
                throw new WriteOutcomeUnknownException("connection reset after sending insert", null);
            }
        });
        Result result = cli.run("users", "add", "--name", "Ann", "--email", "ann@example.com");
        assertThat(result.exit()).isEqualTo(7);
        assertThat(result.err()).isEqualTo("outcome unknown: the change MAY have been applied: connection reset"
                + " after sending insert; check before retrying\n");
    }

    @Test
    void opensTheStoreOnlyWhenACommandNeedsItAndAlwaysClosesIt() {
        cli.run("--help");
        cli.run("completion");
        cli.run("rooms", "free", "--help");
        assertThat(stores.opened).isZero();
        cli.run("rooms", "list");
        cli.run("users", "show", "missing@example.com");
        assertThat(stores.opened).isEqualTo(2);
        assertThat(stores.closed).isEqualTo(2);
    }

    @Test
    void passesTheStoreFlagsAndTheEnvironmentToTheStoreFactory() {
        CliHarness withEnv = new CliHarness(stores, java.time.Clock.systemUTC(),
                java.util.Map.of("RESERVATION_MONGO_URI", "mongodb://env:27017"));
        withEnv.run("--mongo-uri", "mongodb://flag:27017", "rooms", "list", "--data-dir", "/tmp/data");
        assertThat(stores.selections.get(0).mongoUri()).contains("mongodb://flag:27017");
        assertThat(stores.selections.get(0).dataDir()).contains(java.nio.file.Path.of("/tmp/data"));
        assertThat(stores.selections.get(0).env()).containsEntry("RESERVATION_MONGO_URI", "mongodb://env:27017");
        withEnv.run("rooms", "list");
        assertThat(stores.selections.get(1).mongoUri()).isEqualTo(Optional.empty());
    }
}
