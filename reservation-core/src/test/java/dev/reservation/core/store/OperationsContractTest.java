package dev.reservation.core.store;

import static dev.reservation.core.store.ContractData.CREATED;
import static dev.reservation.core.store.ContractData.candidate;
import static dev.reservation.core.store.ContractData.room;
import static dev.reservation.core.store.ContractData.slot;
import static dev.reservation.core.store.ContractData.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reservation.core.domain.Actor;
import dev.reservation.core.domain.ConcurrentUpdateException;
import dev.reservation.core.domain.InvalidStateException;
import dev.reservation.core.domain.PermissionDeniedException;
import dev.reservation.core.domain.QuotaExceededException;
import dev.reservation.core.domain.Reservation;
import dev.reservation.core.domain.ReservationConflictException;
import dev.reservation.core.domain.ReservationException;
import dev.reservation.core.domain.ReservationStatus;
import dev.reservation.core.domain.Role;
import dev.reservation.core.domain.Room;
import dev.reservation.core.domain.StoreUnavailableException;
import dev.reservation.core.domain.TimeSlot;
import dev.reservation.core.domain.User;
import dev.reservation.core.ops.OperationsGate;
import dev.reservation.core.ops.OperationsService;
import dev.reservation.core.ops.QuotaCounters;
import dev.reservation.core.ops.QuotaLedger;
import dev.reservation.core.ops.QuotaRule;
import dev.reservation.core.ops.ReservationEvent;
import dev.reservation.core.ops.RoomOperations;
import dev.reservation.core.ops.RoomOperationsAdmin;
import dev.reservation.core.service.BookingPolicy;
import dev.reservation.core.service.ApiTokens;
import dev.reservation.core.service.IdGenerator;
import dev.reservation.core.service.ReservationService;
import dev.reservation.core.service.ReserveRequest;
import dev.reservation.core.service.RoomSearchService;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The room-operations contract every store implements: PENDING holds its slot exactly like
 * CONFIRMED, approval/decline/check-in/release are compare-and-sets that apply once, quota counters
 * hold their limit, a booking's fate can be settled, and usage aggregates match a hand-computed set.
 * The races run through TWO app instances on the same data (for a database store: two clients): two
 * approvers, two auto-release jobs, one user booking from both at a quota edge.
 */
public abstract class OperationsContractTest {
    /** Two instances (index 0 and 1) over fresh, empty, shared data. */
    protected abstract List<OpsStores> newInstances();

    protected final OpsClock clock = new OpsClock(CREATED);
    protected List<OpsStores> instances;
    protected final List<ReservationEvent> events = new CopyOnWriteArrayList<>();
    /** Display tokens are API tokens: one store both instances share (each store's own is tested by its contract). */
    protected final dev.reservation.core.auth.ApiTokenStore apiTokens = new dev.reservation.core.memory.InMemoryApiTokenStore();
    private final Actor admin = new Actor("admin", Role.ADMIN);
    private final Actor ada = new Actor("u1", Role.MEMBER);
    private final Actor approver = new Actor("u9", Role.MEMBER);

    /** One instance's services. */
    protected record App(ReservationService reservations, OperationsService operations, QuotaLedger quotas,
                         RoomOperationsAdmin admin) {
    }

    protected App app(int i) {
        OpsStores s = instances.get(i);
        BookingPolicy policy = new BookingPolicy(Duration.ofMinutes(5), Duration.ofHours(12), Duration.ofDays(3650));
        IdGenerator ids = () -> UUID.randomUUID().toString();
        QuotaLedger ledger = new QuotaLedger(s.quotas(), s.counters(), s.reservations(), Duration.ofMinutes(5));
        OperationsGate gate = new OperationsGate(s.settings(), ledger, s.rooms(), events::add, clock);
        ReservationService service = new ReservationService(s.users(), s.rooms(), s.reservations(),
                new RoomSearchService(s.rooms(), s.reservations(), policy, clock), policy, clock, ids, dev.reservation.core.notify.ReservationChangeListener.NONE, gate);
        ApiTokens tokens = new ApiTokens(apiTokens, s.users(), ids, clock, new java.security.SecureRandom(),
                ApiTokens.DEFAULT_CACHE);
        return new App(service, new OperationsService(s.reservations(), s.rooms(), s.settings(), gate, events::add, clock,
                ids, tokens), ledger, new RoomOperationsAdmin(s.settings(), s.quotas(), s.rooms(), s.users(), tokens));
    }

    @BeforeEach
    void freshStores() {
        instances = newInstances();
        OpsStores s = instances.get(0);
        s.users().insert(user("u1", "u1@example.com"));
        s.users().insert(user("u2", "u2@example.com"));
        s.users().insert(user("u9", "u9@example.com"));
        s.users().insert(new User("admin", "Admin", "admin@example.com", Role.ADMIN));
        s.rooms().insert(room("r1", "Blue"));
        s.rooms().insert(room("r2", "Green"));
        clock.set(slot(0, 8, 0, 1).start());
    }

    private Reservation reserve(int instance, Actor actor, String roomId, TimeSlot slot) {
        return app(instance).reservations().reserve(actor, new ReserveRequest(roomId, actor.isAdmin() ? "u1"
                : actor.userId(), slot, "Planning", 2, Optional.empty()));
    }

    private void requireApproval(String roomId) {
        app(0).admin().update(admin, roomId, true, Set.of("u9"), null, null, true);
    }

    private Reservation stored(String id) {
        return instances.get(0).reservations().findById(id).orElseThrow();
    }

    // ---- PENDING holds its slot exactly like CONFIRMED ----

    @Test
    void aPendingReservationConflictsLikeAConfirmedOne() {
        Reservation pending = instances.get(0).reservations().book(candidate("r1", "u1", slot(0, 10, 0, 60)).asPending())
                instanceof BookingOutcome.Booked b ? b.reservation() : null;
        assertThat(pending).isNotNull();
        assertThat(pending.status()).isEqualTo(ReservationStatus.PENDING);
        for (OpsStores s : instances) {
            BookingOutcome confirmed = s.reservations().book(candidate("r1", "u2", slot(0, 10, 30, 60)));
            assertThat(confirmed).isInstanceOf(BookingOutcome.Conflict.class);
            assertThat(((BookingOutcome.Conflict) confirmed).conflicts()).extracting(Reservation::id).containsExactly(pending.id());
            assertThat(((BookingOutcome.Conflict) confirmed).conflicts()).extracting(Reservation::status)
                    .as("the conflict is named as what it is").containsExactly(ReservationStatus.PENDING);
            assertThat(s.reservations().book(candidate("r1", "u2", slot(0, 9, 30, 60)).asPending()))
                    .isInstanceOf(BookingOutcome.Conflict.class);
            assertThat(s.reservations().busyRooms(slot(0, 10, 15, 10), List.of("r1", "r2"))).containsExactly("r1");
            assertThat(s.reservations().find(ReservationQuery.all().room("r1").holdingOnly())).extracting(Reservation::id)
                    .containsExactly(pending.id());
        }
        assertThat(instances.get(1).reservations().book(candidate("r1", "u2", slot(0, 11, 0, 60))))
                .isInstanceOf(BookingOutcome.Booked.class);
    }

    @Test
    void aRequestToARoomNeedingApprovalIsPendingUnlessItsApproverBooks() {
        requireApproval("r1");
        Reservation request = reserve(0, ada, "r1", slot(0, 10, 0, 60));
        assertThat(request.status()).isEqualTo(ReservationStatus.PENDING);
        assertThat(events).extracting(ReservationEvent::kind).containsExactly(ReservationEvent.Kind.REQUESTED);
        assertThatThrownBy(() -> reserve(1, new Actor("u2", Role.MEMBER), "r1", slot(0, 10, 30, 30)))
                .isInstanceOf(ReservationConflictException.class);
        assertThat(reserve(1, approver, "r1", slot(0, 12, 0, 60)).status()).isEqualTo(ReservationStatus.CONFIRMED);
        assertThat(reserve(1, ada, "r2", slot(0, 10, 0, 60)).status()).isEqualTo(ReservationStatus.CONFIRMED);
        assertThat(app(1).operations().approvalQueue(approver)).extracting(Reservation::id).containsExactly(request.id());
        assertThat(app(1).operations().approvalQueue(new Actor("u2", Role.MEMBER))).isEmpty();
    }

    @Test
    void approvalIsOneCasThatKeepsTheSlotAndRecordsWhoAndWhy() {
        requireApproval("r1");
        Reservation request = reserve(0, ada, "r1", slot(0, 10, 0, 60));
        assertThatThrownBy(() -> app(1).operations().approve(new Actor("u2", Role.MEMBER), request.id(), "ok"))
                .isInstanceOf(PermissionDeniedException.class);
        Reservation approved = app(1).operations().approve(approver, request.id(), "budget ok");
        assertThat(approved.status()).isEqualTo(ReservationStatus.CONFIRMED);
        assertThat(approved.version()).isEqualTo(1);
        assertThat(stored(request.id())).isEqualTo(approved);
        assertThat(approved.approvedBy()).isEqualTo("u9");
        assertThat(approved.reason()).isEqualTo("budget ok");
        assertThat(instances.get(0).reservations().book(candidate("r1", "u2", slot(0, 10, 30, 60))))
                .isInstanceOf(BookingOutcome.Conflict.class);
        assertThatThrownBy(() -> app(0).operations().decline(admin, request.id(), "late"))
                .isInstanceOf(InvalidStateException.class);
    }

    @Test
    void declineEndsTheRequestAndReleasesItsSlot() {
        requireApproval("r1");
        Reservation request = reserve(0, ada, "r1", slot(0, 10, 0, 60));
        Reservation declined = app(1).operations().decline(admin, request.id(), "room closed for works");
        assertThat(declined.status()).isEqualTo(ReservationStatus.DECLINED);
        assertThat(declined.cancelledBy()).isEqualTo("admin");
        assertThat(declined.reason()).isEqualTo("room closed for works");
        assertThat(stored(request.id()).status()).isEqualTo(ReservationStatus.DECLINED);
        assertThat(instances.get(0).reservations().book(candidate("r1", "u2", slot(0, 10, 30, 60))))
                .isInstanceOf(BookingOutcome.Booked.class);
    }

    @Test
    void aStaleTransitionIsRefusedAndChangesNothing() {
        Reservation r = ((BookingOutcome.Booked) instances.get(0).reservations()
                .book(candidate("r1", "u1", slot(0, 10, 0, 60)).asPending())).reservation();
        instances.get(0).reservations().transition(r, r.approved(clock.instant(), "admin", null));
        assertThatThrownBy(() -> instances.get(1).reservations().transition(r,
                r.ended(ReservationStatus.DECLINED, clock.instant(), "admin", null)))
                .isInstanceOf(ConcurrentUpdateException.class);
        assertThat(stored(r.id()).status()).isEqualTo(ReservationStatus.CONFIRMED);
        assertThat(instances.get(1).reservations().book(candidate("r1", "u2", slot(0, 10, 0, 60))))
                .isInstanceOf(BookingOutcome.Conflict.class);
    }

    @Test
    void twoApproversOnTwoInstancesDecideOnce() throws Exception {
        requireApproval("r1");
        for (int round = 0; round < 5; round++) {
            Reservation request = reserve(0, ada, "r1", slot(round, 10, 0, 60));
            List<Object> results = Concurrently.run(4, i -> {
                try {
                    return i % 2 == 0 ? app(i % 2).operations().approve(approver, request.id(), "yes " + i)
                            : app(i % 2).operations().decline(admin, request.id(), "no " + i);
                } catch (InvalidStateException e) {
                    return e;
                }
            });
            assertThat(results).filteredOn(o -> o instanceof Reservation).hasSize(1);
            Reservation winner = (Reservation) results.stream().filter(o -> o instanceof Reservation).findFirst().get();
            assertThat(stored(request.id())).isEqualTo(winner);
            BookingOutcome over = instances.get(1).reservations().book(candidate("r1", "u2", slot(round, 10, 0, 60)));
            assertThat(over).isInstanceOf(winner.holdsRoom() ? BookingOutcome.Conflict.class : BookingOutcome.Booked.class);
        }
    }

    @Test
    void aRequestNobodyDecidedExpiresAtItsStartOnceWithTwoJobs() throws Exception {
        requireApproval("r1");
        Reservation request = reserve(0, ada, "r1", slot(0, 10, 0, 60));
        assertThat(app(0).operations().expirePending()).isZero();
        clock.set(slot(0, 10, 0, 1).start().plusSeconds(1));
        assertThatThrownBy(() -> app(1).operations().approve(approver, request.id(), null))
                .isInstanceOf(InvalidStateException.class);
        List<Integer> expired = Concurrently.run(4, i -> app(i % 2).operations().expirePending());
        assertThat(expired.stream().mapToInt(Integer::intValue).sum()).isEqualTo(1);
        Reservation r = stored(request.id());
        assertThat(r.status()).isEqualTo(ReservationStatus.EXPIRED);
        assertThat(r.cancelledBy()).isEqualTo(OperationsService.EXPIRY);
        assertThat(events).filteredOn(e -> e.kind() == ReservationEvent.Kind.EXPIRED).hasSize(1);
    }

    // ---- check-in and auto-release ----

    @Test
    void checkInOnlyInsideTheWindowAndOnlyByTheOwnerOrAnAdmin() {
        Reservation r = reserve(0, ada, "r1", slot(0, 10, 0, 60));
        clock.set(slot(0, 9, 49, 1).start());
        assertThatThrownBy(() -> app(0).operations().checkIn(ada, r.id())).isInstanceOf(InvalidStateException.class)
                .hasMessageContaining("opens");
        clock.set(slot(0, 9, 50, 1).start());
        assertThatThrownBy(() -> app(0).operations().checkIn(new Actor("u2", Role.MEMBER), r.id()))
                .isInstanceOf(PermissionDeniedException.class);
        Reservation in = app(1).operations().checkIn(ada, r.id());
        assertThat(in.checkedInAt()).isEqualTo(clock.instant());
        assertThat(app(0).operations().checkIn(ada, r.id())).isEqualTo(in); // again: unchanged
        clock.set(slot(0, 10, 16, 1).start());
        assertThat(app(0).operations().autoRelease()).isZero();
        assertThat(stored(r.id()).status()).isEqualTo(ReservationStatus.CONFIRMED);
    }

    @Test
    void twoAutoReleaseJobsReleaseANoShowOnceAndFreeTheRoom() throws Exception {
        Reservation r = reserve(0, ada, "r1", slot(0, 10, 0, 60));
        Reservation other = reserve(0, ada, "r2", slot(0, 10, 0, 60));
        app(0).admin().update(admin, "r2", false, Set.of(), null, null, false); // r2 opts out
        clock.set(slot(0, 10, 14, 1).start());
        assertThat(app(0).operations().autoRelease()).isZero();
        clock.set(slot(0, 10, 15, 1).start());
        List<Integer> released = Concurrently.run(4, i -> app(i % 2).operations().autoRelease());
        assertThat(released.stream().mapToInt(Integer::intValue).sum()).isEqualTo(1);
        Reservation gone = stored(r.id());
        assertThat(gone.status()).isEqualTo(ReservationStatus.AUTO_RELEASED);
        assertThat(gone.cancelledAt()).isEqualTo(clock.instant());
        assertThat(gone.cancelledBy()).isEqualTo(OperationsService.AUTO_RELEASE);
        assertThat(stored(other.id()).status()).isEqualTo(ReservationStatus.CONFIRMED);
        assertThat(events).filteredOn(e -> e.kind() == ReservationEvent.Kind.AUTO_RELEASED).hasSize(1);
        assertThat(reserve(1, new Actor("u2", Role.MEMBER), "r1", slot(0, 10, 20, 30)).status())
                .isEqualTo(ReservationStatus.CONFIRMED);
        assertThatThrownBy(() -> app(0).operations().checkIn(ada, r.id())).isInstanceOf(InvalidStateException.class)
                .hasMessageContaining("AUTO_RELEASED");
    }

    @Test
    void aCheckInRacingAReleaseFromTheSameReadEndsOneWayOrTheOther() throws Exception {
        for (int round = 0; round < 6; round++) {
            Reservation r = reserve(0, ada, "r1", slot(round, 10, 0, 60));
            Instant at = r.slot().start().plus(Duration.ofMinutes(15));
            List<Object> results = Concurrently.run(2, i -> {
                try {
                    return instances.get(i).reservations().transition(r, i == 0 ? r.checkedIn(at.minusMillis(1))
                            : r.ended(ReservationStatus.AUTO_RELEASED, at, OperationsService.AUTO_RELEASE, null));
                } catch (ConcurrentUpdateException e) {
                    return e;
                }
            });
            assertThat(results).filteredOn(o -> o instanceof Reservation).hasSize(1);
            Reservation end = stored(r.id());
            assertThat(results).contains(end);
            BookingOutcome over = instances.get(1).reservations().book(candidate("r1", "u2", slot(round, 10, 30, 30)));
            assertThat(over).isInstanceOf(end.holdsRoom() ? BookingOutcome.Conflict.class : BookingOutcome.Booked.class);
        }
    }

    // ---- the door display ----

    @Test
    void aDisplayTokenAllowsCheckInAndBookNowForItsRoomOnly() {
        String token = app(0).admin().newDisplayToken(admin, "r1");
        String other = app(0).admin().newDisplayToken(admin, "r2");
        Reservation r = reserve(0, ada, "r1", slot(0, 10, 0, 60));
        clock.set(slot(0, 9, 55, 1).start());
        assertThatThrownBy(() -> app(1).operations().displayCheckIn("r1", other)).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> app(1).operations().displayCheckIn("r1", "guess")).isInstanceOf(PermissionDeniedException.class);
        OperationsService.DoorState door = app(1).operations().doorState("r1", token);
        assertThat(door.busy()).isFalse();
        assertThat(door.next()).map(v -> v.id()).contains(r.id());
        assertThat(door.next().get().busySlotOnly()).isTrue();
        assertThat(door.checkInOpen()).isTrue();
        assertThat(app(1).operations().displayCheckIn("r1", token).checkedInAt()).isNotNull();
        clock.set(slot(0, 11, 0, 1).start());
        Reservation now = app(0).operations().displayBookNow("r1", token, 15);
        assertThat(now.status()).isEqualTo(ReservationStatus.CONFIRMED);
        assertThat(now.checkedInAt()).isNotNull();
        assertThat(now.slot().duration()).isEqualTo(Duration.ofMinutes(15));
        assertThat(app(0).operations().doorState("r1", token).busy()).isTrue();
        assertThatThrownBy(() -> app(0).operations().displayBookNow("r1", token, 30))
                .isInstanceOf(ReservationConflictException.class);
        app(0).admin().revokeDisplayToken(admin, "r1");
        assertThatThrownBy(() -> app(0).operations().doorState("r1", token)).isInstanceOf(PermissionDeniedException.class);
    }

    @Test
    void aDisplayTokenIsAnApiTokenOfTheRoomAndANewOneReplacesIt() {
        String first = app(0).admin().newDisplayToken(admin, "r1");
        assertThat(first).startsWith(ApiTokens.PREFIX);
        assertThat(app(0).admin().display(admin, "r1").token()).get()
                .satisfies(t -> assertThat(t.scope()).isEqualTo(dev.reservation.core.auth.TokenScope.DISPLAY))
                .satisfies(t -> assertThat(t.roomId()).isEqualTo("r1"))
                .satisfies(t -> assertThat(t.lastUsedAt()).isNull());
        app(1).operations().doorState("r1", first);
        assertThat(app(0).admin().display(admin, "r1").token().orElseThrow().lastUsedAt()).isEqualTo(clock.instant());

        String second = app(0).admin().newDisplayToken(admin, "r1");
        assertThatThrownBy(() -> app(1).operations().doorState("r1", first)).isInstanceOf(PermissionDeniedException.class);
        assertThat(app(1).operations().doorState("r1", second).room().id()).isEqualTo("r1");
        assertThat(apiTokens.forUser(OperationsService.displayUser("r1"))).hasSize(1);
        assertThat(app(1).admin().hasDisplay("r1")).isTrue();
        assertThat(app(1).admin().hasDisplay("r2")).isFalse();
        assertThat(app(0).operations().settings("r1").displayTokenHash()).as("nothing in the room's settings").isNull();
        assertThatThrownBy(() -> app(0).admin().newDisplayToken(ada, "r1")).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> app(0).admin().display(ada, "r1")).isInstanceOf(PermissionDeniedException.class);
    }

    @Test
    void aDisplayTokenOfAnOlderVersionKeepsWorkingUntilReissued() {
        // written as before display tokens were API tokens: only the hash, in the room's settings
        String old = dev.reservation.core.ops.DisplayTokens.newToken();
        instances.get(0).settings().put(app(0).operations().settings("r1")
                .withDisplayTokenHash(dev.reservation.core.ops.DisplayTokens.hash(old)));
        assertThat(app(1).operations().doorState("r1", old).room().id()).isEqualTo("r1");
        assertThat(app(1).admin().hasDisplay("r1")).isTrue();
        assertThat(app(1).admin().display(admin, "r1").legacy()).isTrue();
        assertThatThrownBy(() -> app(1).operations().doorState("r2", old)).isInstanceOf(PermissionDeniedException.class);

        String fresh = app(0).admin().newDisplayToken(admin, "r1");
        assertThatThrownBy(() -> app(1).operations().doorState("r1", old)).isInstanceOf(PermissionDeniedException.class);
        assertThat(app(1).operations().doorState("r1", fresh).room().id()).isEqualTo("r1");
        assertThat(app(1).admin().display(admin, "r1").legacy()).isFalse();

        instances.get(0).settings().put(app(0).operations().settings("r2")
                .withDisplayTokenHash(dev.reservation.core.ops.DisplayTokens.hash(old)));
        app(0).admin().revokeDisplayToken(admin, "r2");
        assertThatThrownBy(() -> app(1).operations().doorState("r2", old)).isInstanceOf(PermissionDeniedException.class);
        assertThat(app(1).admin().hasDisplay("r2")).isFalse();
    }

    // ---- quotas ----

    @Test
    void quotaCountersTakeIdempotentlyAndNeverPastTheLimit() throws Exception {
        QuotaCounters c0 = instances.get(0).counters();
        Instant end = slot(1, 0, 0, 1).start();
        assertThat(c0.take("k", new QuotaCounters.Hold("a", 60, end, clock.instant()), 120, end).taken()).isTrue();
        assertThat(c0.take("k", new QuotaCounters.Hold("a", 60, end, clock.instant()), 120, end).taken()).isTrue();
        assertThat(c0.holds("k")).extracting(QuotaCounters.Hold::rid).containsExactly("a");
        List<Boolean> takes = Concurrently.run(8, i -> instances.get(i % 2).counters()
                .take("k", new QuotaCounters.Hold("b" + i, 30, end, clock.instant()), 120, end).taken());
        assertThat(takes).filteredOn(t -> t).hasSize(2);
        QuotaCounters.Take refused = c0.take("k", new QuotaCounters.Hold("z", 1, end, clock.instant()), 120, end);
        assertThat(refused.taken()).isFalse();
        assertThat(refused.used()).isEqualTo(120);
        instances.get(1).counters().giveBack("k", "a");
        instances.get(1).counters().giveBack("k", "a");
        assertThat(c0.take("k", new QuotaCounters.Hold("c", 60, end, clock.instant()), 120, end).taken()).isTrue();
        assertThat(c0.take("k", new QuotaCounters.Hold("d", 1, end, clock.instant()), 120, end).taken()).isFalse();
        assertThat(c0.withHoldsBefore(clock.instant().plusSeconds(1), clock.instant(), 10)).containsExactly("k");
        assertThat(c0.withHoldsBefore(clock.instant(), clock.instant(), 10)).isEmpty();
        assertThat(c0.withHoldsBefore(clock.instant().plusSeconds(1), end, 10)).isEmpty();
    }

    @Test
    void oneUserBookingFromTwoInstancesAtAQuotaEdgeGetsExactlyTheLimit() throws Exception {
        app(0).admin().setQuota(admin, QuotaRule.GLOBAL, Optional.of(2.0), Optional.empty());
        List<Object> results = Concurrently.run(6, i -> {
            try {
                return reserve(i % 2, ada, i % 3 == 0 ? "r1" : "r2", slot(0, 9 + i, 0, 60));
            } catch (QuotaExceededException e) {
                return e;
            }
        });
        assertThat(results).filteredOn(o -> o instanceof Reservation).hasSize(2);
        QuotaExceededException refused = (QuotaExceededException) results.stream()
                .filter(o -> o instanceof QuotaExceededException).findFirst().get();
        assertThat(refused.getMessage()).contains("at most 2 h booked hours per week across all rooms")
                .contains("2 h used").contains("frees up on Mon 10 Mar 2031 00:00 (Europe/Berlin)");
        assertThat(instances.get(1).reservations().find(ReservationQuery.all().user("u1"))).hasSize(2);
    }

    @Test
    void openReservationsAtOnceHoldAcrossInstancesAndFreeUpWhenOneEndsOrIsCancelled() throws Exception {
        app(0).admin().setQuota(admin, "r1", Optional.empty(), Optional.of(1));
        Reservation first = reserve(0, ada, "r1", slot(0, 10, 0, 60));
        assertThatThrownBy(() -> reserve(1, ada, "r1", slot(1, 10, 0, 60))).isInstanceOf(QuotaExceededException.class)
                .hasMessageContaining("at most 1 open reservations at once in Blue; you have 1 open now")
                .hasMessageContaining("frees up when it ends, Mon 3 Mar 2031 12:00 (Europe/Berlin)");
        assertThat(reserve(1, ada, "r2", slot(1, 10, 0, 60))).isNotNull(); // another room: not this rule
        app(1).reservations().cancel(ada, first.id());
        Reservation second = reserve(1, ada, "r1", slot(1, 12, 0, 60));
        clock.set(second.slot().end());
        assertThat(reserve(0, ada, "r1", slot(2, 10, 0, 60))).isNotNull(); // the second has ended
    }

    @Test
    void aRefusedBookingGivesItsQuotaBack() {
        app(0).admin().setQuota(admin, QuotaRule.GLOBAL, Optional.of(1.0), Optional.empty());
        reserve(0, new Actor("u2", Role.MEMBER), "r1", slot(0, 10, 0, 60));
        assertThatThrownBy(() -> reserve(1, ada, "r1", slot(0, 10, 0, 60))).isInstanceOf(ReservationConflictException.class);
        assertThat(reserve(1, ada, "r1", slot(0, 12, 0, 60))).isNotNull();
    }

    @Test
    void aHoldWhoseBookingNeverLandedIsSettledAndGivenBackButALiveOneStays() {
        app(0).admin().setQuota(admin, QuotaRule.GLOBAL, Optional.of(2.0), Optional.empty());
        Reservation live = reserve(0, ada, "r1", slot(0, 10, 0, 60));
        // a hold of a booking whose outcome stayed unknown and never landed
        String counter = "week|*|u1|2031-W10";
        assertThat(instances.get(0).counters().holds(counter)).extracting(QuotaCounters.Hold::rid).containsExactly(live.id());
        instances.get(1).counters().take(counter, new QuotaCounters.Hold("lost-booking", 60, slot(0, 14, 0, 60).end(),
                clock.instant()), 120, slot(7, 0, 0, 1).start());
        assertThatThrownBy(() -> reserve(1, ada, "r2", slot(0, 16, 0, 60))).isInstanceOf(QuotaExceededException.class);
        assertThat(app(1).quotas().reconcile(clock.instant(), 10)).isZero(); // too young: may be in flight
        clock.advance(Duration.ofMinutes(6));
        List<Integer> given = List.of(app(0).quotas().reconcile(clock.instant(), 10),
                app(1).quotas().reconcile(clock.instant(), 10));
        assertThat(given.get(0) + given.get(1)).isEqualTo(1);
        assertThat(instances.get(0).counters().holds(counter)).extracting(QuotaCounters.Hold::rid).containsExactly(live.id());
        // the lost booking can never land now
        Reservation late = new Reservation("lost-booking", "r2", "u1", slot(0, 14, 0, 60), "Late", 1,
                ReservationStatus.CONFIRMED, CREATED, null, null, 0, null);
        assertThatThrownBy(() -> instances.get(0).reservations().book(late)).isInstanceOf(StoreUnavailableException.class);
        assertThat(reserve(1, ada, "r2", slot(0, 16, 0, 60))).isNotNull();
    }

    @Test
    void settleReturnsTheStoredReservationOrSealsItsAbsence() {
        Reservation r = instances.get(0).reservations().book(candidate("r1", "u1", slot(0, 10, 0, 60)))
                instanceof BookingOutcome.Booked b ? b.reservation() : null;
        assertThat(instances.get(1).reservations().settle(r.id())).contains(r);
        assertThat(instances.get(1).reservations().settle("never-booked")).isEmpty();
        Reservation late = new Reservation("never-booked", "r1", "u1", slot(0, 12, 0, 60), "Late", 1,
                ReservationStatus.CONFIRMED, CREATED, null, null, 0, null);
        assertThatThrownBy(() -> instances.get(0).reservations().book(late)).isInstanceOf(StoreUnavailableException.class);
        assertThat(instances.get(0).reservations().findById("never-booked")).isEmpty();
        assertThat(instances.get(0).reservations().book(candidate("r1", "u1", slot(0, 12, 0, 60))))
                .isInstanceOf(BookingOutcome.Booked.class);
    }

    // ---- usage aggregates, against numbers computed by hand ----

    @Test
    void usageAggregatesMatchAHandComputedDataSet() {
        ReservationStore s = instances.get(0).reservations();
        // r1: confirmed Mon 09:30-11:00 (1.5 h), confirmed Tue 23:00-Wed 01:00 (2 h over midnight),
        //     auto-released Mon 14:00-15:00, cancelled Mon 16:00-17:00; r2: confirmed Sun 23:30-Mon 00:30
        //     (only the Monday half is in the period), pending Mon 10:00-10:45
        Reservation a = booked(s, candidate("r1", "u1", slot(0, 9, 30, 90)));
        booked(s, candidate("r1", "u1", slot(1, 23, 0, 120)));
        Reservation noShow = booked(s, candidate("r1", "u1", slot(0, 14, 0, 60)));
        s.transition(noShow, noShow.ended(ReservationStatus.AUTO_RELEASED, slot(0, 14, 15, 1).start(), "system", null));
        Reservation gone = booked(s, candidate("r1", "u2", slot(0, 16, 0, 60)));
        s.cancel(gone.id(), 0, CREATED, "u2");
        booked(s, candidate("r2", "u2", slot(-1, 23, 30, 60)));
        booked(s, candidate("r2", "u2", slot(0, 10, 0, 45)).asPending());
        booked(s, candidate("r2", "u2", slot(9, 10, 0, 45))); // outside the period
        UsageData usage = instances.get(1).reservations().usage(slot(0, 0, 0, 1).start(), slot(7, 0, 0, 1).start());
        assertThat(usage.sorted().totals()).containsExactly(
                new UsageData.Totals("r1", ReservationStatus.CONFIRMED, 2, (90 + 120) * 60_000L),
                new UsageData.Totals("r1", ReservationStatus.CANCELLED, 1, 60 * 60_000L),
                new UsageData.Totals("r1", ReservationStatus.AUTO_RELEASED, 1, 60 * 60_000L),
                new UsageData.Totals("r2", ReservationStatus.CONFIRMED, 1, 30 * 60_000L),
                new UsageData.Totals("r2", ReservationStatus.PENDING, 1, 45 * 60_000L));
        long h0 = slot(0, 0, 0, 1).start().toEpochMilli() / 3_600_000L; // Monday 00:00 UTC
        assertThat(usage.sorted().hours()).containsExactly(
                new UsageData.Hour("r1", h0 + 9, 30 * 60_000L), new UsageData.Hour("r1", h0 + 10, 60 * 60_000L),
                new UsageData.Hour("r1", h0 + 24 + 23, 60 * 60_000L), new UsageData.Hour("r1", h0 + 48, 60 * 60_000L),
                new UsageData.Hour("r2", h0, 30 * 60_000L));
        assertThat(a).isNotNull();
    }

    private static Reservation booked(ReservationStore s, Reservation r) {
        BookingOutcome o = s.book(r);
        assertThat(o).isInstanceOf(BookingOutcome.Booked.class);
        return ((BookingOutcome.Booked) o).reservation();
    }

    @Test
    void roomSettingsRoundTrip() {
        RoomOperations saved = app(0).admin().update(admin, "r1", true, Set.of("u9", "u2"), Duration.ofMinutes(5),
                Duration.ofMinutes(20), false);
        String token = app(0).admin().newDisplayToken(admin, "r1");
        RoomOperations read = app(1).admin().settings("r1");
        assertThat(read.requiresApproval()).isTrue();
        assertThat(read.approvers()).containsExactlyInAnyOrder("u9", "u2");
        assertThat(read.checkInBefore()).isEqualTo(Duration.ofMinutes(5));
        assertThat(read.checkInAfter()).isEqualTo(Duration.ofMinutes(20));
        assertThat(read.autoRelease()).isFalse();
        assertThat(read.displayTokenHash()).as("display tokens are API tokens now").isNull();
        assertThat(app(1).admin().hasDisplay("r1")).isTrue();
        assertThat(app(1).operations().doorState("r1", token).room().id()).isEqualTo("r1");
        assertThat(saved.displayTokenHash()).isNull();
        RoomOperations legacy = app(0).admin().update(admin, "r2", false, Set.of(), null, null, true)
                .withDisplayTokenHash("an-old-hash");
        instances.get(0).settings().put(legacy);
        assertThat(app(1).admin().settings("r2").displayTokenHash()).as("an older version's hash is still read")
                .isEqualTo("an-old-hash");
        app(1).admin().update(admin, "r2", true, Set.of(), null, null, true);
        assertThat(app(0).admin().settings("r2").displayTokenHash()).as("and kept by a settings update")
                .isEqualTo("an-old-hash");
        instances.get(0).settings().put(RoomOperations.defaults("r2"));
        assertThat(app(1).admin().settings("r2")).isEqualTo(RoomOperations.defaults("r2"));
        assertThatThrownBy(() -> app(1).admin().update(ada, "r1", false, Set.of(), null, null, true))
                .isInstanceOf(PermissionDeniedException.class);
        app(1).admin().setQuota(admin, "r2", Optional.of(1.5), Optional.of(3));
        assertThat(app(0).admin().quotas(admin)).containsExactly(new QuotaRule("r2", Optional.of(90L), Optional.of(3)));
        app(1).admin().setQuota(admin, "r2", Optional.empty(), Optional.empty());
        assertThat(app(0).admin().quotas(admin)).isEmpty();
    }
}
