package dev.reservation.harness.checker;

import dev.reservation.core.domain.TimeSlot;
import dev.reservation.harness.history.HistoryTerms;
import dev.reservation.harness.history.Op;
import dev.reservation.harness.history.OpType;
import dev.reservation.harness.history.Pairs;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * No double booking over time, from the history alone: a booking acknowledged {@code ok} at time t is
 * CONFIRMED (committed, w:majority) from t at the latest until a cancellation of it is invoked
 * (a cancellation that completed {@code fail} changed nothing and does not end it). If two
 * acknowledged bookings of one room with overlapping slots are both CONFIRMED at some moment by this
 * rule, two clients were told they hold the room at the same time: a double booking, even if a later
 * cancellation hides it from the final state. A pure function; stateless and thread-safe.
 */
public final class OverTimeDoubleBookingChecker {
    public static final String NAME = "no-double-booking-over-time";

    private record Held(String id, String key, String room, TimeSlot slot, Op ok, long until) {
    }

    public CheckResult check(List<Op> ops) {
        Map<String, Long> cancelledFrom = new HashMap<>();
        for (Pairs.Pair p : Pairs.of(ops)) {
            if (p.invoke().f().equals(HistoryTerms.CANCEL) && p.outcome() != OpType.FAIL) {
                cancelledFrom.merge(p.invoke().require(HistoryTerms.ID), p.invoke().time(), Math::min);
            }
        }
        Map<String, List<Held>> byRoom = new TreeMap<>();
        for (Op op : ops) {
            if (op.isClient() && op.is(OpType.OK, HistoryTerms.RESERVE)) {
                String id = op.require(HistoryTerms.ID);
                TimeSlot slot = new TimeSlot(Instant.parse(op.require(HistoryTerms.START)), Instant.parse(op.require(HistoryTerms.END)));
                byRoom.computeIfAbsent(op.require(HistoryTerms.ROOM), k -> new ArrayList<>()).add(new Held(id, op.require(HistoryTerms.KEY),
                        op.require(HistoryTerms.ROOM), slot, op, cancelledFrom.getOrDefault(id, Long.MAX_VALUE)));
            }
        }
        List<String> violations = new ArrayList<>();
        long acknowledged = 0;
        for (List<Held> room : byRoom.values()) {
            room.sort(Comparator.comparing((Held h) -> h.slot().start()).thenComparing(Held::id));
            acknowledged += room.size();
            for (int i = 0; i < room.size(); i++) {
                Held a = room.get(i);
                for (int j = i + 1; j < room.size() && room.get(j).slot().start().isBefore(a.slot().end()); j++) {
                    Held b = room.get(j);
                    if (a.id().equals(b.id())) {
                        continue;
                    }
                    long from = Math.max(a.ok().time(), b.ok().time());
                    long to = Math.min(a.until(), b.until());
                    if (from < to) {
                        violations.add("double booking in room " + a.room() + ": " + describe(a) + " and " + describe(b)
                                + " were both held from " + seconds(from) + " to "
                                + (to == Long.MAX_VALUE ? "the end of the trial" : seconds(to)));
                    }
                }
            }
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("acknowledged", acknowledged);
        counts.put("cancelInvoked", (long) cancelledFrom.size());
        return CheckResult.of(NAME, violations, counts);
    }

    private static String describe(Held h) {
        return h.id() + " (" + h.slot() + ", key " + h.key() + ", ok at " + seconds(h.ok().time()) + " to "
                + LostWriteChecker.who(h.ok()) + ")";
    }

    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.3f s", nanos / 1e9);
    }
}
