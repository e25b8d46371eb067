package dev.reservation.cli;

import dev.reservation.core.store.ForwardingUserStore;
import dev.reservation.core.store.ForwardingReservationStore;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reservation.cli.CliHarness.Result;
import dev.reservation.core.domain.AuthenticationFailedException;
import dev.reservation.core.domain.ConcurrentUpdateException;
import dev.reservation.core.domain.Reservation;
import dev.reservation.core.domain.StoreUnavailableException;
import dev.reservation.core.domain.TooManySignInAttemptsException;
import dev.reservation.core.domain.User;
import dev.reservation.core.domain.WriteOutcomeUnknownException;
import dev.reservation.core.store.ReservationQuery;
import dev.reservation.core.store.ReservationStore;
import dev.reservation.core.store.UserStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every documented exit code, including those only a failing store produces (1, 6, 7), with the
 * one line on stderr and no stack trace unless {@code --verbose}. A booking's unknown outcome:
 * {@link BookingOutcomeUnknownTest}.
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
        stores.wrapReservations(store -> new ForwardingReservationStore(store) {
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
                "usage error: missing command: choose one of approve, cancel, check-in, decline, list, pending, show (see 'reservation reservations --help')");
        assertThat(cli.run().errLine()).startsWith("usage error: missing command: choose one of users, rooms");
        Result badDuration = cli.run("rooms", "free", "--at", "now", "--duration", "an hour");
        assertThat(badDuration.exit()).isEqualTo(2);
        assertThat(badDuration.errLine()).contains("'an hour' is not a duration");
        Result required = cli.run("reserve", "--room", "Spree");
        assertThat(required.exit()).isEqualTo(2);
        assertThat(required.errLine()).startsWith("usage error: Missing required options: '--start=<time>', '--title=<title>'");
        Result uriWithoutAs = cli.run("--mongo-uri", "mongodb://db1:27017", "rooms", "list");
        assertThat(uriWithoutAs.exit()).isEqualTo(2);
        assertThat(uriWithoutAs.errLine()).startsWith("usage error: say who acts: with --mongo-uri");
        Result asWithoutPassword = cli.run("--as", "ada@example.com", "rooms", "list");
        assertThat(asWithoutPassword.exit()).isEqualTo(2);
        assertThat(asWithoutPassword.errLine()).startsWith("usage error: --as ada@example.com needs a password");
        assertThat(stores.opened).as("decided before the store is opened").isZero();
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
        stores.wrapReservations(store -> new ForwardingReservationStore(store) {
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
        Result denied = cli.as("linus@example.com").run("rooms", "add", "--name", "X", "--location", "Y",
                "--capacity", "1");
        assertThat(denied.exit()).isEqualTo(5);
        assertThat(denied.err()).isEqualTo("permission denied: a member may not manage rooms\n");
    }

    @Test
    void exitsWith8WhenSignInFailsWithTheSameLineForEveryCause() {
        cli.run("seed");
        Result wrong = cli.as("linus@example.com", "not-his-password").run("rooms", "list");
        assertThat(wrong.exit()).isEqualTo(8);
        assertThat(wrong.err()).isEqualTo("sign-in failed: " + AuthenticationFailedException.MESSAGE + "\n");
        assertThat(cli.as("no-such-user@example.com", "not-his-password").run("rooms", "list").err())
                .isEqualTo(wrong.err());
        assertThat(cli.as("not an email", "not-his-password").run("rooms", "list").err()).isEqualTo(wrong.err());
    }

    @Test
    void tooManySignInAttemptsIsExit8WithTheCoresMessage() {
        Failures.Failure failure = new Failures(id -> Optional.empty())
                .describe(new TooManySignInAttemptsException(Duration.ofMinutes(12)));
        assertThat(failure.exit()).isEqualTo(ExitCode.SIGN_IN_FAILED);
        assertThat(failure.exit().code()).isEqualTo(8);
        assertThat(failure.headline()).isEqualTo("sign-in failed: too many failed sign-ins; try again in 12 minute(s)");
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
    void exitsWith7WhenAnyOtherChangeMayHaveBeenApplied() {
        stores.wrapUsers(store -> new ForwardingUserStore(store) {
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
        // cluster commands act as nobody, so they open the store without --as also with a URI
        withEnv.run("--mongo-uri", "mongodb://flag:27017", "cluster", "status", "--data-dir", "/tmp/data");
        assertThat(stores.selections.get(0).mongoUri()).contains("mongodb://flag:27017");
        assertThat(stores.selections.get(0).dataDir()).contains(java.nio.file.Path.of("/tmp/data"));
        assertThat(stores.selections.get(0).env()).containsEntry("RESERVATION_MONGO_URI", "mongodb://env:27017");
        withEnv.run("cluster", "status");
        assertThat(stores.selections.get(1).mongoUri()).isEqualTo(Optional.empty());
        assertThat(stores.selections.get(1).usesUri()).isTrue();
    }
}
