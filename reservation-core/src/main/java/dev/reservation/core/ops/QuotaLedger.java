package dev.reservation.core.ops;

import dev.reservation.core.domain.QuotaExceededException;
import dev.reservation.core.domain.Reservation;
import dev.reservation.core.domain.ReservationException;
import dev.reservation.core.domain.Room;
import dev.reservation.core.domain.StoreUnavailableException;
import dev.reservation.core.domain.WriteOutcomeUnknownException;
import dev.reservation.core.store.ReservationStore;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Quota capacity, reserved before a booking and given back after it, on {@link QuotaCounters}.
 *
 * <h2>The rule</h2>
 * A booking first <b>takes</b> a hold keyed by its reservation id in every counter that applies to it
 * (booked minutes in the ISO week of its start, open reservations at once; for every room and for its
 * room), each one conditional increment that matches only while the limit holds: two instances booking
 * for one user at once can never both pass the last unit. Then it books. A hold is <b>given back</b>
 * only when its reservation certainly does not hold the room: the booking was refused with a certain
 * answer (conflict, "unavailable"), or the reservation reached a final status (cancelled, declined,
 * expired, auto-released), or, for the open count, it ended.
 *
 * <h2>Unknown outcomes</h2>
 * A hold whose booking's outcome is unknown (or a take whose own outcome is unknown) is KEPT: it
 * counts against the limit, so it can never let the user overbook. It is never kept forever: once it
 * is older than {@code settleAfter}, {@link #reconcile} (the scheduled job, and any take the limit refuses)
 * asks the store to <b>settle</b> its reservation ({@link ReservationStore#settle}): a stored
 * reservation that holds its room keeps the hold; a final one, or one that can now never be stored
 * (the store fenced its id), gives it back. Safety never depends on {@code settleAfter}; it only decides
 * how soon capacity of a lost booking returns. Thread-safe.
 */
public final class QuotaLedger {
    private static final System.Logger LOG = System.getLogger(QuotaLedger.class.getName());
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.ENGLISH);
    private static final int TAKE_ATTEMPTS = 3;

    private final QuotaStore rules;
    private final QuotaCounters counters;
    private final ReservationStore reservations;
    private final Duration settleAfter;

    public QuotaLedger(QuotaStore rules, QuotaCounters counters, ReservationStore reservations, Duration settleAfter) {
        this.rules = rules;
        this.counters = counters;
        this.reservations = reservations;
        this.settleAfter = settleAfter;
    }

    /** One counter a reservation counts in, with the limit that applies now. */
    record Use(String counterId, long amount, long limit, Instant periodEnd, String describe, String scope,
               boolean open) {
    }

    /** The counters {@code r} (in {@code room}) counts in under the current rules. */
    List<Use> uses(Reservation r, Room room) {
        List<Use> out = new ArrayList<>();
        for (String scope : List.of(QuotaRule.GLOBAL, room.id())) {
            Optional<QuotaRule> rule = rules.find(scope);
            if (rule.isEmpty()) {
                continue;
            }
            String where = scope.equals(QuotaRule.GLOBAL) ? "across all rooms" : "in " + room.name();
            rule.get().minutesPerWeek().ifPresent(limit -> out.add(new Use(weekCounter(scope, r, room.zone()),
                    minutes(r), limit, weekEnd(r, room.zone()), "booked hours per week " + where, scope, false)));
            rule.get().openAtOnce().ifPresent(limit -> out.add(new Use(openCounter(scope, r.userId()), 1, limit, null,
                    "open reservations at once " + where, scope, true)));
        }
        return out;
    }

    /** Every counter id {@code r} may hold a hold in, whatever the rules are now (rules may have changed since). */
    static List<String> allCounters(Reservation r, ZoneId zone) {
        List<String> out = new ArrayList<>();
        for (String scope : List.of(QuotaRule.GLOBAL, r.roomId())) {
            out.add(weekCounter(scope, r, zone));
            out.add(openCounter(scope, r.userId()));
        }
        return out;
    }

    static String weekCounter(String scope, Reservation r, ZoneId zone) {
        ZonedDateTime start = r.slot().start().atZone(zone);
        return "week|" + scope + "|" + r.userId() + "|" + start.get(IsoFields.WEEK_BASED_YEAR) + "-W"
                + String.format(Locale.ROOT, "%02d", start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    static String openCounter(String scope, String userId) {
        return "open|" + scope + "|" + userId;
    }

    static long minutes(Reservation r) {
        long ms = r.slot().duration().toMillis();
        return Math.max(1, (ms + 59_999) / 60_000);
    }

    static Instant weekEnd(Reservation r, ZoneId zone) {
        LocalDate day = r.slot().start().atZone(zone).toLocalDate();
        return day.with(TemporalAdjusters.next(DayOfWeek.MONDAY)).atStartOfDay(zone).toInstant();
    }

    /**
     * Takes {@code r}'s holds in every counter that applies; on a refusal gives back those taken and
     * throws {@link QuotaExceededException}. Returns the counters taken.
     *
     * @throws StoreUnavailableException when a counter could not be reached or answered unknown
     *         (nothing is booked then; a hold that may have been taken is settled later)
     */
    public List<String> take(Reservation r, Room room, Instant now) {
        List<String> taken = new ArrayList<>();
        for (Use use : uses(r, room)) {
            if (use.amount() > use.limit()) {
                giveBackAll(taken, r.id());
                throw new QuotaExceededException(refusal(use, new QuotaCounters.Take(false, 0, List.of()), r, room));
            }
            QuotaCounters.Hold hold = new QuotaCounters.Hold(r.id(), use.amount(), r.slot().end(), now, r.roomId());
            QuotaCounters.Take result;
            try {
                result = counters.take(use.counterId(), hold, use.limit(), use.periodEnd());
                for (int i = 1; i < TAKE_ATTEMPTS && !result.taken() && repair(use, result.holds(), now); i++) {
                    result = counters.take(use.counterId(), hold, use.limit(), use.periodEnd());
                }
            } catch (WriteOutcomeUnknownException | StoreUnavailableException e) {
                taken.add(use.counterId()); // may have landed: give it back too (idempotent), or settle it later
                giveBackAll(taken, r.id());
                throw new StoreUnavailableException("could not check your quota (" + e.getMessage()
                        + "); nothing was booked, try again", e);
            }
            if (!result.taken()) {
                giveBackAll(taken, r.id());
                throw new QuotaExceededException(refusal(use, result, r, room));
            }
            taken.add(use.counterId());
        }
        return taken;
    }

    /** Gives back {@code rid}'s holds in {@code counterIds}; a failure is left to {@link #reconcile}. */
    public void giveBackAll(List<String> counterIds, String rid) {
        for (String id : counterIds) {
            try {
                counters.giveBack(id, rid);
            } catch (ReservationException e) {
                LOG.log(System.Logger.Level.WARNING, "quota hold of " + rid + " in " + id + " not given back (" + e.getMessage()
                        + "); the quota job settles it");
            }
        }
    }

    /** Gives back whatever a reservation that left its room held, in any counter it may hold one in. */
    public void released(Reservation ended, ZoneId zone) {
        giveBackAll(allCounters(ended, zone), ended.id());
    }

    /**
     * Gives back the holds in a refused counter that need not count: ended ones (open counters) and
     * settled ones older than {@code settleAfter}. True when any was given back (worth taking again).
     */
    private boolean repair(Use use, List<QuotaCounters.Hold> holds, Instant now) {
        boolean any = false;
        for (QuotaCounters.Hold h : holds) {
            any |= settle(use.counterId(), use.open(), h, now);
        }
        return any;
    }

    /** Settles one hold if it is old enough; true when it was given back. */
    private boolean settle(String counterId, boolean open, QuotaCounters.Hold h, Instant now) {
        if (open && !h.end().isAfter(now)) {
            counters.giveBack(counterId, h.rid()); // it has ended: not open, whatever its fate
            return true;
        }
        if (!h.at().isBefore(now.minus(settleAfter))) {
            return false; // its booking may still be in flight
        }
        Optional<Reservation> fate = reservations.settle(h.rid(), h.roomId());
        if (fate.isPresent() && fate.get().holdsRoom()) {
            return false;
        }
        counters.giveBack(counterId, h.rid());
        return true;
    }

    /**
     * The scheduled repair: settles the holds older than {@code settleAfter} in counters of periods not
     * over. Returns how many holds were given back. Safe to run on several instances at once (every
     * step is idempotent, and a hold is given back only once its reservation can never hold the room).
     */
    public int reconcile(Instant now, int maxCounters) {
        int given = 0;
        for (String counterId : counters.withHoldsBefore(now.minus(settleAfter), now, maxCounters)) {
            boolean open = counterId.startsWith("open|");
            for (QuotaCounters.Hold h : counters.holds(counterId)) {
                try {
                    given += settle(counterId, open, h, now) ? 1 : 0;
                } catch (ReservationException e) {
                    LOG.log(System.Logger.Level.INFO, "quota hold of " + h.rid() + " in " + counterId + " stays for now ("
                            + e.getMessage() + ")");
                }
            }
        }
        return given;
    }

    private static String refusal(Use use, QuotaCounters.Take result, Reservation r, Room room) {
        ZoneId zone = room.zone();
        if (use.open()) {
            String frees = result.holds().stream().map(QuotaCounters.Hold::end).min(Comparator.naturalOrder())
                    .map(end -> "the next one frees up when it ends, " + WHEN.format(end.atZone(zone)) + " (" + zone + ")")
                    .orElse("it frees up when one of them ends");
            return "quota reached: at most " + use.limit() + " " + use.describe() + "; you have " + result.used()
                    + " open now; " + frees + ", or cancel one";
        }
        return "quota reached: at most " + hours(use.limit()) + " " + use.describe() + "; " + hours(result.used())
                + " used in the week of " + r.slot().start().atZone(zone).toLocalDate()
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) + ", this request needs "
                + hours(use.amount()) + "; it frees up on " + WHEN.format(use.periodEnd().atZone(zone)) + " (" + zone
                + "), or when you cancel a reservation of that week";
    }

    /** Minutes as "2 h" or "1.5 h". */
    static String hours(long minutes) {
        return minutes % 60 == 0 ? minutes / 60 + " h" : String.format(Locale.ROOT, "%.2f h", minutes / 60.0)
                .replaceAll("0+ h$", " h").replace(". h", " h");
    }
}
