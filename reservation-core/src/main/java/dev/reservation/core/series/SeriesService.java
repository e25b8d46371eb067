package dev.reservation.core.series;

import dev.reservation.core.auth.Permissions;
import dev.reservation.core.domain.Actor;
import dev.reservation.core.domain.BookingRuleViolationException;
import dev.reservation.core.domain.ConcurrentUpdateException;
import dev.reservation.core.domain.IdempotencyKeyReusedException;
import dev.reservation.core.domain.InvalidInputException;
import dev.reservation.core.domain.InvalidStateException;
import dev.reservation.core.domain.PermissionDeniedException;
import dev.reservation.core.domain.Reservation;
import dev.reservation.core.domain.ReservationConflictException;
import dev.reservation.core.domain.ReservationException;
import dev.reservation.core.domain.ReservationStatus;
import dev.reservation.core.domain.Room;
import dev.reservation.core.domain.RoomNotFoundException;
import dev.reservation.core.domain.SeriesNotFoundException;
import dev.reservation.core.domain.StoreUnavailableException;
import dev.reservation.core.domain.Suggestions;
import dev.reservation.core.domain.TimeSlot;
import dev.reservation.core.domain.User;
import dev.reservation.core.domain.UserNotFoundException;
import dev.reservation.core.domain.WriteOutcomeUnknownException;
import dev.reservation.core.service.IdGenerator;
import dev.reservation.core.service.ReservationService;
import dev.reservation.core.service.ReservationView;
import dev.reservation.core.service.ReserveRequest;
import dev.reservation.core.store.ReservationQuery;
import dev.reservation.core.store.ReservationStore;
import dev.reservation.core.store.RoomStore;
import dev.reservation.core.store.UserStore;
import dev.reservation.core.time.LocalTimes;
import dev.reservation.core.time.TimeText;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Recurring reservations. Every occurrence is an ordinary reservation booked through
 * {@link ReservationService#reserveOccurrence} (the same permissions, booking policy, approval and
 * quota gate, conflict rule and unknown-outcome handling as a single booking), under an id and a key
 * derived from the series id and its day, so two app instances booking the same occurrence book it
 * once. No new store mechanism keeps occurrences apart: their claims do.
 *
 * <h2>All-or-nothing across a crash</h2>
 * The series document is written first, in state BOOKING; each occurrence is then booked HELD
 * (holding its slot, shown as nobody's confirmed booking, announced to nobody). The decision is one
 * compare-and-set of the series document out of BOOKING: to COMMITTING (every occurrence is held; the
 * HELD ones then become CONFIRMED, or PENDING where the room needs approval, and the series ACTIVE) or
 * to ROLLING_BACK (a clash, a refusal, or a booker that went quiet for longer than the sweeper's grace;
 * every occurrence id is then fenced with {@link ReservationStore#settle}, so that a booking of it still
 * in flight can never land, and what was held is cancelled, then the series is ROLLED_BACK). Whoever
 * loses that compare-and-set (the booker, or {@link #sweep}) follows the state it finds, so a series is
 * never half confirmed and half rolled back: before the decision no occurrence is CONFIRMED; after it,
 * only the decided direction is ever taken, and {@link #sweep} finishes it if its driver died.
 *
 * <h2>Skip conflicts, open-ended series</h2>
 * A skip-conflicts series is ACTIVE at once and is booked by {@link #materialise}: each day after
 * {@code materialisedThrough} is booked or recorded as skipped (with the reason), then
 * {@code materialisedThrough} moves on by compare-and-set. A crash half-way leaves booked occurrences
 * that are bookings in their own right; the next run (a retry with the same key, or {@link #extend},
 * which also carries every open-ended series along as the booking horizon moves) books the rest, the
 * ones already there coming back as replays. An all-or-nothing series is all-or-nothing for the days
 * within the horizon when it was booked; later days are added as skip-conflicts days.
 *
 * <p>Failures keep the store's distinction up to the caller: a refusal or
 * {@link StoreUnavailableException} means nothing of the series is booked; a
 * {@link WriteOutcomeUnknownException} names the series and its key: retrying with that key resumes it
 * (or reports how it ended). Thread-safe (stateless apart from its collaborators).
 */
public final class SeriesService {
    /** Who the sweeper and the extension job act as in the audit trail. */
    public static final String SWEEPER = "system:series-sweeper";
    /** How many days a series' page lists beyond what is booked. */
    static final int LATER_SHOWN = 10;
    private static final int CAS_ATTEMPTS = 8;

    private final ReservationService bookings;
    private final ReservationStore reservations;
    private final SeriesStore store;
    private final RoomStore rooms;
    private final UserStore users;
    private final Clock clock;
    private final IdGenerator ids;

    public SeriesService(ReservationService bookings, ReservationStore reservations, SeriesStore store, RoomStore rooms,
                         UserStore users, Clock clock, IdGenerator ids) {
        this.bookings = Objects.requireNonNull(bookings);
        this.reservations = Objects.requireNonNull(reservations);
        this.store = Objects.requireNonNull(store);
        this.rooms = Objects.requireNonNull(rooms);
        this.users = Objects.requireNonNull(users);
        this.clock = Objects.requireNonNull(clock);
        this.ids = Objects.requireNonNull(ids);
    }

    // ---- planning ----

    /** One planned day: its slot, or why its local time cannot be used. */
    private record Planned(LocalDate day, TimeSlot slot, String notATime) {
    }

    /** The days of {@code s}'s rule in {@code [from, through]}, without left-out days, each with its slot in the zone. */
    private static List<Planned> plan(Series s, LocalDate from, LocalDate through) {
        return plan(s, from, through, false);
    }

    /**
     * {@link #plan(Series, LocalDate, LocalDate)}, with {@code withExcluded} also the left-out days and
     * those after a "this and all following" cancellation (for the record of a series' page).
     */
    private static List<Planned> plan(Series s, LocalDate from, LocalDate through, boolean withExcluded) {
        LocalDate last = (withExcluded ? s.recurrence().untilDay() : s.lastPossibleDay())
                .filter(d -> d.isBefore(through)).orElse(through);
        List<Planned> out = new ArrayList<>();
        for (LocalDate day : s.recurrence().dates(s.firstDay(), s.startTime(), from, last)) {
            if (!withExcluded && s.exdates().contains(day)) {
                continue;
            }
            out.add(placed(s, day));
        }
        return out;
    }

    /** The slot of {@code s}'s occurrence on {@code day}, under the zone's rules: a gap or an overlap is reported, never shifted. */
    private static Planned placed(Series s, LocalDate day) {
        LocalDateTime local = day.atTime(s.startTime());
        List<ZoneOffset> offsets = LocalTimes.offsets(local, s.zone());
        if (offsets.size() != 1) {
            try {
                LocalTimes.resolve("repeat", local, s.zone());
                throw new IllegalStateException("a time with " + offsets.size() + " offsets resolved");
            } catch (InvalidInputException e) {
                return new Planned(day, null, e.getMessage());
            }
        }
        Instant start = local.toInstant(offsets.get(0));
        return new Planned(day, TimeSlot.of(start, Duration.ofMinutes(s.durationMinutes())), null);
    }

    /** The last day whose occurrence ends within the booking horizon (from now). */
    private LocalDate horizonDay(Series s) {
        Instant horizon = clock.instant().plus(bookings.policy().horizon());
        LocalDate day = LocalDate.ofInstant(horizon, s.zone());
        for (int i = 0; i < 3; i++) {
            Instant end = day.atTime(s.startTime()).atZone(s.zone()).toInstant().plus(Duration.ofMinutes(s.durationMinutes()));
            if (!end.isAfter(horizon)) {
                return day;
            }
            day = day.minusDays(1);
        }
        return day;
    }

    private ReserveRequest occurrenceRequest(Series s, LocalDate day, TimeSlot slot) {
        return new ReserveRequest(s.roomId(), s.userId(), slot, s.title(), s.attendees(),
                Optional.of(s.occurrenceKey(day)));
    }

    /** A series-shaped draft of a request, not stored: the planning works on series alone. */
    private Series draft(Actor actor, SeriesRequest r, Room room, String id, SeriesState state, ReservationStatus commitAs,
                         LocalDate materialisedThrough) {
        Instant now = clock.instant();
        return new Series(id, r.roomId(), r.userId(), actor.userId(), r.title().strip(), r.attendees(), r.firstDay(),
                r.startTime(), r.durationMinutes(), room.zone(), r.rule(), r.exdates(), r.mode(), state, commitAs,
                materialisedThrough, null, new TreeMap<>(), new TreeMap<>(), now, now, null, null, 0,
                r.idempotencyKey().orElse(null));
    }

    // ---- preview ----

    /**
     * The days a request would book, each FREE, CLASH (naming what it clashes with), NOT_A_TIME (a
     * daylight-saving gap or overlap: reported, never shifted), REFUSED (the policy's reason) or LATER
     * (beyond the booking horizon: booked as it moves). Books nothing.
     */
    public SeriesView preview(Actor actor, SeriesRequest request) {
        Permissions.require(actor, Permissions.Operation.RESERVE, request.userId());
        Room room = rooms.findById(request.roomId()).orElseThrow(() -> new RoomNotFoundException(request.roomId()));
        users.findById(request.userId()).orElseThrow(() -> new UserNotFoundException(request.userId()));
        Series s = draft(actor, request, room, "preview", SeriesState.BOOKING, ReservationStatus.CONFIRMED, null);
        LocalDate through = horizonDay(s);
        List<Occurrence> out = new ArrayList<>(checked(actor, s, plan(s, s.firstDay(), through)).values());
        out.addAll(later(s, through));
        return new SeriesView(s, out, false);
    }

    /** Each planned day judged as a booking would judge it, without booking: FREE, CLASH, NOT_A_TIME or REFUSED. */
    private Map<LocalDate, Occurrence> checked(Actor actor, Series s, List<Planned> planned) {
        Map<LocalDate, Occurrence> out = new LinkedHashMap<>();
        List<TimeSlot> slots = planned.stream().map(Planned::slot).filter(Objects::nonNull).toList();
        Map<TimeSlot, List<Reservation>> clashes = clashes(s.roomId(), slots);
        Room room = null;
        for (Planned p : planned) {
            if (p.slot() == null) {
                out.put(p.day(), Occurrence.of(p.day(), null, Occurrence.Kind.NOT_A_TIME, p.notATime()));
                continue;
            }
            try {
                if (room == null) { // permissions, user and room once; the policy for every day
                    room = bookings.checkBookable(actor, occurrenceRequest(s, p.day(), p.slot()));
                } else {
                    bookings.checkSlot(room, p.slot(), s.attendees());
                }
            } catch (BookingRuleViolationException refused) {
                out.put(p.day(), Occurrence.of(p.day(), p.slot(), Occurrence.Kind.REFUSED, refused.getMessage()));
                continue;
            }
            List<Reservation> against = clashes.getOrDefault(p.slot(), List.of());
            if (against.isEmpty()) {
                out.put(p.day(), Occurrence.of(p.day(), p.slot(), Occurrence.Kind.FREE, null));
            } else {
                out.put(p.day(), new Occurrence(p.day(), Optional.of(p.slot()), Occurrence.Kind.CLASH, Optional.empty(),
                        Optional.empty(), Optional.of("clashes with " + against.size() + " reservation"
                        + (against.size() == 1 ? "" : "s")), against.stream().map(Reservation::id).toList()));
            }
        }
        return out;
    }

    /** The reservations holding the room that overlap each slot: one windowed query, room by slot only if it was cut. */
    private Map<TimeSlot, List<Reservation>> clashes(String roomId, List<TimeSlot> slots) {
        Map<TimeSlot, List<Reservation>> out = new LinkedHashMap<>();
        if (slots.isEmpty()) {
            return out;
        }
        Instant from = slots.stream().map(TimeSlot::start).min(Instant::compareTo).orElseThrow();
        Instant to = slots.stream().map(TimeSlot::end).max(Instant::compareTo).orElseThrow();
        List<Reservation> holding = reservations.find(ReservationQuery.all().room(roomId).holdingOnly().window(from, to)
                .limit(ReservationQuery.MAX_LIMIT));
        boolean cut = holding.size() == ReservationQuery.MAX_LIMIT;
        for (TimeSlot slot : slots) {
            List<Reservation> these = cut
                    ? reservations.find(ReservationQuery.all().room(roomId).holdingOnly().window(slot.start(), slot.end()))
                    : holding.stream().filter(r -> r.slot().overlaps(slot)).toList();
            if (!these.isEmpty()) {
                out.put(slot, these);
            }
        }
        return out;
    }

    private static List<Occurrence> later(Series s, LocalDate after) {
        if (s.state().isFinal()) {
            return List.of();
        }
        LocalDate window = after.plusDays(400);
        LocalDate until = s.lastPossibleDay().filter(d -> d.isBefore(window)).orElse(window);
        List<Occurrence> out = new ArrayList<>();
        for (Planned p : plan(s, after.plusDays(1), until)) {
            if (out.size() == LATER_SHOWN) {
                break;
            }
            out.add(Occurrence.of(p.day(), p.slot(), Occurrence.Kind.LATER, p.notATime()));
        }
        return out;
    }

    // ---- booking ----

    /**
     * Books a series, as {@code actor} (a MEMBER only for themselves). ALL_OR_NOTHING books nothing if
     * any occurrence within the horizon clashes, is refused, or falls in a daylight-saving gap or
     * overlap; SKIP_CONFLICTS books the rest and reports those. With an idempotency key, a retry
     * returns (and if need be finishes) the series the first call made.
     *
     * @throws ReservationConflictException (all-or-nothing) naming every clashing occurrence; nothing booked
     * @throws InvalidInputException for a bad rule, a rule with no day, or (all-or-nothing) refused or non-existent times; nothing booked
     * @throws StoreUnavailableException nothing of the series was booked
     * @throws WriteOutcomeUnknownException the series (named, with its key) may be partly done; retry with the key
     */
    public SeriesView book(Actor actor, SeriesRequest request) {
        Permissions.require(actor, Permissions.Operation.RESERVE, request.userId());
        Room room = rooms.findById(request.roomId()).orElseThrow(() -> new RoomNotFoundException(request.roomId()));
        User user = users.findById(request.userId()).orElseThrow(() -> new UserNotFoundException(request.userId()));
        if (!user.active()) { // said once for the series, not as a skipped reason on every day
            throw new dev.reservation.core.domain.InactiveException("userId", user.name()
                    + "'s account is deactivated; they cannot be booked for");
        }
        if (!room.active()) {
            throw new dev.reservation.core.domain.InactiveException("roomId", room.name()
                    + " is deactivated and takes no new reservations");
        }
        boolean allOrNothing = request.mode() == SeriesMode.ALL_OR_NOTHING;
        Series probe = draft(actor, request, room, ids.newId(), allOrNothing ? SeriesState.BOOKING : SeriesState.ACTIVE,
                bookings.admittedStatus(actor, room), null);
        if (request.idempotencyKey().isPresent()) {
            Optional<Series> earlier = store.findByIdempotencyKey(actor.userId(), request.idempotencyKey().get());
            if (earlier.isPresent()) {
                return resume(actor, probe, earlier.get());
            }
        }
        LocalDate through = horizonDay(probe);
        List<Planned> planned = plan(probe, probe.firstDay(), through);
        if (planned.isEmpty()) {
            throw new InvalidInputException("repeat", "the rule places no occurrence from " + probe.firstDay()
                    + " within the booking horizon (" + through + "); check the first day, BYDAY and UNTIL");
        }
        if (allOrNothing) {
            refuseUnbookable(actor, room, checked(actor, probe, planned));
            probe = new Series(probe.id(), probe.roomId(), probe.userId(), probe.createdBy(), probe.title(),
                    probe.attendees(), probe.firstDay(), probe.startTime(), probe.durationMinutes(), probe.zone(),
                    probe.rule(), probe.exdates(), probe.mode(), probe.state(), probe.commitAs(),
                    planned.get(planned.size() - 1).day(), null, null, null, probe.createdAt(), probe.updatedAt(),
                    null, null, 0, probe.idempotencyKey());
        }
        Series stored;
        try {
            stored = store.create(probe);
        } catch (WriteOutcomeUnknownException unknown) {
            throw new WriteOutcomeUnknownException("could not confirm whether series " + probe.id() + " was saved; "
                    + "nothing of it is booked yet; retry with the same idempotency key", unknown, probe.id(),
                    probe.idempotencyKey());
        }
        if (!stored.id().equals(probe.id())) {
            return resume(actor, probe, stored); // another request with the key won the race
        }
        return drive(actor, stored, false);
    }

    private void refuseUnbookable(Actor actor, Room room, Map<LocalDate, Occurrence> checked) {
        List<Occurrence> bad = checked.values().stream()
                .filter(o -> o.kind() == Occurrence.Kind.NOT_A_TIME || o.kind() == Occurrence.Kind.REFUSED).toList();
        if (!bad.isEmpty()) {
            throw new InvalidInputException("repeat", bad.size() + " of " + checked.size() + " occurrences cannot be "
                    + "booked, so none is (all or nothing): " + bad.stream().map(o -> o.day() + ": " + o.note().orElse(""))
                    .collect(Collectors.joining("; ")) + ". Leave those days out (EXDATE) or skip conflicts");
        }
        List<Occurrence> clashing = checked.values().stream().filter(o -> o.kind() == Occurrence.Kind.CLASH).toList();
        if (!clashing.isEmpty()) {
            throw seriesConflict(actor, room, clashing.size(), checked.size(), clashing.stream()
                    .flatMap(o -> o.clashesWith().stream()).distinct()
                    .map(id -> reservations.findById(id).orElse(null)).filter(Objects::nonNull).toList());
        }
    }

    private static ReservationConflictException seriesConflict(Actor actor, Room room, int clashing, int of,
                                                               List<Reservation> against) {
        List<ReservationConflictException.Conflict> conflicts = against.stream()
                .map(r -> ReservationView.of(r, actor))
                .map(v -> new ReservationConflictException.Conflict(v.id(), v.roomId(), v.slot(), v.status(), v.details()))
                .toList();
        return new ReservationConflictException(conflicts, Suggestions.none(), room.name() + " is already booked on "
                + clashing + " of the " + of + " occurrences, so none of them is booked (all or nothing): " + conflicts.stream()
                .map(c -> c.id() + " at " + TimeText.slot(c.slot(), room.zone())).collect(Collectors.joining("; ")));
    }

    /** An earlier request's series found under the key: the same request resumes it, another is refused. */
    private SeriesView resume(Actor actor, Series asked, Series earlier) {
        if (!earlier.sameRequestAs(asked)) {
            throw new IdempotencyKeyReusedException(asked.idempotencyKey(), "series", earlier.id());
        }
        SeriesView view = drive(actor, earlier, true);
        return new SeriesView(view.series(), view.occurrences(), true);
    }

    /** Takes a stored series on from the state it is in, as far as this call can. */
    private SeriesView drive(Actor actor, Series s, boolean replay) {
        switch (s.state()) {
            case BOOKING -> s = bookHeld(actor, s);
            case COMMITTING -> s = commit(s);
            case ROLLING_BACK, ROLLED_BACK -> {
                rollBack(s);
                throw new InvalidStateException("idempotencyKey", "series " + s.id() + " was not booked (one of its "
                        + "occurrences could not be, or its booking was abandoned); nothing of it is booked. Send a new "
                        + "idempotency key to try again");
            }
            case ACTIVE -> s = materialise(actor, s, horizonDay(s), true);
            case CANCELLED -> {
            }
        }
        return view(s, replay);
    }

    /** All-or-nothing: hold every occurrence, then decide. */
    private Series bookHeld(Actor actor, Series s) {
        Room room = rooms.findById(s.roomId()).orElseThrow(() -> new RoomNotFoundException(s.roomId()));
        List<Planned> planned = plan(s, s.firstDay(), s.materialisedThrough());
        ReservationException failure = null;
        Map<LocalDate, Reservation> held = new LinkedHashMap<>();
        List<Reservation> clashed = new ArrayList<>();
        int clashing = 0;
        for (Planned p : planned) {
            if (p.slot() == null) {
                failure = new InvalidInputException("repeat", p.day() + ": " + p.notATime());
                break;
            }
            try {
                held.put(p.day(), bookings.reserveOccurrence(actor, occurrenceRequest(s, p.day(), p.slot()),
                        s.occurrenceId(p.day()), true).reservation());
            } catch (ReservationConflictException conflict) {
                clashing++;
                conflict.conflicts().forEach(c -> reservations.findById(c.id()).ifPresent(clashed::add));
                failure = conflict;
                break;
            } catch (ReservationException e) { // a refusal, certainly not applied, or outcome unknown (settled below)
                failure = e;
                break;
            }
        }
        if (failure != null) {
            Series rolled = rollBack(s);
            if (rolled.state() != SeriesState.ROLLED_BACK) {
                throw new WriteOutcomeUnknownException("series " + s.id() + " could not be booked and could not be "
                        + "rolled back yet; none of it is confirmed, and the series sweeper will finish rolling it back",
                        failure, s.id(), s.idempotencyKey());
            }
            if (failure instanceof ReservationConflictException) {
                throw seriesConflict(actor, room, clashing, planned.size(), clashed);
            }
            if (failure instanceof WriteOutcomeUnknownException || failure instanceof StoreUnavailableException) {
                throw new StoreUnavailableException("series " + s.id() + " was not booked: " + failure.getMessage()
                        + " (every occurrence it had held is released)", failure);
            }
            throw failure;
        }
        Series decided = decide(s, SeriesState.COMMITTING);
        if (decided.state() != SeriesState.COMMITTING && decided.state() != SeriesState.ACTIVE) {
            rollBack(decided);
            throw new StoreUnavailableException("series " + s.id() + " was not booked: it took too long and was rolled "
                    + "back by the series sweeper; nothing of it is booked", null);
        }
        return commit(decided, held);
    }

    /**
     * The one decision of an all-or-nothing series: the compare-and-set out of BOOKING to {@code to}
     * (COMMITTING or ROLLING_BACK). Returns the series as it now is: the decision this call took, or the
     * one someone else took first.
     */
    private Series decide(Series s, SeriesState to) {
        Series current = s;
        for (int attempt = 0; attempt < CAS_ATTEMPTS; attempt++) {
            if (current.state() != SeriesState.BOOKING) {
                return current;
            }
            try {
                return store.update(current, current.inState(to, clock.instant()));
            } catch (ConcurrentUpdateException | WriteOutcomeUnknownException e) {
                current = reread(current, e);
            }
        }
        throw new WriteOutcomeUnknownException("could not settle series " + s.id() + "; the series sweeper will",
                null, s.id(), s.idempotencyKey());
    }

    private Series reread(Series s, ReservationException why) {
        try {
            return store.findById(s.id()).orElseThrow(() -> new SeriesNotFoundException(s.id()));
        } catch (StoreUnavailableException unavailable) {
            unavailable.addSuppressed(why);
            throw new WriteOutcomeUnknownException("could not tell how series " + s.id() + " stands; retry with its "
                    + "idempotency key, or look it up", unavailable, s.id(), s.idempotencyKey());
        }
    }

    /** Compare-and-set {@code change} onto the latest stored series, re-reading on a lost race. */
    private Series change(Series s, UnaryOperator<Series> change) {
        Series current = s;
        for (int attempt = 0; attempt < CAS_ATTEMPTS; attempt++) {
            try {
                return store.update(current, change.apply(current));
            } catch (ConcurrentUpdateException | WriteOutcomeUnknownException e) {
                current = reread(current, e);
            }
        }
        throw new WriteOutcomeUnknownException("could not save a change to series " + s.id() + " (too many concurrent "
                + "changes); look it up and try again", null, s.id(), null);
    }

    /** COMMITTING: every HELD occurrence becomes what the series commits as; then the series is ACTIVE. */
    private Series commit(Series s) {
        return commit(s, Map.of());
    }

    /** {@link #commit(Series)}, with the occurrences its booker holds ({@code held}: no read before their CAS). */
    private Series commit(Series s, Map<LocalDate, Reservation> held) {
        for (Planned p : plan(s, s.firstDay(), s.materialisedThrough())) {
            try {
                Reservation mine = held.get(p.day());
                if (mine != null) {
                    bookings.commitHeld(mine, s.commitAs());
                } else {
                    bookings.commitHeld(s.occurrenceId(p.day()), s.commitAs());
                }
            } catch (dev.reservation.core.domain.ReservationNotFoundException never) {
                // a day without an occurrence (none is missing once every one was held)
            }
        }
        return s.state() == SeriesState.COMMITTING ? change(s, c -> c.state() == SeriesState.COMMITTING
                ? c.inState(SeriesState.ACTIVE, clock.instant()) : c) : s;
    }

    /**
     * Rolls an undecided or rolling-back series back: decides ROLLING_BACK (unless it was decided the
     * other way: then it is committed instead), fences and releases every occurrence, marks it
     * ROLLED_BACK. Returns the series as it ends up; a store that does not answer leaves it ROLLING_BACK
     * for the sweeper.
     */
    private Series rollBack(Series s) {
        Series decided = s.state() == SeriesState.BOOKING ? decide(s, SeriesState.ROLLING_BACK) : s;
        if (decided.state() == SeriesState.COMMITTING || decided.state() == SeriesState.ACTIVE) {
            return commit(decided);
        }
        if (decided.state() == SeriesState.ROLLED_BACK) {
            return decided;
        }
        try {
            for (Planned p : plan(decided, decided.firstDay(), decided.materialisedThrough())) {
                bookings.abandon(decided.occurrenceId(p.day()), decided.roomId(), Reservation.SERIES_ROLLBACK);
            }
            return change(decided, c -> c.state() == SeriesState.ROLLING_BACK
                    ? c.inState(SeriesState.ROLLED_BACK, clock.instant()) : c);
        } catch (WriteOutcomeUnknownException | StoreUnavailableException notNow) {
            return decided;
        }
    }

    /**
     * Books the days of an ACTIVE series after {@code materialisedThrough} through {@code through} (and its
     * last day), skipping and recording the ones that clash or are refused; then moves
     * {@code materialisedThrough} on. Idempotent: a day already booked (by another instance, or a run
     * that crashed) comes back as a replay.
     */
    private Series materialise(Actor actor, Series s, LocalDate through, boolean caller) {
        LocalDate from = s.materialisedThrough() == null ? s.firstDay() : s.materialisedThrough().plusDays(1);
        if (from.isAfter(through) || s.state() != SeriesState.ACTIVE) {
            return s;
        }
        List<Planned> planned = plan(s, from, through);
        if (planned.isEmpty()) {
            return s; // nothing new by this horizon: no write
        }
        TreeMap<LocalDate, String> skipped = new TreeMap<>();
        LocalDate done = from.minusDays(1);
        ReservationException stopped = null;
        for (Planned p : planned) {
            if (p.slot() == null) {
                skipped.put(p.day(), p.notATime());
            } else {
                try {
                    bookings.reserveOccurrence(actor, occurrenceRequest(s, p.day(), p.slot()), s.occurrenceId(p.day()),
                            false);
                } catch (ReservationConflictException conflict) {
                    skipped.put(p.day(), "clashes with " + conflict.conflicts().stream()
                            .map(ReservationConflictException.Conflict::id).collect(Collectors.joining(", ")));
                } catch (WriteOutcomeUnknownException | StoreUnavailableException e) {
                    stopped = e;
                    break;
                } catch (ReservationException refused) {
                    skipped.put(p.day(), refused.getMessage());
                }
            }
            done = p.day();
        }
        LocalDate reached = stopped == null ? through : done;
        Series saved = s;
        if (!reached.isBefore(from) || !skipped.isEmpty()) {
            LocalDate mark = reached.isBefore(from) ? from.minusDays(1) : reached;
            saved = change(s, c -> c.materialised(mark, skipped, clock.instant()));
        }
        if (stopped != null && caller) {
            throw new WriteOutcomeUnknownException("series " + s.id() + " is booked through " + done
                    + " only: " + stopped.getMessage() + "; retry with the same idempotency key to book the rest",
                    stopped, s.id(), s.idempotencyKey());
        }
        return saved;
    }

    // ---- reading ----

    /** A series with its days, as its owner or an admin sees it. */
    public SeriesView get(Actor actor, String seriesId) {
        Series s = load(seriesId);
        if (!Permissions.allowed(actor, Permissions.Operation.SEE_DETAILS, s.userId())
                && !actor.userId().equals(s.createdBy())) {
            throw new PermissionDeniedException("only the person a series is for, who booked it, or an admin may see it");
        }
        return view(s, false);
    }

    /** The series an occurrence (or its moved replacement) belongs to, by the reservation's key; empty for a single booking. */
    public static Optional<String> seriesIdOf(Reservation r) {
        String key = r.idempotencyKey();
        if (key == null || !key.startsWith("series:") || key.indexOf(':', "series:".length()) < 0) {
            return Optional.empty();
        }
        return Optional.of(key.substring("series:".length(), key.indexOf(':', "series:".length())));
    }

    private Series load(String seriesId) {
        return store.findById(seriesId).orElseThrow(() -> new SeriesNotFoundException(seriesId));
    }

    private SeriesView view(Series s, boolean replayed) {
        List<Occurrence> out = new ArrayList<>();
        if (s.materialisedThrough() != null) {
            for (Planned p : plan(s, s.firstDay(), s.materialisedThrough(), true)) {
                out.add(day(s, p));
            }
        }
        for (Map.Entry<LocalDate, String> moved : s.moved().entrySet()) {
            if (out.stream().noneMatch(o -> o.day().equals(moved.getKey()))) {
                out.add(day(s, new Planned(moved.getKey(), null, null)));
            }
        }
        for (LocalDate ex : s.exdates()) {
            if (out.stream().noneMatch(o -> o.day().equals(ex))
                    && (s.materialisedThrough() == null || !ex.isAfter(s.materialisedThrough()))) {
                out.add(Occurrence.of(ex, null, Occurrence.Kind.EXCLUDED, "left out"));
            }
        }
        out.sort(java.util.Comparator.comparing(Occurrence::day));
        out.addAll(later(s, s.materialisedThrough() == null ? s.firstDay().minusDays(1) : s.materialisedThrough()));
        return new SeriesView(s, out, replayed);
    }

    private Occurrence day(Series s, Planned p) {
        Optional<Reservation> r = reservations.findById(s.reservationIdFor(p.day()));
        if (r.isPresent()) {
            return new Occurrence(p.day(), Optional.of(r.get().slot()), Occurrence.Kind.BOOKED, Optional.of(r.get().id()),
                    Optional.of(r.get().status()), Optional.ofNullable(s.moved().containsKey(p.day()) ? "moved" : null),
                    List.of());
        }
        if (s.skipped().containsKey(p.day())) {
            return Occurrence.of(p.day(), p.slot(), Occurrence.Kind.SKIPPED, s.skipped().get(p.day()));
        }
        if (s.exdates().contains(p.day())) {
            return Occurrence.of(p.day(), p.slot(), Occurrence.Kind.EXCLUDED, "left out");
        }
        return Occurrence.of(p.day(), p.slot(), Occurrence.Kind.SKIPPED, p.notATime() != null ? p.notATime()
                : s.state() == SeriesState.ROLLED_BACK ? "the series was not booked" : "not booked");
    }

    // ---- changes ----

    private Series changeable(Actor actor, String seriesId) {
        Series s = load(seriesId);
        if (!Permissions.allowed(actor, Permissions.Operation.CANCEL, s.userId())) {
            throw new PermissionDeniedException("only the person who booked series " + seriesId
                    + " or an admin may change it");
        }
        if (s.state() != SeriesState.ACTIVE) {
            throw new InvalidStateException("series", "series " + seriesId + " is " + s.state()
                    + (s.state().unfinished() ? " (still being booked); try again in a moment" : "; it cannot be changed"));
        }
        return s;
    }

    private void requireDay(Series s, LocalDate day) {
        boolean ofRule = s.recurrence().dates(s.firstDay(), s.startTime(), day, day).contains(day);
        if (!ofRule && !s.moved().containsKey(day)) {
            throw new InvalidInputException("day", day + " is not a day of series " + s.id());
        }
    }

    /**
     * Cancels one occurrence: the day is left out of the series from now on (so no extension books it)
     * and its reservation, if booked, cancelled as a single booking is.
     */
    public SeriesView cancelOccurrence(Actor actor, String seriesId, LocalDate day) {
        Series s = changeable(actor, seriesId);
        requireDay(s, day);
        s = s.exdates().contains(day) ? s : change(s, c -> c.excluding(day, clock.instant()));
        cancelIfHolding(actor, s.reservationIdFor(day));
        return view(s, false);
    }

    /** Cancels this occurrence and all following: the series ends before {@code day}; booked ones from it on are cancelled. */
    public SeriesView cancelFollowing(Actor actor, String seriesId, LocalDate day) {
        Series s = changeable(actor, seriesId);
        requireDay(s, day);
        s = change(s, c -> c.endingBefore(day, clock.instant()));
        cancelBooked(actor, s, day);
        return view(s, false);
    }

    /** Cancels the whole series: it is CANCELLED, and every occurrence that has not ended yet is cancelled. */
    public SeriesView cancel(Actor actor, String seriesId) {
        Series s = load(seriesId);
        if (s.state() != SeriesState.CANCELLED) {
            s = changeable(actor, seriesId);
            s = change(s, c -> c.state() == SeriesState.CANCELLED ? c : c.cancelled(clock.instant(), actor.userId()));
        } else if (!Permissions.allowed(actor, Permissions.Operation.CANCEL, s.userId())) {
            throw new PermissionDeniedException("only the person who booked series " + seriesId
                    + " or an admin may cancel it");
        }
        cancelBooked(actor, s, s.firstDay()); // a retry after a crash finishes what the first call began
        return view(s, false);
    }

    private void cancelBooked(Actor actor, Series s, LocalDate from) {
        Instant now = clock.instant();
        LocalDate through = s.materialisedThrough() == null ? from.minusDays(1) : s.materialisedThrough();
        List<LocalDate> days = new ArrayList<>();
        days.addAll(s.recurrence().dates(s.firstDay(), s.startTime(), from, through));
        s.moved().keySet().stream().filter(d -> !d.isBefore(from) && !days.contains(d)).forEach(days::add);
        for (LocalDate d : days) {
            Optional<Reservation> r = reservations.findById(s.reservationIdFor(d));
            if (r.isPresent() && r.get().holdsRoom() && r.get().slot().end().isAfter(now)) {
                bookings.cancel(actor, r.get().id());
            }
        }
    }

    private void cancelIfHolding(Actor actor, String reservationId) {
        Optional<Reservation> r = reservations.findById(reservationId);
        if (r.isPresent() && r.get().holdsRoom()) {
            bookings.cancel(actor, reservationId);
        }
    }

    /**
     * Moves one occurrence to {@code slot}: it is detached as an exception: a new reservation is booked
     * there (same checks as any booking; a clash leaves everything as it was), then the old one is
     * cancelled, then the series records the exception. A retry of the same move after a crash books
     * nothing twice (its idempotency key derives from the series' version and the new slot).
     */
    public SeriesView moveOccurrence(Actor actor, String seriesId, LocalDate day, TimeSlot slot) {
        Series s = changeable(actor, seriesId);
        requireDay(s, day);
        String oldId = s.reservationIdFor(day);
        Reservation old = reservations.findById(oldId).orElseThrow(() -> new InvalidStateException("day",
                "the occurrence on " + day + " is not booked, so it cannot be moved"));
        // the key, not the id, makes a retry of this very move (after a crash) a replay: a refused attempt
        // leaves its id fenced in some stores, so each attempt books under a fresh id
        String key = s.occurrenceKey(day) + ":m" + s.version() + ":" + slot.start().getEpochSecond() / 60 + "+"
                + slot.duration().toMinutes();
        Optional<Reservation> earlier = reservations.findByIdempotencyKey(actor.userId(), key);
        if (!old.holdsRoom() && earlier.isEmpty()) {
            throw new InvalidStateException("day", "the occurrence on " + day + " is " + old.status()
                    + "; only a booked occurrence can be moved");
        }
        String newId = bookings.reserveOccurrence(actor, new ReserveRequest(s.roomId(), s.userId(), slot, s.title(),
                s.attendees(), Optional.of(key)), earlier.map(Reservation::id).orElseGet(ids::newId), false)
                .reservation().id();
        cancelIfHolding(actor, oldId);
        Series moved = change(s, c -> c.moving(day, newId, clock.instant()));
        return view(moved, false);
    }

    // ---- jobs ----

    /**
     * Finishes series whose driver went quiet for longer than {@code grace}: an undecided all-or-nothing
     * series is rolled back, a decided one committed or rolled back as decided. Safe on several
     * instances at once (each step is a compare-and-set or idempotent). Returns how many it touched.
     */
    public int sweep(Duration grace) {
        Instant cutoff = clock.instant().minus(grace);
        int touched = 0;
        for (SeriesState state : List.of(SeriesState.BOOKING, SeriesState.COMMITTING, SeriesState.ROLLING_BACK)) {
            for (Series s : store.inState(state, 100)) {
                if (s.updatedAt().isAfter(cutoff)) {
                    continue;
                }
                try {
                    if (s.state() == SeriesState.COMMITTING) {
                        commit(s);
                    } else {
                        rollBack(s);
                    }
                    touched++;
                } catch (ReservationException e) {
                    // the next sweep tries again
                }
            }
        }
        return touched;
    }

    /**
     * Books the days of every ACTIVE series that the booking horizon has reached since it was last
     * materialised (open-ended series, or ones longer than the horizon), as their creator (whose
     * permissions are checked as they are now). Idempotent across instances. Returns how many series
     * moved on.
     */
    public int extend() {
        int moved = 0;
        for (Series s : store.inState(SeriesState.ACTIVE, 1000)) {
            LocalDate through = horizonDay(s);
            Optional<LocalDate> last = s.lastPossibleDay();
            if (s.materialisedThrough() != null && (!s.materialisedThrough().isBefore(through)
                    || last.isPresent() && !s.materialisedThrough().isBefore(last.get()))) {
                continue;
            }
            try {
                Optional<User> creator = users.findById(s.createdBy());
                if (creator.isEmpty()) {
                    continue;
                }
                Series after = materialise(Actor.of(creator.get()), s, through, false);
                if (after != s) {
                    moved++;
                }
            } catch (ReservationException e) {
                // the next run tries again
            }
        }
        return moved;
    }
}
