package dev.reservation.harness.checker;

import static dev.reservation.harness.history.HandWritten.history;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reservation.core.domain.TimeSlot;
import dev.reservation.harness.history.Op;
import dev.reservation.harness.history.Seen;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadCheckerTest {
    private static final String A = "2030-01-01T10:00:00Z", B = "2030-01-01T10:30:00Z", C = "2030-01-01T11:00:00Z",
            AB = "2030-01-01T10:15:00Z", FROM = "2030-01-01T08:00:00Z", TO = "2030-01-01T12:00:00Z";
    private final ReadChecker checker = new ReadChecker();

    private static Seen.Entry entry(String id, String key, String status, String start, String end) {
        return new Seen.Entry(id, key, status, new TimeSlot(Instant.parse(start), Instant.parse(end)));
    }

    @Test
    void passesReadsThatShowTheCallersOwnBookingsAndCancellations() {
        List<Op> ops = history()
                .reserve(0, "c0", "k-1", "r-spree", A, B, "s0").ok(10, "c0", "res-1")
                .read(11, "c0", "r-spree", FROM, TO).saw(12, "c0", List.of(entry("res-1", "k-1", "CONFIRMED", A, B)))
                .cancel(13, "c0", "res-1", "k-1", "r-spree", A, B).cancelled(14, "c0")
                .read(15, "c0", "r-spree", FROM, TO).saw(16, "c0", List.of(entry("res-1", "k-1", "CANCELLED", A, B)))
                .ops();

        CheckResult result = checker.check(ops);

        assertThat(result.valid()).as(result.violations().toString()).isTrue();
        assertThat(result.counts()).containsEntry("readsOk", 2L).containsEntry("ownBookingsChecked", 2L)
                .containsEntry("ownCancelsChecked", 1L);
    }

    @Test
    void catchesAReadThatShowsABookingWhoseCreationFailed() {
        List<Op> ops = history()
                .reserve(0, "c0", "k-1", "r-spree", A, B, "s0").unavailable(10, "c0")
                .read(11, "c1", "r-spree", FROM, TO).saw(12, "c1", List.of(entry("res-9", "k-1", "CONFIRMED", A, B)))
                .ops();

        assertThat(checker.check(ops).violations()).singleElement().asString()
                .contains("res-9").contains("whose booking completed fail (unavailable)");
    }

    @Test
    void catchesAReadThatMissesTheCallersOwnAcknowledgedBooking() {
        List<Op> ops = history()
                .reserve(0, "c0", "k-1", "r-spree", A, B, "s0").ok(10, "c0", "res-1")
                .read(11, "c0", "r-spree", FROM, TO).saw(12, "c0", List.of())
                .read(13, "c1", "r-spree", FROM, TO).saw(14, "c1", List.of())
                .ops();

        assertThat(checker.check(ops).violations()).as("only the caller's own read must show it")
                .singleElement().asString().startsWith("read-your-writes").contains("res-1").contains("by c0");
    }

    @Test
    void catchesAReadThatShowsTheCallersCancelledReservationStillConfirmed() {
        List<Op> ops = history()
                .reserve(0, "c0", "k-1", "r-spree", A, B, "s0").ok(10, "c0", "res-1")
                .cancel(13, "c0", "res-1", "k-1", "r-spree", A, B).cancelled(14, "c0")
                .read(15, "c0", "r-spree", FROM, TO).saw(16, "c0", List.of(entry("res-1", "k-1", "CONFIRMED", A, B)))
                .ops();

        assertThat(checker.check(ops).violations()).singleElement().asString()
                .contains("res-1 CONFIRMED after this client's cancellation");
    }

    @Test
    void catchesADoubleBookingVisibleInOneRead() {
        List<Op> ops = history()
                .read(1, "c1", "r-spree", FROM, TO).saw(2, "c1", List.of(entry("res-1", "k-1", "CONFIRMED", A, B),
                        entry("res-2", "k-2", "CONFIRMED", AB, C), entry("res-3", "k-3", "CANCELLED", A, C)))
                .ops();

        assertThat(checker.check(ops).violations()).singleElement().asString()
                .contains("double booking").contains("res-1").contains("res-2");
    }

    @Test
    void ignoresBookingsOutsideTheReadsRoomOrWindow() {
        List<Op> ops = history()
                .reserve(0, "c0", "k-1", "r-havel", A, B, "s0").ok(10, "c0", "res-1")
                .reserve(11, "c0", "k-2", "r-spree", "2030-01-02T10:00:00Z", "2030-01-02T10:30:00Z", "s0").ok(12, "c0", "res-2")
                .read(13, "c0", "r-spree", FROM, TO).saw(14, "c0", List.of())
                .ops();

        assertThat(checker.check(ops).valid()).isTrue();
    }

    @Test
    void roundTripsWhatAReadSaw() {
        List<Seen.Entry> seen = List.of(entry("res-1", "k-1", "CONFIRMED", A, B), entry("res-2", "", "CANCELLED", B, C));

        assertThat(Seen.decode(Seen.encode(seen))).isEqualTo(seen);
        assertThat(Seen.decode("")).isEmpty();
    }
}
