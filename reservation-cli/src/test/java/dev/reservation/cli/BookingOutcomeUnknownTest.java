package dev.reservation.cli;

import dev.reservation.core.store.ForwardingReservationStore;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reservation.cli.CliHarness.Result;
import dev.reservation.core.domain.Reservation;
import dev.reservation.core.domain.StoreUnavailableException;
import dev.reservation.core.domain.WriteOutcomeUnknownException;
import dev.reservation.core.store.BookingOutcome;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code reserve} when the store cannot confirm a booking: the CLI looks it up by its idempotency
 * key; found, it is booked (exit 0); still unclear, exit 7 names the reservation and the key, and
 * repeating the command with that key books at most once.
 */
class BookingOutcomeUnknownTest {
    private static final String[] BOOK_SPREE = {"reserve", "--room", "Spree", "--user", "u-grace",
        "--start", "2030-01-07 10:00", "--end", "11:00", "--title", "Standup"};
    private final TestStores stores = new TestStores();
    private final CliHarness cli = new CliHarness(stores);

    @Test
    void exitsWith7WhenABookingMayHaveBeenMadeAndTellsHowToResolveIt() {
        cli.run("seed");
        stores.wrapReservations(store -> new ForwardingReservationStore(store) {
            @Override
            public BookingOutcome book(Reservation candidate) {
                throw new WriteOutcomeUnknownException("timeout after sending the write", null);
            }
        });
        Result unknown = cli.run(BOOK_SPREE);
        assertThat(unknown.exit()).isEqualTo(7);
        assertThat(unknown.err().lines().count()).isEqualTo(1);
        String id = unknown.errLine().replaceAll("^outcome unknown: reservation (\\S+) .*", "$1");
        assertThat(unknown.errLine()).isEqualTo("outcome unknown: reservation " + id + " MAY have been made (the store"
                + " could not confirm it); look it up with 'reservation reservations show " + id + "', or repeat this"
                + " command with --idempotency-key " + keyIn(unknown) + ", which never books twice");
        assertThat(unknown.out()).isEmpty();

        stores.wrapReservations(store -> store);
        assertThat(cli.json(withKey(BOOK_SPREE, keyIn(unknown))).get("replayed").asBoolean()).isFalse();
        assertThat(cli.json("reservations", "list").get("reservations")).hasSize(1);
    }

    @Test
    void exitsWith7WhenTheLookupAfterAnUnconfirmedBookingFailsTooAndTheRetryWithTheKeyBooksOnce() {
        cli.run("seed");
        stores.wrapReservations(store -> new ForwardingReservationStore(store) {
            private boolean sent;

            @Override
            public BookingOutcome book(Reservation candidate) {
                sent = true;
                store.book(candidate);
                throw new WriteOutcomeUnknownException("timeout after sending the write", null);
            }

            @Override
            public Optional<Reservation> findByIdempotencyKey(String actorId, String key) {
                if (sent) {
                    throw new StoreUnavailableException("no primary", null);
                }
                return store.findByIdempotencyKey(actorId, key);
            }
        });
        Result unknown = cli.run(BOOK_SPREE);
        assertThat(unknown.exit()).as("still unknown, not 'unavailable': the booking may have landed").isEqualTo(7);
        assertThat(unknown.errLine()).startsWith("outcome unknown: reservation ");

        stores.wrapReservations(store -> store);
        assertThat(cli.json(withKey(BOOK_SPREE, keyIn(unknown))).get("replayed").asBoolean()).isTrue();
        assertThat(cli.json("reservations", "list").get("reservations")).hasSize(1);
    }

    @Test
    void anUnconfirmedBookingFoundByItsIdempotencyKeyIsReportedAsBooked() {
        cli.run("seed");
        stores.wrapReservations(store -> new ForwardingReservationStore(store) {
            @Override
            public BookingOutcome book(Reservation candidate) {
                store.book(candidate);
                throw new WriteOutcomeUnknownException("timeout after sending the write", null);
            }
        });
        Result booked = cli.run(BOOK_SPREE);
        assertThat(booked.exit()).isZero();
        assertThat(booked.out()).startsWith("Booked: ");
        stores.wrapReservations(store -> store);
        assertThat(cli.json("reservations", "list").get("reservations")).hasSize(1);
    }

    private static String keyIn(Result unknown) {
        return unknown.errLine().replaceAll(".*--idempotency-key (\\S+),.*", "$1");
    }

    private static String[] withKey(String[] args, String key) {
        String[] withKey = Arrays.copyOf(args, args.length + 2);
        withKey[args.length] = "--idempotency-key";
        withKey[args.length + 1] = key;
        return withKey;
    }
}
