package dev.reservation.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.reservation.core.domain.Reservation;
import dev.reservation.core.domain.TimeSlot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Random sequences of bookings and cancellations against a store, checked step by step against a
 * reference model that is obviously right (a list, compared pairwise): the store books exactly when
 * the model sees no overlap, names exactly the model's conflicts, and never holds two overlapping
 * confirmed reservations of a room. Slots start anywhere in a day that begins at 18:00 UTC and last
 * up to 12 hours, so many cross midnight UTC (two buckets for the Mongo store). QuickTheories
 * shrinks a failing sequence. Every store module runs it, as it runs the contract suite.
 */
public abstract class StorePropertyTest {
    private static final Instant BASE = Instant.parse("2031-05-05T18:00:00Z");
    private static final String[] ROOMS = {"r0", "r1", "r2"};

    /** A fresh, empty store for one example. */
    protected abstract ReservationStore newStore();

    /** How many random sequences to try, and how long each may be. */
    protected abstract int examples();

    protected abstract int maxOperations();

    /** One step: book {@code room} at quarter-hour {@code start} for {@code quarters}, or cancel the n-th booking. */
    record Op(boolean cancel, int room, int start, int quarters, int pick) {
    }

    private Gen<List<Op>> operations() {
        Gen<Integer> length = Generate.frequency(Pair.of(3, integers().between(1, 8)), Pair.of(1, integers().between(9, 48)));
        Gen<Op> book = integers().between(0, ROOMS.length - 1).zip(integers().between(0, 95), length,
                (room, start, quarters) -> new Op(false, room, start, quarters, 0));
        Gen<Op> cancel = integers().between(0, 1000).map(pick -> new Op(true, 0, 0, 0, pick));
        return lists().of(Generate.frequency(Pair.of(4, book), Pair.of(1, cancel))).ofSizeBetween(1, maxOperations());
    }

    @Test
    void storeAgreesWithTheReferenceModelAndNeverDoubleBooks() {
        qt().withExamples(examples()).withShrinkCycles(200).forAll(operations()).checkAssert(this::agreesWithModel);
    }

    private void agreesWithModel(List<Op> ops) {
        ReservationStore store = newStore();
        List<Reservation> model = new ArrayList<>();   // confirmed reservations, the obvious way
        List<Reservation> everBooked = new ArrayList<>();
        int n = 0;
        for (Op op : ops) {
            if (op.cancel()) {
                if (everBooked.isEmpty()) {
                    continue;
                }
                Reservation target = everBooked.get(op.pick() % everBooked.size());
                Reservation current = store.findById(target.id()).orElseThrow();
                if (current.isConfirmed()) {
                    store.cancel(target.id(), current.version(), BASE, "u");
                }
                model.removeIf(r -> r.id().equals(target.id()));
                continue;
            }
            String room = ROOMS[op.room()];
            TimeSlot slot = TimeSlot.of(BASE.plus(Duration.ofMinutes(15L * op.start())),
                    Duration.ofMinutes(15L * op.quarters()));
            Reservation candidate = Reservation.confirmed("id-" + n++, room, "u", slot, "t", 1, BASE, null);
            List<String> expectedConflicts = model.stream()
                    .filter(r -> r.roomId().equals(room) && r.slot().overlaps(slot))
                    .map(Reservation::id).sorted().toList();

            BookingOutcome outcome = store.book(candidate);

            if (expectedConflicts.isEmpty()) {
                assertThat(outcome).as("booking " + slot + " in " + room).isEqualTo(new BookingOutcome.Booked(candidate));
                model.add(candidate);
                everBooked.add(candidate);
            } else {
                assertThat(outcome).as("booking " + slot + " in " + room).isInstanceOf(BookingOutcome.Conflict.class);
                assertThat(((BookingOutcome.Conflict) outcome).conflicts()).extracting(Reservation::id)
                        .containsExactlyInAnyOrderElementsOf(expectedConflicts);
            }
        }
        for (String room : ROOMS) {
            List<Reservation> confirmed = store.find(ReservationQuery.all().room(room).confirmedOnly());
            assertThat(confirmed).extracting(Reservation::id).containsExactlyElementsOf(model.stream()
                    .filter(r -> r.roomId().equals(room))
                    .sorted(Comparator.comparing((Reservation r) -> r.slot().start()).thenComparing(Reservation::id))
                    .map(Reservation::id).toList());
            for (int i = 1; i < confirmed.size(); i++) {
                assertThat(confirmed.get(i - 1).slot().end()).isBeforeOrEqualTo(confirmed.get(i).slot().start());
            }
        }
    }
}
