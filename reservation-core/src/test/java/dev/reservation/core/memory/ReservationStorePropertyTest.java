package dev.reservation.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reservation.core.domain.Reservation;
import dev.reservation.core.domain.TimeSlot;
import dev.reservation.core.store.BookingOutcome;
import dev.reservation.core.store.ReservationQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random sequences of bookings and cancellations against the in-memory store, checked step by step
 * against a reference model that is obviously right (a list, compared pairwise): the store books
 * exactly when the model sees no overlap, names exactly the model's conflicts, and never holds two
 * overlapping confirmed reservations of a room.
 */
class ReservationStorePropertyTest {
    private static final Instant BASE = Instant.parse("2031-05-05T06:00:00Z");
    private static final String[] ROOMS = {"r0", "r1", "r2"};

    /** One step: book {@code room} at quarter-hour {@code start} for {@code quarters}, or cancel the n-th booking. */
    record Op(boolean cancel, int room, int start, int quarters, int pick) {
    }

    @Provide
    Arbitrary<List<Op>> operations() {
        Arbitrary<Op> book = Combinators.combine(Arbitraries.integers().between(0, ROOMS.length - 1),
                        Arbitraries.integers().between(0, 47), Arbitraries.integers().between(1, 12))
                .as((room, start, quarters) -> new Op(false, room, start, quarters, 0));
        Arbitrary<Op> cancel = Arbitraries.integers().between(0, 1000).map(pick -> new Op(true, 0, 0, 0, pick));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, book),
                net.jqwik.api.Tuple.of(1, cancel)).list().ofMinSize(1).ofMaxSize(120);
    }

    @Property(tries = 300)
    void storeAgreesWithTheReferenceModelAndNeverDoubleBooks(@ForAll("operations") List<Op> ops) {
        InMemoryReservationStore store = new InMemoryReservationStore();
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
                store.cancel(target.id(), current.version(), BASE, "u");
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
                assertThat(outcome).isEqualTo(new BookingOutcome.Booked(candidate));
                model.add(candidate);
                everBooked.add(candidate);
            } else {
                assertThat(outcome).isInstanceOf(BookingOutcome.Conflict.class);
                assertThat(((BookingOutcome.Conflict) outcome).conflicts()).extracting(Reservation::id)
                        .containsExactlyInAnyOrderElementsOf(expectedConflicts);
            }
        }
        for (String room : ROOMS) {
            List<Reservation> confirmed = store.find(ReservationQuery.all().room(room).confirmedOnly());
            assertThat(confirmed).extracting(Reservation::id).containsExactlyElementsOf(model.stream()
                    .filter(r -> r.roomId().equals(room))
                    .sorted(Comparator.comparing((Reservation r) -> r.slot().start()))
                    .map(Reservation::id).toList());
            for (int i = 1; i < confirmed.size(); i++) {
                assertThat(confirmed.get(i - 1).slot().end()).isBeforeOrEqualTo(confirmed.get(i).slot().start());
            }
        }
    }
}
