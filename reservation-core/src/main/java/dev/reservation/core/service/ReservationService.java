package dev.reservation.core.service;

import dev.reservation.core.auth.Permissions;
import dev.reservation.core.domain.Actor;
import dev.reservation.core.domain.BeyondBookingHorizonException;
import dev.reservation.core.domain.CapacityExceededException;
import dev.reservation.core.domain.ConcurrentUpdateException;
import dev.reservation.core.domain.IdempotencyKeyReusedException;
import dev.reservation.core.domain.InactiveException;
import dev.reservation.core.domain.InvalidInputException;
import dev.reservation.core.domain.PermissionDeniedException;
import dev.reservation.core.domain.Reservation;
import dev.reservation.core.domain.ReservationConflictException;
import dev.reservation.core.domain.ReservationException;
import dev.reservation.core.domain.ReservationNotFoundException;
import dev.reservation.core.domain.ReservationStatus;
import dev.reservation.core.domain.Room;
import dev.reservation.core.domain.RoomNotFoundException;
import dev.reservation.core.domain.SlotInPastException;
import dev.reservation.core.domain.SlotTooLongException;
import dev.reservation.core.domain.SlotTooShortException;
import dev.reservation.core.domain.StoreUnavailableException;
import dev.reservation.core.domain.TimeSlot;
import dev.reservation.core.domain.User;
import dev.reservation.core.domain.UserNotFoundException;
import dev.reservation.core.domain.WriteOutcomeUnknownException;
import dev.reservation.core.notify.ReservationChangeListener;
import dev.reservation.core.store.BookingOutcome;
import dev.reservation.core.store.ReservationQuery;
import dev.reservation.core.store.ReservationStore;
import dev.reservation.core.store.RoomStore;
import dev.reservation.core.store.UserStore;
import dev.reservation.core.time.TimeText;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Books and cancels reservations. Policy checks happen here; the no-overlap rule is decided
 * atomically by the {@link ReservationStore}, so several processes sharing one store never
 * double-book. Thread-safe (stateless apart from its collaborators).
 */
public final class ReservationService {
    /** How often a write whose outcome is unknown is retried (safely: by id) before giving up. */
    static final int OUTCOME_RESOLUTION_ATTEMPTS = 3;
    private static final int CANCEL_ATTEMPTS = 5;

    private final UserStore users;
    private final RoomStore rooms;
    private final ReservationStore reservations;
    private final RoomSearchService search;
    private final BookingPolicy policy;
    private final Clock clock;
    private final IdGenerator ids;
    private final ReservationChangeListener changes;
    private final BookingGate gate;

    public ReservationService(UserStore users, RoomStore rooms, ReservationStore reservations,
                              RoomSearchService search, BookingPolicy policy, Clock clock, IdGenerator ids) {
        this(users, rooms, reservations, search, policy, clock, ids, ReservationChangeListener.NONE, BookingGate.OPEN);
    }

    /**
     * @param changes told about every booking and cancellation once its outcome is known (the outbox
     *        records it there); see {@link ReservationChangeListener}
     * @param gate decides approvals and quotas ({@link BookingGate})
     */
    public ReservationService(UserStore users, RoomStore rooms, ReservationStore reservations,
                              RoomSearchService search, BookingPolicy policy, Clock clock, IdGenerator ids,
                              ReservationChangeListener changes, BookingGate gate) {
        this.gate = Objects.requireNonNull(gate);
        this.users = Objects.requireNonNull(users);
        this.rooms = Objects.requireNonNull(rooms);
        this.reservations = Objects.requireNonNull(reservations);
        this.search = Objects.requireNonNull(search);
        this.policy = Objects.requireNonNull(policy);
        this.clock = Objects.requireNonNull(clock);
        this.ids = Objects.requireNonNull(ids);
        this.changes = Objects.requireNonNull(changes);
    }

    /** Books a room; see {@link #reserveWithReceipt}. */
    public Reservation reserve(Actor actor, ReserveRequest request) {
        return reserveWithReceipt(actor, request).reservation();
    }

    /**
     * Books a room for a user, as {@code actor}: a MEMBER only for themselves, an ADMIN for anyone.
     * Neither the user nor the room may be deactivated.
     *
     * @throws PermissionDeniedException when the actor may not reserve for that user
     * @throws RoomNotFoundException, UserNotFoundException for unknown ids
     * @throws InactiveException for a deactivated user or room
     * @throws dev.reservation.core.domain.BookingRuleViolationException when the policy refuses the slot
     * @throws ReservationConflictException when confirmed reservations overlap (with suggestions)
     * @throws IdempotencyKeyReusedException when the key was used for a different request
     * @throws WriteOutcomeUnknownException when the store could not tell, after retries and a look-up by
     *         the request's idempotency key, whether it stored it
     */
    public BookingReceipt reserveWithReceipt(Actor actor, ReserveRequest request) {
        BookingReceipt receipt = book(actor, request);
        told(receipt.reservation());
        return receipt;
    }

    /**
     * Tells the listener once the outcome is known, a replay included: its entry is keyed by
     * (id, version, kind), so a retry whose first attempt crashed before telling is recorded now, and
     * one that did tell is not recorded twice. Never fails the call: the change is committed.
     */
    private Reservation told(Reservation r) {
        try {
            changes.changed(r);
        } catch (RuntimeException ignored) {
            // the listener promises not to throw; a broken one must not turn a booking into an error
        }
        return r;
    }

    /**
     * Books one occurrence of a series, for {@code dev.reservation.core.series}: exactly the checks,
     * gate and unknown-outcome handling of {@link #reserveWithReceipt}, but under the given
     * (deterministic) {@code id}, so that two instances booking the same occurrence book it once
     * (the second gets a replay). With {@code held} the occurrence is stored HELD (its slot taken, no
     * booking yet, nobody told) for an all-or-nothing series; {@link #commitHeld} or {@link #abandon}
     * ends that.
     */
    public BookingReceipt reserveOccurrence(Actor actor, ReserveRequest request, String id, boolean held) {
        BookingReceipt receipt = book(actor, request, id, held);
        if (receipt.reservation().status() != ReservationStatus.HELD) {
            told(receipt.reservation());
        }
        return receipt;
    }

    /**
     * Everything {@link #reserveWithReceipt} checks before it books, without booking: permissions,
     * active user and room, the booking policy. For a series' preview and its up-front check.
     *
     * @return the room
     */
    public Room checkBookable(Actor actor, ReserveRequest request) {
        Permissions.require(actor, Permissions.Operation.RESERVE, request.userId());
        Room room = rooms.findById(request.roomId()).orElseThrow(() -> new RoomNotFoundException(request.roomId()));
        User user = users.findById(request.userId()).orElseThrow(() -> new UserNotFoundException(request.userId()));
        checkActive(user, room);
        checkPolicy(room, request.slot(), request.attendees(), clock.instant());
        return room;
    }

    /**
     * The booking policy alone (past, length, horizon, capacity) for a slot in {@code room}, no reads:
     * for the further days of a series once {@link #checkBookable} passed for its first.
     */
    public void checkSlot(Room room, TimeSlot slot, int attendees) {
        checkPolicy(room, slot, attendees, clock.instant());
    }

    /**
     * {@link #commitHeld(String, ReservationStatus)} for an occurrence as its booker holds it: one
     * compare-and-set without reading it first; anything unexpected falls back to the re-reading form.
     */
    public Reservation commitHeld(Reservation held, ReservationStatus target) {
        if (held.status() == ReservationStatus.HELD) {
            try {
                return told(reservations.transition(held, held.committed(target)));
            } catch (ConcurrentUpdateException | WriteOutcomeUnknownException e) {
                // re-read below
            }
        }
        return commitHeld(held.id(), target);
    }

    /** What a booking by {@code actor} in {@code room} would be stored as: CONFIRMED, or PENDING awaiting approval. */
    public ReservationStatus admittedStatus(Actor actor, Room room) {
        return gate.admittedStatus(actor, room);
    }

    /**
     * A HELD occurrence becomes {@code target} (CONFIRMED or PENDING) as its series commits, and only now
     * is it announced. Idempotent: an occurrence already committed (or ended) is returned as stored.
     */
    public Reservation commitHeld(String id, ReservationStatus target) {
        for (int attempt = 0; attempt < CANCEL_ATTEMPTS; attempt++) {
            Reservation current = reservations.findById(id).orElseThrow(() -> new ReservationNotFoundException(id));
            if (current.status() != ReservationStatus.HELD) {
                return current;
            }
            try {
                return told(reservations.transition(current, current.committed(target)));
            } catch (ConcurrentUpdateException | WriteOutcomeUnknownException e) {
                // re-read: our own write may have landed
            }
        }
        throw new WriteOutcomeUnknownException("could not confirm whether occurrence " + id + " was committed; "
                + "its series will be completed by the series sweeper", null, id, null);
    }

    /**
     * Settles occurrence {@code id} for a series being rolled back: its id is fenced so a booking of it
     * still in flight can never land ({@link ReservationStore#settle}); a HELD one found is cancelled
     * (never announced: it was never a booking) and what it reserved given back. Idempotent.
     *
     * @return the occurrence as it now is, or empty when none was ever stored
     * @throws WriteOutcomeUnknownException when its fate cannot be settled now
     */
    public Optional<Reservation> abandon(String id, String roomId, String by) {
        for (int attempt = 0; attempt < CANCEL_ATTEMPTS; attempt++) {
            Optional<Reservation> fate = reservations.settle(id, roomId);
            if (fate.isEmpty() || fate.get().status() != ReservationStatus.HELD) {
                fate.filter(r -> !r.holdsRoom()).ifPresent(gate::released);
                return fate;
            }
            Reservation held = fate.get();
            try {
                Reservation ended = reservations.transition(held, held.ended(ReservationStatus.CANCELLED,
                        clock.instant(), by, "its series was not booked"));
                gate.released(ended);
                return Optional.of(ended);
            } catch (ConcurrentUpdateException | WriteOutcomeUnknownException e) {
                // re-read
            }
        }
        throw new WriteOutcomeUnknownException("could not settle occurrence " + id + " of a series being rolled back",
                null, id, null);
    }

    private BookingReceipt book(Actor actor, ReserveRequest request) {
        return book(actor, request, null, false);
    }

    private void checkActive(User user, Room room) {
        if (!user.active()) {
            throw new InactiveException("userId", user.name() + "'s account is deactivated; they cannot be booked for");
        }
        if (!room.active()) {
            throw new InactiveException("roomId", room.name() + " is deactivated and takes no new reservations");
        }
    }

    private BookingReceipt book(Actor actor, ReserveRequest request, String fixedId, boolean held) {
        Permissions.require(actor, Permissions.Operation.RESERVE, request.userId());
        Optional<Reservation> earlier = request.keyIsNew() ? Optional.empty()
                : request.idempotencyKey().flatMap(k -> reservations.findByIdempotencyKey(actor.userId(), k));
        Room room = rooms.findById(request.roomId()).orElseThrow(() -> new RoomNotFoundException(request.roomId()));
        User user = users.findById(request.userId()).orElseThrow(() -> new UserNotFoundException(request.userId()));
        Instant now = clock.instant();
        Reservation candidate = Reservation.confirmed(fixedId == null ? ids.newId() : fixedId, room.id(),
                request.userId(), request.slot(), request.title(), request.attendees(), now, actor.userId(),
                request.idempotencyKey().orElse(null));
        if (earlier.isPresent()) {
            return replay(candidate, earlier.get());
        }
        checkActive(user, room);
        checkPolicy(room, request.slot(), request.attendees(), now);
        BookingGate.Admission admission = gate.admit(actor, room, candidate);
        candidate = held ? admission.candidate().asHeld() : admission.candidate();
        BookingOutcome outcome;
        try {
            outcome = bookResolvingUnknownOutcome(candidate);
        } catch (WriteOutcomeUnknownException unknown) {
            return settledByKey(candidate, unknown); // what was reserved stays until the outcome is settled
        } catch (StoreUnavailableException certainlyNot) {
            admission.refused();
            throw certainlyNot;
        }
        if (outcome instanceof BookingOutcome.Booked booked) {
            admission.booked(booked.reservation());
            return new BookingReceipt(booked.reservation(), false);
        }
        if (outcome instanceof BookingOutcome.Replayed replayed) {
            if (replayed.existing().id().equals(candidate.id())) {
                admission.booked(replayed.existing());
            } else {
                admission.refused(); // another reservation answers: this candidate was never stored
            }
            return replay(candidate, replayed.existing());
        }
        admission.refused();
        List<ReservationConflictException.Conflict> conflicts = ((BookingOutcome.Conflict) outcome).conflicts().stream()
                .map(r -> ReservationView.of(r, actor))
                .map(v -> new ReservationConflictException.Conflict(v.id(), v.roomId(), v.slot(), v.status(), v.details()))
                .toList();
        throw new ReservationConflictException(conflicts,
                search.suggestionsFor(room, request.slot(), request.attendees()),
                room.name() + " is already booked then: " + conflicts.stream()
                        .map(c -> c.id() + " at " + TimeText.slot(c.slot(), room.zone()))
                        .collect(Collectors.joining("; ")));
    }

    /**
     * A store that cannot tell whether it applied a booking is asked again with the SAME candidate:
     * the store returns {@code Replayed} when the first attempt did land, so retrying never books twice.
     */
    private BookingOutcome bookResolvingUnknownOutcome(Reservation candidate) {
        WriteOutcomeUnknownException last = null;
        for (int attempt = 0; attempt < OUTCOME_RESOLUTION_ATTEMPTS; attempt++) {
            try {
                BookingOutcome outcome = reservations.book(candidate);
                if (last != null && outcome instanceof BookingOutcome.Replayed replayed
                        && replayed.existing().id().equals(candidate.id())) {
                    return new BookingOutcome.Booked(replayed.existing());
                }
                return outcome;
            } catch (WriteOutcomeUnknownException e) {
                last = e;
            } catch (StoreUnavailableException e) {
                if (last == null) {
                    throw e; // nothing was sent before: certainly not applied
                }
                // an earlier attempt may have landed; "unavailable" now says nothing about it
                throw new WriteOutcomeUnknownException("could not confirm whether reservation " + candidate.id()
                        + " was stored (the store became unavailable while checking); look it up by that id before "
                        + "booking again", e, candidate.id(), candidate.idempotencyKey());
            }
        }
        throw new WriteOutcomeUnknownException("could not confirm whether reservation " + candidate.id()
                + " was stored; look it up by that id before booking again", last, candidate.id(),
                candidate.idempotencyKey());
    }

    /**
     * The last word on a booking whose outcome stayed unknown: a reservation stored under the
     * request's idempotency key settles it (made by this request if it carries this candidate's id,
     * else by an earlier one: a replay). With no key, no such reservation, or a store that still does
     * not answer, the outcome stays unknown. The one place web, API and CLI resolve it.
     */
    private BookingReceipt settledByKey(Reservation candidate, WriteOutcomeUnknownException unknown) {
        if (candidate.idempotencyKey() == null) {
            throw unknown;
        }
        Optional<Reservation> stored;
        try {
            stored = reservations.findByIdempotencyKey(candidate.createdBy(), candidate.idempotencyKey());
        } catch (ReservationException stillUnclear) {
            unknown.addSuppressed(stillUnclear);
            throw unknown;
        }
        Reservation found = stored.orElseThrow(() -> unknown);
        return found.id().equals(candidate.id()) ? new BookingReceipt(found, false) : replay(candidate, found);
    }

    private static BookingReceipt replay(Reservation candidate, Reservation existing) {
        if (!existing.sameRequestAs(candidate)) {
            throw new IdempotencyKeyReusedException(candidate.idempotencyKey(), existing);
        }
        return new BookingReceipt(existing, true);
    }

    private void checkPolicy(Room room, TimeSlot slot, int attendees, Instant now) {
        if (slot.start().isBefore(now)) {
            throw new SlotInPastException("the slot starts " + TimeText.moment(slot.start(), room.zone())
                    + ", which is in the past (now " + TimeText.moment(now, room.zone()) + "); pick a later start");
        }
        if (slot.duration().compareTo(policy.minDuration()) < 0) {
            throw new SlotTooShortException("a reservation must last at least " + policy.minDuration().toMinutes()
                    + " minutes; this one lasts " + describe(slot));
        }
        if (slot.duration().compareTo(policy.maxDuration()) > 0) {
            throw new SlotTooLongException("a reservation may last at most " + policy.maxDuration().toHours()
                    + " hours; this one lasts " + describe(slot));
        }
        Instant horizon = now.plus(policy.horizon());
        if (slot.end().isAfter(horizon)) {
            throw new BeyondBookingHorizonException("reservations can be made at most " + policy.horizon().toDays()
                    + " days ahead (until " + TimeText.moment(horizon, room.zone()) + "); this one ends "
                    + TimeText.moment(slot.end(), room.zone()));
        }
        if (attendees > room.capacity()) {
            throw new CapacityExceededException(room.name() + " seats " + room.capacity() + "; "
                    + attendees + " attendees do not fit");
        }
    }

    private static String describe(TimeSlot slot) {
        long minutes = slot.duration().toMinutes();
        if (minutes < 1) {
            return slot.duration().toMillis() + " ms";
        }
        if (minutes < 120) {
            return minutes + (minutes == 1 ? " minute" : " minutes");
        }
        return minutes / 60 + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min");
    }

    /**
     * Cancels a reservation (confirmed, or a pending request withdrawn). Only its owner or an ADMIN
     * may; cancelling a reservation in a final status returns it unchanged. Nothing is deleted. A cancellation whose write may have landed is re-read
     * and retried; if it still cannot be told, the answer is {@link WriteOutcomeUnknownException}, never
     * a "nothing changed" failure.
     *
     * @throws ConcurrentUpdateException when someone else changed it meanwhile (only while no attempt
     *         of this call had an unknown outcome)
     * @throws StoreUnavailableException when nothing was changed (likewise)
     * @throws WriteOutcomeUnknownException when it could not be told whether this call cancelled it
     */
    public Reservation cancel(Actor actor, String reservationId) {
        Objects.requireNonNull(actor, "actor");
        RuntimeException last = null;
        WriteOutcomeUnknownException unknown = null;
        for (int attempt = 0; attempt < CANCEL_ATTEMPTS; attempt++) {
            Reservation current;
            try {
                current = reservations.findById(reservationId)
                        .orElseThrow(() -> new ReservationNotFoundException(reservationId));
            } catch (StoreUnavailableException e) {
                throw unknown == null ? e : cancelUnknown(reservationId, e);
            }
            if (!Permissions.allowed(actor, Permissions.Operation.CANCEL, current.userId())) {
                throw new PermissionDeniedException("only the person who booked reservation " + reservationId
                        + " or an admin may cancel it");
            }
            if (!current.holdsRoom()) {
                gate.released(current); // idempotent: repairs a give-back a crash may have missed
                return told(current);
            }
            try {
                Reservation cancelled = reservations.cancel(reservationId, current.version(), clock.instant(),
                        actor.userId());
                gate.released(cancelled);
                return told(cancelled);
            } catch (WriteOutcomeUnknownException e) {
                unknown = e; // our own write may have landed: re-read
                last = e;
            } catch (ConcurrentUpdateException e) {
                last = e; // someone changed it since we read it, or our own earlier write landed: re-read
            } catch (StoreUnavailableException e) {
                throw unknown == null ? e : cancelUnknown(reservationId, e);
            }
        }
        // After an attempt whose outcome was unknown, a version that moved on may be our own cancellation:
        // "someone else changed it" or "unavailable, nothing changed" would be promises we cannot keep.
        throw unknown == null ? last : cancelUnknown(reservationId, last);
    }

    private static WriteOutcomeUnknownException cancelUnknown(String reservationId, RuntimeException cause) {
        return new WriteOutcomeUnknownException("could not confirm whether reservation " + reservationId
                + " was cancelled (an earlier attempt may have landed); look it up before cancelling again", cause,
                reservationId, null);
    }

    /** One reservation as {@code actor} may see it (others' only as a busy slot for a MEMBER). */
    public ReservationView get(Actor actor, String reservationId) {
        return reservations.findById(reservationId).map(r -> ReservationView.of(r, actor))
                .orElseThrow(() -> new ReservationNotFoundException(reservationId));
    }

    /** The reservation {@code actor}'s earlier booking with this idempotency key made (keys are per acting user). */
    public Optional<ReservationView> findByIdempotencyKey(Actor actor, String key) {
        return reservations.findByIdempotencyKey(actor.userId(), key).map(r -> ReservationView.of(r, actor));
    }

    /**
     * The reservations matching the query, as {@code actor} may see them. A MEMBER may filter by
     * user only for themselves: filtering by someone else would tell whose the busy slots are; and
     * sees other people's cancelled reservations only when the query asks for a status.
     */
    public List<ReservationView> find(Actor actor, ReservationQuery query) {
        if (query.userId().isPresent() && !Permissions.allowed(actor, Permissions.Operation.SEE_DETAILS,
                query.userId().get())) {
            throw new PermissionDeniedException("a member may list reservations by user only for themselves");
        }
        if (actor.isAdmin() || query.status().isPresent() || query.userId().isPresent()) {
            return views(actor, reservations.find(query));
        }
        // Someone else's cancelled booking is no busy slot: without a status a member gets the
        // confirmed ones and their own cancelled ones. Two queries, not a filter after the store's
        // limit, so that a full page still means there may be more.
        List<Reservation> confirmed = reservations.find(query.status(ReservationStatus.CONFIRMED));
        List<Reservation> ownCancelled = reservations.find(query.user(actor.userId())
                .status(ReservationStatus.CANCELLED));
        List<Reservation> merged = Stream.concat(confirmed.stream(), ownCancelled.stream())
                .sorted(Comparator.comparing((Reservation r) -> r.slot().start()).thenComparing(Reservation::id))
                .limit(query.limit())
                .toList();
        return views(actor, merged);
    }

    /** Reservations of a room that overlap {@code [from, to)}, any status. */
    public List<ReservationView> forRoom(Actor actor, String roomId, Instant from, Instant to) {
        return find(actor, ReservationQuery.all().room(roomId).window(from, to));
    }

    /** Reservations of a user that overlap {@code [from, to)}, any status. */
    public List<ReservationView> forUser(Actor actor, String userId, Instant from, Instant to) {
        return find(actor, ReservationQuery.all().user(userId).window(from, to));
    }

    private static List<ReservationView> views(Actor actor, List<Reservation> found) {
        return found.stream().map(r -> ReservationView.of(r, actor)).toList();
    }

    /**
     * A room's confirmed reservations over {@code days} whole days from {@code firstDay}, days
     * counted in the room's own time zone, as {@code actor} may see them.
     */
    public RoomSchedule schedule(Actor actor, String roomId, LocalDate firstDay, int days) {
        if (days < 1 || days > 31) {
            throw new InvalidInputException("days", "a schedule covers 1 to 31 days");
        }
        Room room = rooms.findById(roomId).orElseThrow(() -> new RoomNotFoundException(roomId));
        TimeSlot window = new TimeSlot(firstDay.atStartOfDay(room.zone()).toInstant(),
                firstDay.plusDays(days).atStartOfDay(room.zone()).toInstant());
        List<Reservation> booked = reservations.find(
                ReservationQuery.all().room(roomId).holdingOnly().window(window.start(), window.end()));
        return new RoomSchedule(room, firstDay, days, window, views(actor, booked));
    }

    public BookingPolicy policy() {
        return policy;
    }
}
