package dev.reservation.mongo.replication;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reservation.core.domain.Actor;
import dev.reservation.core.domain.Reservation;
import dev.reservation.core.domain.ReservationConflictException;
import dev.reservation.core.domain.ReservationException;
import dev.reservation.core.domain.Role;
import dev.reservation.core.domain.StoreUnavailableException;
import dev.reservation.core.domain.TimeSlot;
import dev.reservation.core.domain.User;
import dev.reservation.core.domain.WriteOutcomeUnknownException;
import dev.reservation.core.service.ReservationService;
import dev.reservation.core.service.ReserveRequest;
import dev.reservation.core.store.ContractData;
import dev.reservation.mongo.MongoStores;
import dev.reservation.mongo.testing.OnRig;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Concurrent bookings through two store instances (their own MongoClients, their clocks minutes
 * apart) while the replication rig (a SIMULATION of a PSA set) stalls its commit point and fails
 * over, rolling back what was not committed. Outcomes are judged against the committed state read
 * raw: nothing acknowledged is lost, nothing refused is present, no double booking, one winner per slot.
 */
class FailoverRaceTest {
    private final OnRig onRig = new OnRig();
    private final MongoStores east = onRig.open(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(7)));
    private final MongoStores west = onRig.open(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-5)));
    private final List<ReservationService> services = List.of(OnRig.service(east), OnRig.service(west));
    private final Actor admin = Actor.of(new User("u1", "User u1", "u1@example.com", Role.ADMIN));
    private final AtomicBoolean faulting = new AtomicBoolean(true);

    FailoverRaceTest() {
        OnRig.seed(east, 4);
    }

    @AfterEach
    void close() {
        onRig.close();
    }

    /** Stalls of one to five write timeouts, 50–200 ms apart ({@link OnRig#stallAndFailOver}). */
    private Thread nemesis(long seed) {
        return onRig.stallAndFailOver(faulting, seed, 50, 150, 4);
    }

    private enum Answer { OK, FAIL, UNKNOWN }

    private record Outcome(String key, Answer answer, String reservationId) {
    }

    private Outcome attempt(ReservationService service, String user, TimeSlot slot, String key) {
        try {
            Reservation r = service.reserve(admin, new ReserveRequest("r1", user, slot, "Planning", 2, Optional.of(key)));
            return new Outcome(key, Answer.OK, r.id());
        } catch (ReservationConflictException | StoreUnavailableException e) {
            return new Outcome(key, Answer.FAIL, null);
        } catch (WriteOutcomeUnknownException e) {
            return new Outcome(key, Answer.UNKNOWN, null);
        }
    }

    @Test
    void noAcknowledgedBookingIsLostAndNoRefusedOnePresentAcrossStallsAndRollbacks() throws Exception {
        Thread nemesis = nemesis(11);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<List<Outcome>>> clients = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            int client = c;
            clients.add(pool.submit(() -> {
                Random random = new Random(client);
                List<Outcome> outcomes = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    TimeSlot slot = ContractData.slot(random.nextInt(2), 8 + random.nextInt(3), 15 * random.nextInt(4),
                            30 * (1 + random.nextInt(2)));
                    outcomes.add(attempt(services.get(client % 2), "u" + (2 + client % 3), slot, "c" + client + "-" + i));
                }
                return outcomes;
            }));
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (Future<List<Outcome>> f : clients) {
            outcomes.addAll(f.get(3, TimeUnit.MINUTES));
        }
        pool.shutdown();
        faulting.set(false);
        nemesis.join();
        onRig.rig.resumeCommitPoint();
        assertThat(onRig.rig.awaitReplicated(Duration.ofSeconds(10))).isTrue();

        Map<String, Document> confirmedByKey = onRig.committedReservations().stream()
                .filter(d -> "CONFIRMED".equals(d.getString("status")))
                .collect(Collectors.toMap(d -> d.getString("idempotencyKey"), d -> d));
        for (Outcome o : outcomes) {
            if (o.answer() == Answer.OK) {
                assertThat(confirmedByKey.get(o.key())).as("acknowledged booking " + o.key() + " is stored").isNotNull();
                assertThat(confirmedByKey.get(o.key()).getString("_id")).isEqualTo(o.reservationId());
            } else if (o.answer() == Answer.FAIL) {
                assertThat(confirmedByKey).as("refused booking " + o.key() + " is absent").doesNotContainKey(o.key());
            }
        }
        assertThat(outcomes).filteredOn(o -> o.answer() == Answer.OK).isNotEmpty();
        assertThat(onRig.invariants().violations()).isEmpty();
        assertThat(onRig.rig.divergences()).isZero();
    }

    @Test
    void eachContestedSlotEndsWithExactlyOneWinnerThroughTwoSkewedInstances() throws Exception {
        List<TimeSlot> slots = List.of(ContractData.slot(0, 9, 0, 60), ContractData.slot(0, 9, 30, 60),
                ContractData.slot(0, 23, 0, 120), ContractData.slot(1, 14, 0, 30));
        Thread nemesis = nemesis(23);
        Thread stopFaults = new Thread(() -> {
            sleep(12_000); // then the contenders still waiting on "unknown" settle without faults
            faulting.set(false);
        });
        stopFaults.start();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        Map<Integer, Set<String>> winners = new ConcurrentHashMap<>();
        List<Future<?>> tasks = new ArrayList<>();
        for (int s = 0; s < slots.size(); s++) {
            for (int c = 0; c < 4; c++) {
                int slot = s;
                int client = c;
                tasks.add(pool.submit(() -> {
                    String key = "slot" + slot + "-client" + client;
                    for (int tries = 0; tries < 40; tries++) { // until an answer that is not "unknown"/"unavailable"
                        try {
                            Reservation r = services.get(client % 2).reserve(admin, new ReserveRequest("r1",
                                    "u" + (2 + client % 3), slots.get(slot), "Planning", 2, Optional.of(key)));
                            winners.computeIfAbsent(slot, k -> ConcurrentHashMap.newKeySet()).add(r.id());
                            return;
                        } catch (ReservationConflictException e) {
                            return;
                        } catch (ReservationException e) {
                            sleep(50);
                        }
                    }
                }));
            }
        }
        for (Future<?> f : tasks) {
            f.get(3, TimeUnit.MINUTES);
        }
        pool.shutdown();
        faulting.set(false);
        nemesis.join();
        onRig.rig.resumeCommitPoint();
        assertThat(onRig.rig.awaitReplicated(Duration.ofSeconds(10))).isTrue();

        assertThat(onRig.invariants().violations()).isEmpty();
        List<Document> confirmed = onRig.committedReservations().stream()
                .filter(d -> "CONFIRMED".equals(d.getString("status"))).toList();
        // slots 0 and 1 overlap: one winner between them; slots 2 and 3 stand alone
        assertThat(confirmed.stream().filter(d -> d.getDate("start").toInstant().equals(slots.get(2).start()))).hasSize(1);
        assertThat(confirmed.stream().filter(d -> d.getDate("start").toInstant().equals(slots.get(3).start()))).hasSize(1);
        assertThat(confirmed.stream().filter(d -> d.getDate("start").toInstant().isBefore(slots.get(2).start()))).hasSize(1);
        winners.values().forEach(ids -> assertThat(ids).as("distinct reservations acknowledged for one slot").hasSize(1));
        Set<String> stored = confirmed.stream().map(d -> d.getString("_id")).collect(Collectors.toSet());
        winners.values().forEach(ids -> assertThat(stored).containsAll(ids));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
