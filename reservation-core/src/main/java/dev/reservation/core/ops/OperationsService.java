package dev.reservation.core.ops;

import dev.reservation.core.auth.Permissions;
import dev.reservation.core.domain.Actor;
import dev.reservation.core.domain.ConcurrentUpdateException;
import dev.reservation.core.domain.InactiveException;
import dev.reservation.core.domain.InvalidInputException;
import dev.reservation.core.domain.InvalidStateException;
import dev.reservation.core.domain.PermissionDeniedException;
import dev.reservation.core.domain.Reservation;
import dev.reservation.core.domain.ReservationConflictException;
import dev.reservation.core.domain.ReservationException;
import dev.reservation.core.domain.ReservationNotFoundException;
import dev.reservation.core.domain.ReservationStatus;
import dev.reservation.core.domain.Room;
import dev.reservation.core.domain.RoomNotFoundException;
import dev.reservation.core.domain.StoreUnavailableException;
import dev.reservation.core.domain.TimeSlot;
import dev.reservation.core.domain.WriteOutcomeUnknownException;
import dev.reservation.core.service.BookingGate;
import dev.reservation.core.service.ApiTokens;
import dev.reservation.core.service.IdGenerator;
import dev.reservation.core.service.ReservationView;
import dev.reservation.core.store.BookingOutcome;
import dev.reservation.core.store.ReservationQuery;
import dev.reservation.core.store.ReservationStore;
import dev.reservation.core.store.RoomStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Room operations on reservations: approving and declining requests, checking in (by the owner, an
 * ADMIN or the room's door display), booking at the door, and the two scheduled sweeps (expiring
 * requests nobody decided before their start; releasing reservations not checked in by the end of
 * their room's check-in window). Every change is one compare-and-set through
 * {@link ReservationStore#transition}: approval and check-in leave the reservation's hold on the room
 * untouched; an ending releases the room only once the final status is stored. Two approvers, two
 * job instances, or a check-in racing a release: one CAS wins, the other re-reads and finds nothing
 * left to do. Permissions are checked here, for every frontend. Thread-safe.
 */
public final class OperationsService {
    /** Who the app's own jobs are recorded as. */
    public static final String EXPIRY = "system:expiry";
    public static final String AUTO_RELEASE = "system:auto-release";
    /** The user id of a reservation made at a room's door display. */
    public static String displayUser(String roomId) {
        return dev.reservation.core.auth.ApiToken.displayOwner(roomId);
    }

    private static final System.Logger LOG = System.getLogger(OperationsService.class.getName());
    private static final int ATTEMPTS = 5;
    /** How far back the sweeps look for reservations to expire or release (a longer outage leaves older ones be). */
    static final Duration SWEEP_LOOKBACK = Duration.ofDays(1);

    private final ReservationStore reservations;
    private final RoomStore rooms;
    private final RoomOperationsStore settings;
    private final BookingGate gate;
    private final ReservationEvents events;
    private final Clock clock;
    private final IdGenerator ids;
    private final ApiTokens tokens;

    /** @param tokens where door-display tokens are looked up (scope display) */
    public OperationsService(ReservationStore reservations, RoomStore rooms, RoomOperationsStore settings,
                             BookingGate gate, ReservationEvents events, Clock clock, IdGenerator ids,
                             ApiTokens tokens) {
        this.reservations = Objects.requireNonNull(reservations);
        this.rooms = Objects.requireNonNull(rooms);
        this.settings = Objects.requireNonNull(settings);
        this.gate = Objects.requireNonNull(gate);
        this.events = Objects.requireNonNull(events);
        this.clock = Objects.requireNonNull(clock);
        this.ids = Objects.requireNonNull(ids);
        this.tokens = Objects.requireNonNull(tokens);
    }

    /** A room's settings (its saved ones, or the defaults). */
    public RoomOperations settings(String roomId) {
        return settings.find(roomId).orElseGet(() -> RoomOperations.defaults(roomId));
    }

    /** A reservation in full, for its owner, an ADMIN or an approver of its room. */
    public Reservation reservationFor(Actor actor, String reservationId) {
        Reservation r = reservations.findById(reservationId)
                .orElseThrow(() -> new ReservationNotFoundException(reservationId));
        if (!Permissions.allowed(actor, Permissions.Operation.SEE_DETAILS, r.userId())
                && !Permissions.mayApprove(actor, settings(r.roomId()).approvers())) {
            throw new PermissionDeniedException("only the person who booked reservation " + reservationId
                    + ", an approver of its room or an admin may see it in full");
        }
        return r;
    }

    // ---- approval ----

    /** The pending requests {@code actor} may decide (all for an ADMIN; an approver's rooms), soonest first. */
    public List<Reservation> approvalQueue(Actor actor) {
        Instant now = clock.instant();
        List<Reservation> out = new ArrayList<>();
        Map<String, Boolean> mayDecide = new HashMap<>();
        for (Reservation r : reservations.find(ReservationQuery.all().status(ReservationStatus.PENDING)
                .window(now, now.plus(Duration.ofDays(400))))) {
            if (mayDecide.computeIfAbsent(r.roomId(), id -> Permissions.mayApprove(actor, settings(id).approvers()))) {
                out.add(r);
            }
        }
        return out;
    }

    /** Approves a pending request (PENDING → CONFIRMED; its claims stay as they are). */
    public Reservation approve(Actor actor, String reservationId, String reason) {
        Reservation done = change(reservationId, current -> {
            requireApprover(actor, current);
            requirePending(current, "approved");
            if (!current.slot().start().isAfter(clock.instant())) {
                throw new InvalidStateException("status", "reservation " + current.id() + " has started without an "
                        + "approval; it expires and can no longer be approved");
            }
            return current.approved(clock.instant(), actor.userId(), reason);
        });
        publish(events, new ReservationEvent(ReservationEvent.Kind.APPROVED, done, actor.userId(), clock.instant()));
        return done;
    }

    /** Declines a pending request (PENDING → DECLINED, then its slot is released). */
    public Reservation decline(Actor actor, String reservationId, String reason) {
        Reservation done = change(reservationId, current -> {
            requireApprover(actor, current);
            requirePending(current, "declined");
            return current.ended(ReservationStatus.DECLINED, clock.instant(), actor.userId(), reason);
        });
        gate.released(done);
        publish(events, new ReservationEvent(ReservationEvent.Kind.DECLINED, done, actor.userId(), clock.instant()));
        return done;
    }

    private void requireApprover(Actor actor, Reservation r) {
        if (!Permissions.mayApprove(actor, settings(r.roomId()).approvers())) {
            throw new PermissionDeniedException("only an admin or an approver of this room may decide its requests");
        }
    }

    private static void requirePending(Reservation r, String what) {
        if (r.status() != ReservationStatus.PENDING) {
            throw new InvalidStateException("status", "reservation " + r.id() + " is " + r.status()
                    + (r.approvedBy() != null ? " (approved by " + r.approvedBy() + ")" : "")
                    + (r.cancelledBy() != null ? " (by " + r.cancelledBy() + ")" : "")
                    + ", not pending: it cannot be " + what);
        }
    }

    // ---- check-in ----

    private static final java.time.format.DateTimeFormatter LOCAL =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", java.util.Locale.ROOT);

    /** {@code at} in the room's zone, e.g. "2026-03-02 10:50 Europe/Berlin" (UTC if the room is unknown). */
    private String local(Instant at, String roomId) {
        java.time.ZoneId zone;
        try {
            zone = rooms.findById(roomId).map(Room::zone).orElse(java.time.ZoneOffset.UTC);
        } catch (ReservationException e) {
            zone = java.time.ZoneOffset.UTC;
        }
        return LOCAL.format(at.atZone(zone)) + " " + zone.getId();
    }

    /** Checks in to a reservation, as its owner or an ADMIN, within its room's check-in window. */
    public Reservation checkIn(Actor actor, String reservationId) {
        Reservation r = reservations.findById(reservationId)
                .orElseThrow(() -> new ReservationNotFoundException(reservationId));
        if (!Permissions.allowed(actor, Permissions.Operation.CHECK_IN, r.userId())) {
            throw new PermissionDeniedException("only the person who booked reservation " + reservationId
                    + " or an admin may check in to it");
        }
        return checkIn(reservationId, actor.userId());
    }

    private Reservation checkIn(String reservationId, String by) {
        Reservation[] before = new Reservation[1];
        Reservation done = change(reservationId, current -> {
            if (current.checkedInAt() != null && current.isConfirmed()) {
                before[0] = current;
                return null; // already checked in: nothing to change
            }
            if (current.status() != ReservationStatus.CONFIRMED) {
                throw new InvalidStateException("status", "reservation " + current.id() + " is " + current.status()
                        + (current.status() == ReservationStatus.AUTO_RELEASED ? " (not checked in in time, at "
                        + local(current.cancelledAt(), current.roomId()) + ")" : "") + "; only a confirmed reservation can be checked in");
            }
            RoomOperations ops = settings(current.roomId());
            Instant now = clock.instant();
            if (now.isBefore(ops.checkInOpens(current.slot().start()))) {
                throw new InvalidStateException("checkIn", "check-in opens at " + local(ops.checkInOpens(current.slot().start()),
                        current.roomId()) + ", " + ops.checkInBefore().toMinutes() + " minutes before the start");
            }
            if (!now.isBefore(ops.checkInCloses(current.slot().start())) || !now.isBefore(current.slot().end())) {
                throw new InvalidStateException("checkIn", "check-in closed at " + local(ops.checkInCloses(current.slot().start()),
                        current.roomId()) + ", " + ops.checkInAfter().toMinutes() + " minutes after the start");
            }
            return current.checkedIn(now);
        });
        if (before[0] != null) {
            return before[0];
        }
        publish(events, new ReservationEvent(ReservationEvent.Kind.CHECKED_IN, done, by, clock.instant()));
        return done;
    }

    // ---- the door display ----

    /** What a room's door shows: the room, the reservation now and the next one today, as busy slots. */
    public record DoorState(Room room, Instant now, Optional<ReservationView> current, Optional<ReservationView> next,
                            boolean checkInOpen, Optional<String> checkInId, boolean bookNowAllowed) {
        public boolean busy() {
            return current.isPresent();
        }
    }

    /** The door state of {@code roomId} for a display holding {@code token}. */
    public DoorState doorState(String roomId, String token) {
        requireDisplay(roomId, token, null);
        return doorState(roomId);
    }

    private DoorState doorState(String roomId) {
        Room room = rooms.findById(roomId).orElseThrow(() -> new RoomNotFoundException(roomId));
        RoomOperations ops = settings(roomId);
        Instant now = clock.instant();
        Actor nobody = new Actor(displayUser(roomId), dev.reservation.core.domain.Role.MEMBER);
        List<Reservation> around = reservations.find(ReservationQuery.all().room(roomId).holdingOnly()
                .window(now.minus(Duration.ofHours(12)), now.plus(Duration.ofHours(24))).limit(200));
        Reservation current = null;
        Reservation next = null;
        Reservation checkable = null;
        for (Reservation r : around) {
            if (r.slot().contains(now)) {
                current = r;
            } else if (r.slot().start().isAfter(now) && next == null) {
                next = r;
            }
            if (r.isConfirmed() && r.checkedInAt() == null && !now.isBefore(ops.checkInOpens(r.slot().start()))
                    && now.isBefore(ops.checkInCloses(r.slot().start())) && now.isBefore(r.slot().end())
                    && checkable == null) {
                checkable = r;
            }
        }
        return new DoorState(room, now, Optional.ofNullable(current).map(r -> ReservationView.of(r, nobody)),
                Optional.ofNullable(next).map(r -> ReservationView.of(r, nobody)), checkable != null,
                Optional.ofNullable(checkable).map(Reservation::id), current == null && room.active()
                && !ops.requiresApproval());
    }

    /** Checks in, at the door, to the reservation of {@code roomId} whose check-in window is open now. */
    public Reservation displayCheckIn(String roomId, String token) {
        requireDisplay(roomId, token, Permissions.DisplayAction.CHECK_IN);
        String id = doorState(roomId).checkInId().orElseThrow(() -> new InvalidStateException("checkIn",
                "no reservation of this room can be checked in right now"));
        return checkIn(id, displayUser(roomId));
    }

    /** Books {@code roomId} at its door from now for {@code minutes} (15 or 30), confirmed and checked in. */
    public Reservation displayBookNow(String roomId, String token, int minutes) {
        requireDisplay(roomId, token, Permissions.DisplayAction.BOOK_NOW);
        if (minutes != 15 && minutes != 30) {
            throw new InvalidInputException("minutes", "a door booking lasts 15 or 30 minutes");
        }
        Room room = rooms.findById(roomId).orElseThrow(() -> new RoomNotFoundException(roomId));
        if (!room.active()) {
            throw new InactiveException("roomId", room.name() + " is deactivated and takes no new reservations");
        }
        if (settings(roomId).requiresApproval()) {
            throw new InvalidStateException("roomId", room.name() + " needs an approver's word for every booking; "
                    + "it cannot be booked at the door");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String user = displayUser(roomId);
        Reservation candidate = new Reservation(ids.newId(), roomId, user, new TimeSlot(now,
                now.plus(Duration.ofMinutes(minutes))), "Booked at the door", 1, ReservationStatus.CONFIRMED, now, user,
                null, null, 0, null, now, null, null, null);
        BookingOutcome outcome = reservations.book(candidate);
        if (outcome instanceof BookingOutcome.Booked b) {
            return b.reservation();
        }
        if (outcome instanceof BookingOutcome.Replayed r) {
            return r.existing();
        }
        List<ReservationConflictException.Conflict> conflicts = ((BookingOutcome.Conflict) outcome).conflicts().stream()
                .map(r -> new ReservationConflictException.Conflict(r.id(), r.roomId(), r.slot(), r.status(),
                        Optional.empty()))
                .toList();
        throw new ReservationConflictException(conflicts, dev.reservation.core.domain.Suggestions.none());
    }

    private void requireDisplay(String roomId, String token, Permissions.DisplayAction action) {
        if (token == null || tokens.resolveDisplay(roomId, token).isEmpty() && !legacyDisplay(roomId, token)) {
            throw new PermissionDeniedException("this display is not allowed for this room (no or a wrong display token)");
        }
        if (action != null && !Permissions.displayAllows(roomId, action, roomId)) {
            throw new PermissionDeniedException("a door display may only check in and book its own room");
        }
    }

    /**
     * Compatibility: a display token issued by an older version is not in the API token store, only
     * its hash in the room's settings. It keeps working until the room's token is re-issued or revoked
     * (both clear the hash); then this fallback finds nothing. Remove once no such rooms are left.
     */
    private boolean legacyDisplay(String roomId, String token) {
        RoomOperations ops = settings(roomId);
        return ops.hasLegacyDisplayToken() && DisplayTokens.matches(token, ops.displayTokenHash());
    }

    // ---- the scheduled sweeps ----

    /** Expires the pending requests that started without a decision; returns how many this call expired. */
    public int expirePending() {
        Instant now = clock.instant();
        int done = 0;
        for (Reservation r : reservations.find(ReservationQuery.all().status(ReservationStatus.PENDING)
                .window(now.minus(SWEEP_LOOKBACK), now))) {
            if (r.slot().start().isAfter(now)) {
                continue;
            }
            Optional<Reservation> expired = sweep(r.id(), current -> current.status() == ReservationStatus.PENDING
                    && !current.slot().start().isAfter(now) ? current.ended(ReservationStatus.EXPIRED, now, EXPIRY,
                    "not approved before its start") : null);
            if (expired.isPresent()) {
                done++;
                gate.released(expired.get());
                publish(events, new ReservationEvent(ReservationEvent.Kind.EXPIRED, expired.get(), EXPIRY, now));
            }
        }
        return done;
    }

    /**
     * Releases the confirmed reservations not checked in by the end of their room's check-in window
     * (rooms that opted out keep theirs), while they have not ended; returns how many this call released.
     */
    public int autoRelease() {
        Instant now = clock.instant();
        int done = 0;
        Map<String, RoomOperations> byRoom = new HashMap<>();
        for (Reservation r : reservations.find(ReservationQuery.all().status(ReservationStatus.CONFIRMED)
                .window(now, now.plus(Duration.ofMinutes(1))))) {
            RoomOperations ops = byRoom.computeIfAbsent(r.roomId(), this::settings);
            if (!releasable(r, ops, now)) {
                continue;
            }
            Optional<Reservation> released = sweep(r.id(), current -> releasable(current, ops, now)
                    ? current.ended(ReservationStatus.AUTO_RELEASED, now, AUTO_RELEASE, "not checked in by "
                    + ops.checkInCloses(current.slot().start())) : null);
            if (released.isPresent()) {
                done++;
                gate.released(released.get());
                publish(events, new ReservationEvent(ReservationEvent.Kind.AUTO_RELEASED, released.get(), AUTO_RELEASE,
                        now));
            }
        }
        return done;
    }

    private static boolean releasable(Reservation r, RoomOperations ops, Instant now) {
        return r.isConfirmed() && r.checkedInAt() == null && ops.autoRelease()
                && !now.isBefore(ops.checkInCloses(r.slot().start())) && now.isBefore(r.slot().end());
    }

    /**
     * One sweep step: the change if it still applies to the reservation as read, as one CAS; empty
     * when there was nothing to do, another instance did it first, or the outcome stayed unknown (the
     * next sweep re-reads and finds out).
     */
    private Optional<Reservation> sweep(String id, Function<Reservation, Reservation> change) {
        try {
            Reservation current = reservations.findById(id).orElse(null);
            Reservation next = current == null ? null : change.apply(current);
            if (next == null) {
                return Optional.empty();
            }
            return Optional.of(reservations.transition(current, next));
        } catch (ConcurrentUpdateException e) {
            return Optional.empty(); // someone changed it first (a check-in, another instance's sweep)
        } catch (ReservationException e) {
            LOG.log(System.Logger.Level.INFO, "sweep of reservation " + id + " left for the next run: " + e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Reads, decides ({@code change} returns the next state, null for "nothing to change", or throws
     * why not) and applies it as one CAS, re-reading after a lost race or an unknown outcome. After an
     * unknown outcome, finding exactly the state this call wrote settles it as ours.
     */
    private Reservation change(String id, Function<Reservation, Reservation> change) {
        WriteOutcomeUnknownException unknown = null;
        Reservation attempted = null;
        RuntimeException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Reservation current;
            try {
                current = reservations.findById(id).orElseThrow(() -> new ReservationNotFoundException(id));
            } catch (StoreUnavailableException e) {
                throw unknown == null ? e : unknown;
            }
            if (attempted != null && current.equals(attempted)) {
                return current; // the write whose outcome was unknown landed
            }
            Reservation next = change.apply(current);
            if (next == null) {
                return current;
            }
            try {
                return reservations.transition(current, next);
            } catch (WriteOutcomeUnknownException e) {
                unknown = e;
                attempted = next;
                last = e;
            } catch (ConcurrentUpdateException e) {
                last = e;
            } catch (StoreUnavailableException e) {
                throw unknown == null ? e : unknown;
            }
        }
        throw unknown != null ? unknown : last;
    }

    static void publish(ReservationEvents events, ReservationEvent event) {
        try {
            events.published(event);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "reservation event " + event.kind() + " of " + event.reservation().id()
                    + " not delivered: " + e);
        }
    }
}
