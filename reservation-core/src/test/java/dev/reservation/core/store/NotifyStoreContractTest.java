package dev.reservation.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reservation.core.domain.Reservation;
import dev.reservation.core.domain.TimeSlot;
import dev.reservation.core.notify.ChangeKind;
import dev.reservation.core.notify.FeedToken;
import dev.reservation.core.notify.FeedTokenStore;
import dev.reservation.core.notify.NotificationPrefsStore;
import dev.reservation.core.notify.OutboxEntry;
import dev.reservation.core.notify.OutboxStats;
import dev.reservation.core.notify.OutboxStore;
import dev.reservation.core.notify.ReservationChanges;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every store's outbox, feed tokens, notification preferences and change cursor must do;
 * each store module extends it. {@link #sameOutboxAgain()} stands for a second app instance.
 */
public abstract class NotifyStoreContractTest {
    private static final Instant T0 = Instant.parse("2031-01-01T08:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(30);

    /** A fresh, empty store; the other methods then return parts of that same store. */
    protected abstract void freshStore();

    protected abstract OutboxStore outbox();

    /** The outbox of {@link #freshStore()} as another process would open it. */
    protected abstract OutboxStore sameOutboxAgain();

    protected abstract FeedTokenStore feedTokens();

    protected abstract NotificationPrefsStore prefs();

    protected abstract ReservationStore reservations();

    protected abstract ReservationChanges changes();

    private OutboxStore outbox;

    @BeforeEach
    void fresh() {
        freshStore();
        outbox = outbox();
    }

    private static OutboxEntry.New change(String rid, long version, ChangeKind kind, Instant at) {
        return new OutboxEntry.New(OutboxEntry.EMAIL, rid, version, kind, "u1", at);
    }

    @Test
    void enqueuesAChangeOnceWhateverTheRetries() {
        assertThat(outbox.enqueue(change("r1", 0, ChangeKind.BOOKED, T0))).isTrue();
        assertThat(outbox.enqueue(change("r1", 0, ChangeKind.BOOKED, T0.plusSeconds(5)))).isFalse();
        assertThat(sameOutboxAgain().enqueue(change("r1", 0, ChangeKind.BOOKED, T0.plusSeconds(9)))).isFalse();
        assertThat(outbox.enqueue(change("r1", 1, ChangeKind.CANCELLED, T0))).isTrue();
        OutboxEntry first = outbox.find(OutboxEntry.idOf(OutboxEntry.EMAIL, "r1", 0, ChangeKind.BOOKED)).orElseThrow();
        assertThat(first.createdAt()).isEqualTo(T0);
        assertThat(first.attempts()).isZero();
        assertThat(first.done()).isFalse();
        assertThat(first.userId()).isEqualTo("u1");
        assertThat(outbox.stats(OutboxEntry.EMAIL, T0).pending()).isEqualTo(2);
    }

    @Test
    void leasesOldestFirstAndNobodyElseGetsALeasedEntry() {
        outbox.enqueue(change("r2", 0, ChangeKind.BOOKED, T0.plusSeconds(2)));
        outbox.enqueue(change("r1", 0, ChangeKind.BOOKED, T0.plusSeconds(1)));
        outbox.enqueue(new OutboxEntry.New("webhook", "r1", 0, ChangeKind.BOOKED, "u1", T0));
        List<OutboxEntry> first = outbox.lease(OutboxEntry.EMAIL, T0.plusSeconds(10), LEASE, 1);
        assertThat(first).extracting(OutboxEntry::reservationId).containsExactly("r1");
        assertThat(first.get(0).leaseToken()).isNotBlank();
        assertThat(first.get(0).leaseUntil()).isEqualTo(T0.plusSeconds(40));
        List<OutboxEntry> rest = sameOutboxAgain().lease(OutboxEntry.EMAIL, T0.plusSeconds(11), LEASE, 10);
        assertThat(rest).extracting(OutboxEntry::reservationId).containsExactly("r2");
        assertThat(outbox.lease(OutboxEntry.EMAIL, T0.plusSeconds(12), LEASE, 10)).isEmpty();
        assertThat(outbox.stats(OutboxEntry.EMAIL, T0.plusSeconds(12)).leased()).isEqualTo(2);
    }

    private static OutboxEntry.New hook(String consumer, String rid, long version, ChangeKind kind, Instant at) {
        return new OutboxEntry.New(consumer, rid, version, kind, "u1", at);
    }

    @Test
    void theHeadIsLeasedAloneAndAFailedHeadHoldsBackTheRest() {
        String wh = "wh:0123456789abcdef01234567";
        outbox.enqueue(hook(wh, "r1", 1, ChangeKind.CHANGED, T0.plusSeconds(2)));
        outbox.enqueue(hook(wh, "r1", 0, ChangeKind.BOOKED, T0.plusSeconds(1)));
        outbox.enqueue(change("r9", 0, ChangeKind.BOOKED, T0)); // another consumer's: never this head
        OutboxEntry head = outbox.leaseHead(wh, T0.plusSeconds(10), LEASE).orElseThrow();
        assertThat(head.version()).isZero();
        assertThat(head.leaseToken()).isNotBlank();
        // while the head is leased nobody gets anything of this consumer, not even the next entry
        assertThat(sameOutboxAgain().leaseHead(wh, T0.plusSeconds(11), LEASE)).isEmpty();
        assertThat(outbox.markFailed(head.id(), head.leaseToken(), T0.plusSeconds(12), "HTTP 500",
                T0.plusSeconds(100))).isTrue();
        // the failed head is not due yet, and still first: the entry behind it waits
        assertThat(outbox.leaseHead(wh, T0.plusSeconds(50), LEASE)).isEmpty();
        OutboxEntry retried = sameOutboxAgain().leaseHead(wh, T0.plusSeconds(100), LEASE).orElseThrow();
        assertThat(retried.id()).isEqualTo(head.id());
        assertThat(retried.attempts()).isEqualTo(1);
        assertThat(outbox.markDone(retried.id(), retried.leaseToken(), T0.plusSeconds(101), "HTTP 204")).isTrue();
        OutboxEntry next = outbox.leaseHead(wh, T0.plusSeconds(102), LEASE).orElseThrow();
        assertThat(next.version()).isEqualTo(1);
        // a lapsed head lease is taken over, never skipped
        assertThat(sameOutboxAgain().leaseHead(wh, T0.plusSeconds(102).plus(LEASE).plusMillis(1), LEASE))
                .hasValueSatisfying(e -> assertThat(e.id()).isEqualTo(next.id()));
    }

    @Test
    void twoInstancesRacingForAHeadNeverBothHoldIt() throws Exception {
        String wh = "wh:race";
        for (int i = 0; i < 30; i++) {
            outbox.enqueue(hook(wh, "r" + i, 0, ChangeKind.BOOKED, T0.plusMillis(i)));
        }
        OutboxStore[] instances = {outbox, sameOutboxAgain()};
        List<List<String>> delivered = Concurrently.run(2, d -> {
            List<String> mine = new ArrayList<>();
            for (int round = 0; round < 400 && mine.size() < 30; round++) {
                var head = instances[d].leaseHead(wh, T0.plusSeconds(1), LEASE);
                if (head.isPresent()
                        && instances[d].markDone(head.get().id(), head.get().leaseToken(), T0.plusSeconds(2), "ok")) {
                    mine.add(head.get().reservationId());
                }
                if (instances[d].stats(wh, T0.plusSeconds(1)).pending() == 0) {
                    break;
                }
            }
            return mine;
        });
        List<String> all = new ArrayList<>(delivered.get(0));
        all.addAll(delivered.get(1));
        assertThat(all).hasSize(30).doesNotHaveDuplicates();
    }

    @Test
    void recentListsAConsumersEntriesNewestFirstAndPurgeRemovesOnlyThem() {
        String wh = "wh:log";
        for (int i = 0; i < 5; i++) {
            outbox.enqueue(hook(wh, "r" + i, 0, ChangeKind.BOOKED, T0.plusSeconds(i)));
        }
        outbox.enqueue(change("r1", 0, ChangeKind.BOOKED, T0.plusSeconds(9)));
        OutboxEntry head = outbox.leaseHead(wh, T0.plusSeconds(10), LEASE).orElseThrow();
        outbox.markDone(head.id(), head.leaseToken(), T0.plusSeconds(11), "HTTP 200");
        assertThat(sameOutboxAgain().recent(wh, 3)).extracting(OutboxEntry::reservationId)
                .containsExactly("r4", "r3", "r2");
        assertThat(outbox.recent(wh, 10)).hasSize(5).last()
                .satisfies(e -> assertThat(e.outcome()).isEqualTo("HTTP 200"));
        assertThat(outbox.purge(wh)).isEqualTo(5);
        assertThat(outbox.recent(wh, 10)).isEmpty();
        assertThat(outbox.leaseHead(wh, T0.plusSeconds(20), LEASE)).isEmpty();
        assertThat(outbox.stats(OutboxEntry.EMAIL, T0).pending()).isEqualTo(1);
    }

    @Test
    void aDoneEntryIsNeverLeasedAgain() {
        outbox.enqueue(change("r1", 0, ChangeKind.BOOKED, T0));
        OutboxEntry e = outbox.lease(OutboxEntry.EMAIL, T0, LEASE, 5).get(0);
        assertThat(outbox.markDone(e.id(), e.leaseToken(), T0.plusSeconds(1), "sent")).isTrue();
        assertThat(outbox.markDone(e.id(), e.leaseToken(), T0.plusSeconds(2), "sent")).isFalse();
        assertThat(outbox.lease(OutboxEntry.EMAIL, T0.plus(Duration.ofDays(1)), LEASE, 5)).isEmpty();
        OutboxEntry done = outbox.find(e.id()).orElseThrow();
        assertThat(done.doneAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(done.outcome()).isEqualTo("sent");
        assertThat(outbox.stats(OutboxEntry.EMAIL, T0).pending()).isZero();
        assertThat(outbox.enqueue(change("r1", 0, ChangeKind.BOOKED, T0))).isFalse();
    }

    @Test
    void aLapsedLeaseIsTakenOverAndTheFirstHolderCanNoLongerMarkIt() {
        outbox.enqueue(change("r1", 0, ChangeKind.BOOKED, T0));
        OutboxEntry crashed = outbox.lease(OutboxEntry.EMAIL, T0, LEASE, 5).get(0);
        OutboxStore other = sameOutboxAgain();
        assertThat(other.lease(OutboxEntry.EMAIL, T0.plus(LEASE).minusMillis(1), LEASE, 5)).isEmpty();
        OutboxEntry takenOver = other.lease(OutboxEntry.EMAIL, T0.plus(LEASE).plusMillis(1), LEASE, 5).get(0);
        assertThat(takenOver.id()).isEqualTo(crashed.id());
        assertThat(takenOver.leaseToken()).isNotEqualTo(crashed.leaseToken());
        assertThat(outbox.markDone(crashed.id(), crashed.leaseToken(), T0.plusSeconds(31), "sent")).isFalse();
        assertThat(outbox.markFailed(crashed.id(), crashed.leaseToken(), T0.plusSeconds(31), "x", T0)).isFalse();
        assertThat(other.markDone(takenOver.id(), takenOver.leaseToken(), T0.plusSeconds(32), "sent")).isTrue();
    }

    @Test
    void aHolderPastItsExpiryMayStillMarkWhileNobodyTookItOver() {
        outbox.enqueue(change("r1", 0, ChangeKind.BOOKED, T0));
        OutboxEntry slow = outbox.lease(OutboxEntry.EMAIL, T0, LEASE, 5).get(0);
        assertThat(outbox.markDone(slow.id(), slow.leaseToken(), T0.plus(LEASE).plusSeconds(5), "sent")).isTrue();
    }

    @Test
    void aFailedAttemptIsCountedAndRetriedWhenDue() {
        outbox.enqueue(change("r1", 0, ChangeKind.BOOKED, T0));
        OutboxEntry e = outbox.lease(OutboxEntry.EMAIL, T0, LEASE, 5).get(0);
        assertThat(outbox.markFailed(e.id(), e.leaseToken(), T0.plusSeconds(1), "connection refused",
                T0.plusSeconds(61))).isTrue();
        assertThat(outbox.lease(OutboxEntry.EMAIL, T0.plusSeconds(60), LEASE, 5)).isEmpty();
        OutboxStats stats = outbox.stats(OutboxEntry.EMAIL, T0.plusSeconds(60));
        assertThat(stats.pending()).isEqualTo(1);
        assertThat(stats.leased()).isZero();
        assertThat(stats.oldestPending()).contains(T0);
        assertThat(stats.lastError()).hasValueSatisfying(err -> {
            assertThat(err.message()).isEqualTo("connection refused");
            assertThat(err.attempts()).isEqualTo(1);
            assertThat(err.at()).isEqualTo(T0.plusSeconds(1));
        });
        OutboxEntry again = outbox.lease(OutboxEntry.EMAIL, T0.plusSeconds(61), LEASE, 5).get(0);
        assertThat(again.attempts()).isEqualTo(1);
        assertThat(again.lastError()).isEqualTo("connection refused");
    }

    @Test
    void aReleasedLeaseIsDueAtOnceWithoutCountingAnAttempt() {
        outbox.enqueue(change("r1", 0, ChangeKind.BOOKED, T0));
        OutboxEntry e = outbox.lease(OutboxEntry.EMAIL, T0, LEASE, 5).get(0);
        assertThat(outbox.release(e.id(), e.leaseToken())).isTrue();
        OutboxEntry again = outbox.lease(OutboxEntry.EMAIL, T0.plusSeconds(1), LEASE, 5).get(0);
        assertThat(again.attempts()).isZero();
        assertThat(outbox.release(e.id(), e.leaseToken())).isFalse();
    }

    @Test
    void tellsWhichEntriesExistInOneCall() {
        outbox.enqueue(change("r1", 0, ChangeKind.BOOKED, T0));
        outbox.enqueue(change("r2", 1, ChangeKind.CANCELLED, T0));
        String r1 = OutboxEntry.idOf(OutboxEntry.EMAIL, "r1", 0, ChangeKind.BOOKED);
        String r2 = OutboxEntry.idOf(OutboxEntry.EMAIL, "r2", 1, ChangeKind.CANCELLED);
        String missing = OutboxEntry.idOf(OutboxEntry.EMAIL, "r2", 0, ChangeKind.BOOKED);
        assertThat(outbox.existing(List.of(r1, r2, missing))).containsExactlyInAnyOrder(r1, r2);
        assertThat(outbox.existing(List.of())).isEmpty();
    }

    @Test
    void aCursorOnlyMovesForward() {
        assertThat(outbox.cursor("sweeper")).isEmpty();
        outbox.advanceCursor("sweeper", T0);
        sameOutboxAgain().advanceCursor("sweeper", T0.minusSeconds(5));
        assertThat(outbox.cursor("sweeper")).contains(T0);
        outbox.advanceCursor("sweeper", T0.plusSeconds(5));
        assertThat(sameOutboxAgain().cursor("sweeper")).contains(T0.plusSeconds(5));
    }

    @Test
    void twoDrainersRacingEachDeliverAnEntryOnlyWhileTheirLeaseHolds() throws Exception {
        int entries = 60;
        for (int i = 0; i < entries; i++) {
            outbox.enqueue(change("r" + i, 0, ChangeKind.BOOKED, T0.plusMillis(i)));
        }
        OutboxStore[] drainers = {outbox, sameOutboxAgain()};
        List<List<String>> delivered = Concurrently.run(2, d -> {
            List<String> mine = new ArrayList<>();
            for (int round = 0; round < 100; round++) {
                List<OutboxEntry> batch = drainers[d].lease(OutboxEntry.EMAIL, T0.plusSeconds(1), LEASE, 3);
                if (batch.isEmpty()) {
                    break;
                }
                for (OutboxEntry e : batch) {
                    if (drainers[d].markDone(e.id(), e.leaseToken(), T0.plusSeconds(2), "sent")) {
                        mine.add(e.id());
                    }
                }
            }
            return mine;
        });
        List<String> all = new ArrayList<>(delivered.get(0));
        all.addAll(delivered.get(1));
        assertThat(all).hasSize(entries).doesNotHaveDuplicates();
        assertThat(outbox.stats(OutboxEntry.EMAIL, T0.plusSeconds(3)).pending()).isZero();
    }

    @Test
    void twoDrainersRacingForLapsedLeasesStillShareNoEntry() throws Exception {
        for (int i = 0; i < 30; i++) {
            outbox.enqueue(change("r" + i, 0, ChangeKind.BOOKED, T0.plusMillis(i)));
        }
        List<OutboxEntry> abandoned = outbox.lease(OutboxEntry.EMAIL, T0.plusSeconds(1), LEASE, 30); // a crashed holder's
        assertThat(abandoned).hasSize(30);
        OutboxStore[] drainers = {outbox, sameOutboxAgain()};
        Instant later = T0.plus(LEASE).plusSeconds(2);
        List<Set<String>> leased = Concurrently.run(2, d -> {
            Set<String> mine = new HashSet<>();
            List<OutboxEntry> batch;
            while (!(batch = drainers[d].lease(OutboxEntry.EMAIL, later, LEASE, 4)).isEmpty()) {
                batch.forEach(e -> mine.add(e.id()));
            }
            return mine;
        });
        Set<String> both = new HashSet<>(leased.get(0));
        both.retainAll(leased.get(1));
        assertThat(both).isEmpty();
        assertThat(leased.get(0).size() + leased.get(1).size()).isEqualTo(30);
    }

    @Test
    void aRotatedFeedTokenOpensNothingAtOnce() {
        FeedTokenStore tokens = feedTokens();
        tokens.replace(new FeedToken("u1", FeedToken.USER_FEED, "a".repeat(64), T0));
        tokens.replace(new FeedToken("u1", FeedToken.roomFeed("room1"), "b".repeat(64), T0));
        tokens.replace(new FeedToken("u2", FeedToken.USER_FEED, "c".repeat(64), T0));
        assertThat(tokens.findByDigest("a".repeat(64))).hasValueSatisfying(t -> {
            assertThat(t.userId()).isEqualTo("u1");
            assertThat(t.feed()).isEqualTo("user");
            assertThat(t.createdAt()).isEqualTo(T0);
        });
        tokens.replace(new FeedToken("u1", FeedToken.USER_FEED, "d".repeat(64), T0.plusSeconds(1)));
        assertThat(tokens.findByDigest("a".repeat(64))).isEmpty();
        assertThat(tokens.findByDigest("d".repeat(64))).map(FeedToken::userId).contains("u1");
        assertThat(tokens.forUser("u1")).extracting(FeedToken::feed).containsExactly("room:room1", "user");
        assertThat(tokens.revoke("u1", "room:room1")).isTrue();
        assertThat(tokens.revoke("u1", "room:room1")).isFalse();
        assertThat(tokens.findByDigest("b".repeat(64))).isEmpty();
        assertThat(tokens.findByDigest("c".repeat(64))).isPresent();
    }

    @Test
    void emailIsOnUntilTheUserTurnsItOff() {
        NotificationPrefsStore prefs = prefs();
        assertThat(prefs.emailEnabled("u1")).isTrue();
        prefs.setEmailEnabled("u1", false);
        assertThat(prefs.emailEnabled("u1")).isFalse();
        assertThat(prefs.emailEnabled("u2")).isTrue();
        prefs.setEmailEnabled("u1", true);
        assertThat(prefs.emailEnabled("u1")).isTrue();
    }

    @Test
    void findsReservationsByWhenTheyWereBookedOrCancelled() {
        ReservationStore store = reservations();
        Map<String, Reservation> booked = new HashMap<>();
        for (int i = 0; i < 4; i++) {
            Instant created = T0.plus(Duration.ofMinutes(10L * i));
            TimeSlot slot = ContractData.slot(1, 8 + i, 0, 60);
            Reservation r = new Reservation(UUID.randomUUID().toString(), "room1", "u1", slot, "Planning", 2,
                    dev.reservation.core.domain.ReservationStatus.CONFIRMED, created, null, null, 0, null);
            assertThat(store.book(r)).isInstanceOf(BookingOutcome.Booked.class);
            booked.put("r" + i, r);
        }
        // r0 booked at T0 and cancelled at T0+35m
        store.cancel(booked.get("r0").id(), 0, T0.plus(Duration.ofMinutes(35)), "u1");
        ReservationChanges changes = changes();
        assertThat(changes.changedBetween(T0.plus(Duration.ofMinutes(5)), T0.plus(Duration.ofMinutes(21)), 100))
                .extracting(Reservation::id).containsExactlyInAnyOrder(booked.get("r1").id(), booked.get("r2").id());
        List<Reservation> lateWindow = changes.changedBetween(T0.plus(Duration.ofMinutes(30)),
                T0.plus(Duration.ofMinutes(40)), 100);
        assertThat(lateWindow).extracting(Reservation::id)
                .containsExactlyInAnyOrder(booked.get("r0").id(), booked.get("r3").id());
        assertThat(lateWindow).filteredOn(r -> r.id().equals(booked.get("r0").id()))
                .allSatisfy(r -> assertThat(r.version()).isEqualTo(1));
        assertThat(changes.changedBetween(T0, T0.plus(Duration.ofHours(1)), 2)).hasSize(2);
        assertThat(changes.changedBetween(T0.plus(Duration.ofHours(1)), T0.plus(Duration.ofHours(2)), 10)).isEmpty();
    }
}
