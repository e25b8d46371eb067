package dev.reservation.mongo.replication;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reservation.core.domain.Actor;
import dev.reservation.core.notify.ReservationChangeListener;
import dev.reservation.core.domain.Reservation;
import dev.reservation.core.domain.ReservationException;
import dev.reservation.core.domain.Role;
import dev.reservation.core.domain.TimeSlot;
import dev.reservation.core.ops.OperationsGate;
import dev.reservation.core.ops.OperationsService;
import dev.reservation.core.ops.QuotaLedger;
import dev.reservation.core.ops.QuotaRule;
import dev.reservation.core.ops.ReservationEvents;
import dev.reservation.core.ops.RoomOperations;
import dev.reservation.core.service.BookingPolicy;
import dev.reservation.core.service.IdGenerator;
import dev.reservation.core.service.ReservationService;
import dev.reservation.core.service.ReserveRequest;
import dev.reservation.core.service.RoomSearchService;
import dev.reservation.core.store.ContractData;
import dev.reservation.mongo.MongoStores;
import dev.reservation.mongo.internal.OpsSchema;
import dev.reservation.mongo.testing.OnRig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
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
 * Room operations racing bookings through two store instances (own clients, clocks minutes apart)
 * while the replication rig (a SIMULATION of a PSA set) stalls its commit point and fails over,
 * rolling back what was not committed: members request a room that needs approval (PENDING), an
 * admin books it directly (CONFIRMED), two approvers approve and decline from the queue, two job
 * instances expire, auto-release and settle quota holds, a clerk checks in; every user is under an
 * "open at once" quota. Judged on the committed state read raw: the protocol's invariants (PENDING
 * holding claims like CONFIRMED), every acknowledged decision stored, the quota never exceeded, and
 * once faults stop and holds are settled, no capacity leaked.
 */
class OperationsFailoverRaceTest {
    private static final int OPEN_AT_ONCE = 3;
    /** The sweeps' "now": day 0, 10:20 UTC. Reservations from 08:00 to 11:00 of day 0 meet every sweep. */
    private static final Instant OPS_NOW = ContractData.slot(0, 10, 20, 1).start();

    private final OnRig onRig = new OnRig();
    private final MongoStores east = onRig.open(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(7)));
    private final MongoStores west = onRig.open(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-5)));
    private final Actor admin = new Actor("u1", Role.ADMIN);
    private final AtomicBoolean faulting = new AtomicBoolean(true);
    private final AtomicBoolean working = new AtomicBoolean(true);

    /** One app instance's services: booking at {@link OnRig#NOW}, operations at {@link #OPS_NOW}. */
    private record App(ReservationService booking, OperationsService ops, QuotaLedger quotas) {
    }

    private final List<App> apps = new ArrayList<>();

    OperationsFailoverRaceTest() {
        OnRig.seed(east, 4);
        east.roomOperations().put(new RoomOperations("r1", true, Set.of("u4"), null, null, true, null));
        east.quotas().put(new QuotaRule(QuotaRule.GLOBAL, Optional.empty(), Optional.of(OPEN_AT_ONCE)));
        for (MongoStores s : List.of(east, west)) {
            Clock bookingClock = Clock.fixed(OnRig.NOW, ZoneOffset.UTC);
            Clock opsClock = Clock.fixed(OPS_NOW, ZoneOffset.UTC);
            // holds are stamped at OnRig.NOW; settled after 2 s of the ledger's clock (the ops clock is
            // 57 days later): every hold of a booking still in flight may be fenced — safety must not care
            QuotaLedger ledger = new QuotaLedger(s.quotas(), s.quotaCounters(), s.reservations(), Duration.ofSeconds(2));
            OperationsGate gate = new OperationsGate(s.roomOperations(), ledger, s.rooms(), ReservationEvents.NONE,
                    bookingClock);
            ReservationService booking = new ReservationService(s.users(), s.rooms(), s.reservations(),
                    new RoomSearchService(s.rooms(), s.reservations(), BookingPolicy.DEFAULT, bookingClock),
                    BookingPolicy.DEFAULT, bookingClock, IdGenerator.uuids(), ReservationChangeListener.NONE, gate);
            OperationsGate opsGate = new OperationsGate(s.roomOperations(), ledger, s.rooms(), ReservationEvents.NONE,
                    opsClock);
            apps.add(new App(booking, new OperationsService(s.reservations(), s.rooms(), s.roomOperations(), opsGate,
                    ReservationEvents.NONE, opsClock, IdGenerator.uuids(), new dev.reservation.core.service.ApiTokens(
                    s.apiTokens(), s.users(), IdGenerator.uuids(), opsClock, new java.security.SecureRandom(),
                    dev.reservation.core.service.ApiTokens.DEFAULT_CACHE)), ledger));
        }
    }

    @AfterEach
    void close() {
        onRig.close();
    }

    /**
     * Stalls of one to three write timeouts with 250–850 ms gaps between them: a booking here is two
     * to four majority writes (quota holds, then the booking's own), so with back-to-back stalls
     * hardly any request would get through.
     */
    private Thread nemesis(long seed) {
        return onRig.stallAndFailOver(faulting, seed, 250, 600, 2);
    }

    /** What a worker was told: an acknowledged result (the reservation as returned), by kind. */
    private record Ack(String kind, Reservation r) {
    }

    @Test
    void approvalsDeclinesReleasesAndQuotasRaceBookingsUnderStallsAndFailovers() throws Exception {
        Thread nemesis = nemesis(31);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Ack> acks = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Future<?>> tasks = new ArrayList<>();
        for (int c = 0; c < 4; c++) { // bookers: members request (PENDING), u1 books directly (CONFIRMED)
            int client = c;
            tasks.add(pool.submit(() -> {
                Random random = new Random(client);
                for (int i = 0; i < 18; i++) {
                    // 08:00-12:45 starts: about half start before OPS_NOW (expiry, auto-release), half after (approvers)
                    TimeSlot slot = ContractData.slot(0, 8 + random.nextInt(5), 15 * random.nextInt(4),
                            30 * (1 + random.nextInt(3)));
                    boolean direct = random.nextInt(3) == 0;
                    Actor actor = direct ? admin : new Actor("u" + (2 + random.nextInt(3)), Role.MEMBER);
                    String user = direct ? "u1" : actor.userId();
                    try {
                        Reservation r = apps.get(client % 2).booking().reserve(actor, new ReserveRequest("r1", user,
                                slot, "Planning", 2, Optional.of("c" + client + "-" + i)));
                        acks.add(new Ack("booked", r));
                    } catch (ReservationException e) {
                        // conflict, quota, unavailable or unknown: judged on the committed state
                    }
                }
            }));
        }
        for (int a = 0; a < 2; a++) { // two approvers on two instances, deciding the same queue
            int approver = a;
            tasks.add(pool.submit(() -> {
                Actor who = approver == 0 ? admin : new Actor("u4", Role.MEMBER);
                while (working.get()) {
                    try {
                        for (Reservation r : apps.get(approver).ops().approvalQueue(who)) {
                            try {
                                // one approver approves, the other declines: they race on the same requests
                                acks.add(approver == 0
                                        ? new Ack("approved", apps.get(approver).ops().approve(who, r.id(), "ok"))
                                        : new Ack("declined", apps.get(approver).ops().decline(who, r.id(), "no")));
                            } catch (ReservationException e) {
                                // decided by the other approver, expired, or unknown
                            }
                        }
                    } catch (ReservationException e) {
                        // the queue could not be read now
                    }
                    sleep(30);
                }
            }));
        }
        for (int j = 0; j < 2; j++) { // two job instances, and a clerk checking in through each
            int job = j;
            tasks.add(pool.submit(() -> {
                while (working.get()) {
                    try {
                        apps.get(job).ops().expirePending();
                        apps.get(job).ops().autoRelease();
                        apps.get(job).quotas().reconcile(OPS_NOW, 100);
                    } catch (ReservationException e) {
                        // the next round tries again
                    }
                    try {
                        for (Reservation r : east.reservations().find(dev.reservation.core.store.ReservationQuery.all()
                                .room("r1").confirmedOnly().window(OPS_NOW.minusSeconds(1), OPS_NOW))) {
                            if (r.slot().start().hashCode() % 2 == job && r.checkedInAt() == null) {
                                acks.add(new Ack("checkedIn", apps.get(job).ops().checkIn(admin, r.id())));
                            }
                        }
                    } catch (ReservationException e) {
                        // outside its window, released first, or unknown
                    }
                    sleep(40);
                }
            }));
        }
        for (Future<?> f : tasks.subList(0, 4)) {
            f.get(4, TimeUnit.MINUTES);
        }
        sleep(2_000);
        faulting.set(false);
        nemesis.join();
        onRig.rig.resumeCommitPoint();
        sleep(1_500); // deciders and jobs finish their work without faults
        working.set(false);
        for (Future<?> f : tasks) {
            f.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();
        assertThat(onRig.rig.awaitReplicated(Duration.ofSeconds(10))).isTrue();

        // the protocol's invariants with PENDING holding claims like CONFIRMED
        assertThat(onRig.invariants().violations()).isEmpty();
        assertThat(onRig.rig.divergences()).isZero();
        Map<String, Document> byId = onRig.committedReservations().stream().filter(d -> d.get("roomId") != null)
                .collect(Collectors.toMap(d -> d.getString("_id"), d -> d));
        assertThat(byId.values().stream().map(d -> d.getString("status")).collect(Collectors.toSet()))
                .as("the race exercised approval, decline and release (acknowledged: %s)",
                        acks.stream().collect(Collectors.groupingBy(Ack::kind, Collectors.counting())))
                .contains("CONFIRMED", "DECLINED");
        for (Ack a : acks) {
            Document d = byId.get(a.r().id());
            assertThat(d).as("acknowledged %s of %s is stored", a.kind(), a.r().id()).isNotNull();
            assertThat(((Number) d.get("version")).longValue()).isGreaterThanOrEqualTo(a.r().version());
            switch (a.kind()) {
                case "declined" -> assertThat(d.getString("status")).isEqualTo("DECLINED");
                case "approved" -> {
                    assertThat(d.getString("status")).isIn("CONFIRMED", "AUTO_RELEASED");
                    assertThat(d.getString("approvedBy")).isEqualTo(a.r().approvedBy());
                }
                case "checkedIn" -> {
                    assertThat(d.getString("status")).isEqualTo("CONFIRMED");
                    assertThat(d.getDate("checkedInAt")).isNotNull();
                }
                default -> assertThat(d.getString("status")).isNotEqualTo("ABANDONED");
            }
        }
        for (Document d : byId.values()) {
            String status = d.getString("status");
            if ("AUTO_RELEASED".equals(status)) {
                assertThat(d.get("checkedInAt")).as("released yet checked in: %s", d).isNull();
                assertThat(d.getDate("start").toInstant().plus(Duration.ofMinutes(15))).isBeforeOrEqualTo(OPS_NOW);
            }
            if ("DECLINED".equals(status) || "EXPIRED".equals(status)) {
                assertThat(d.get("approvedBy")).as("decided twice: %s", d).isNull();
            }
        }
        // the quota: never more open (holding, not ended by the sweeps' clock) reservations than the
        // limit, and each one counted (an ended one's hold is given back: it is no longer open)
        Map<String, Document> counters = onRig.committed(OpsSchema.QUOTA_COUNTERS).stream()
                .collect(Collectors.toMap(d -> d.getString("_id"), d -> d));
        Map<String, Long> holdingByUser = new HashMap<>();
        for (Document d : byId.values()) {
            if (open(d)) {
                holdingByUser.merge(d.getString("userId"), 1L, Long::sum);
                Document open = counters.get("open|*|" + d.getString("userId"));
                assertThat(open).isNotNull();
                assertThat(open.getList("holds", Document.class)).extracting(h -> h.getString("rid"))
                        .as("holding reservation %s keeps its quota hold", d.getString("_id")).contains(d.getString("_id"));
            }
        }
        holdingByUser.forEach((user, n) -> assertThat(n).as("open reservations of %s", user).isLessThanOrEqualTo(OPEN_AT_ONCE));
        for (Document c : counters.values()) {
            long sum = c.getList("holds", Document.class).stream().mapToLong(h -> ((Number) h.get("amount")).longValue()).sum();
            assertThat(((Number) c.get("used")).longValue()).as("counter %s", c).isEqualTo(sum).isLessThanOrEqualTo(OPEN_AT_ONCE);
        }
        // no capacity leaks: once settled without faults, every hold belongs to a holding reservation
        for (App app : apps) {
            app.quotas().reconcile(OPS_NOW, 100);
        }
        Set<String> holding = byId.values().stream().filter(OperationsFailoverRaceTest::open)
                .map(d -> d.getString("_id")).collect(Collectors.toSet());
        Set<String> held = onRig.committed(OpsSchema.QUOTA_COUNTERS).stream()
                .flatMap(c -> c.getList("holds", Document.class).stream()).map(h -> h.getString("rid"))
                .collect(Collectors.toSet());
        Set<String> holdingNow = onRig.committedReservations().stream().filter(OperationsFailoverRaceTest::open)
                .map(d -> d.getString("_id")).collect(Collectors.toSet());
        assertThat(held).as("holds after settling").isEqualTo(holdingNow);
        assertThat(holding).isEqualTo(holdingNow);
    }

    /** Holds its room and has not ended by the sweeps' clock: what "open at once" counts. */
    private static boolean open(Document d) {
        return Set.of("PENDING", "CONFIRMED").contains(d.getString("status"))
                && d.getDate("end").toInstant().isAfter(OPS_NOW);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
