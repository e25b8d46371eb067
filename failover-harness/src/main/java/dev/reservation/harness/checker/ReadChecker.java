package dev.reservation.harness.checker;

import dev.reservation.core.domain.TimeSlot;
import dev.reservation.harness.history.HistoryTerms;
import dev.reservation.harness.history.Op;
import dev.reservation.harness.history.OpType;
import dev.reservation.harness.history.Pairs;
import dev.reservation.harness.history.Seen;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads checked, not only counted. Every read that completed {@code ok} (a list of a room's
 * reservations in a window, at majority read concern from the primary) must:
 * <ul>
 *   <li>never show a reservation whose booking completed {@code fail} (a 409 conflict or "nothing was
 *       booked": certainly not applied, so at no time visible);</li>
 *   <li>show every booking its own client had acknowledged {@code ok} before the read was invoked
 *       (in that room and window): read-your-writes;</li>
 *   <li>show CANCELLED every reservation whose cancellation its own client had acknowledged {@code ok}
 *       before the read;</li>
 *   <li>never show two CONFIRMED reservations of the room that overlap (a double booking visible in
 *       one committed snapshot).</li>
 * </ul>
 * A read that returned as many reservations as its limit is checked only for the first and last rule
 * (it may not show everything). A pure function over the history; stateless and thread-safe.
 */
public final class ReadChecker {
    public static final String NAME = "reads";

    private record Acked(Op op, String id, String room, TimeSlot slot) {
    }

    public CheckResult check(List<Op> ops) {
        Map<String, Op> failedByKey = new HashMap<>();
        for (Op op : ops) {
            if (op.isClient() && op.is(OpType.FAIL, HistoryTerms.RESERVE)) {
                failedByKey.put(op.require(HistoryTerms.KEY), op);
            }
        }
        Map<String, List<Acked>> ownBookings = new HashMap<>();
        Map<String, List<Acked>> ownCancels = new HashMap<>();
        List<String> violations = new ArrayList<>();
        long reads = 0, truncated = 0, ownBookingsChecked = 0, ownCancelsChecked = 0;
        for (Pairs.Pair p : Pairs.of(ops)) {
            Op done = p.completion();
            if (done == null || done.type() != OpType.OK) {
                continue;
            }
            String process = done.process();
            if (done.f().equals(HistoryTerms.RESERVE) || done.f().equals(HistoryTerms.CANCEL)) {
                Acked a = new Acked(done, done.require(HistoryTerms.ID), done.require(HistoryTerms.ROOM), new TimeSlot(
                        Instant.parse(done.require(HistoryTerms.START)), Instant.parse(done.require(HistoryTerms.END))));
                (done.f().equals(HistoryTerms.RESERVE) ? ownBookings : ownCancels)
                        .computeIfAbsent(process, k -> new ArrayList<>()).add(a);
                continue;
            }
            if (!done.f().equals(HistoryTerms.READ)) {
                continue;
            }
            reads++;
            String room = done.require(HistoryTerms.ROOM);
            TimeSlot window = new TimeSlot(Instant.parse(done.require(HistoryTerms.FROM)), Instant.parse(done.require(HistoryTerms.TO)));
            List<Seen.Entry> seen = Seen.decode(done.value().get(HistoryTerms.SEEN));
            Map<String, Seen.Entry> byId = new HashMap<>();
            seen.forEach(e -> byId.put(e.id(), e));
            String read = "read of room " + room + " by " + LostWriteChecker.who(p.invoke()) + " invoked at "
                    + OverTimeDoubleBookingChecker.seconds(p.invoke().time());
            for (Seen.Entry e : seen) {
                Op failed = e.key().isEmpty() ? null : failedByKey.get(e.key());
                if (failed != null) {
                    violations.add(read + " shows reservation " + e.id() + " " + e.status() + " (key " + e.key()
                            + ") whose booking completed fail (" + failed.value().getOrDefault(HistoryTerms.REASON, "?") + ") at "
                            + OverTimeDoubleBookingChecker.seconds(failed.time()));
                }
            }
            overlappingConfirmed(seen, read, violations);
            if (Boolean.parseBoolean(done.value().get(HistoryTerms.TRUNCATED))) {
                truncated++;
                continue;
            }
            for (Acked a : ownBookings.getOrDefault(process, List.of())) {
                if (a.room().equals(room) && a.slot().overlaps(window)) {
                    ownBookingsChecked++;
                    if (!byId.containsKey(a.id())) {
                        violations.add("read-your-writes: " + read + " does not show reservation " + a.id() + " ("
                                + a.slot() + ") that this client's booking was acknowledged for at "
                                + OverTimeDoubleBookingChecker.seconds(a.op().time()));
                    }
                }
            }
            for (Acked a : ownCancels.getOrDefault(process, List.of())) {
                Seen.Entry e = byId.get(a.id());
                if (a.room().equals(room) && a.slot().overlaps(window) && e != null) {
                    ownCancelsChecked++;
                    if (!"CANCELLED".equals(e.status())) {
                        violations.add("read-your-writes: " + read + " shows reservation " + a.id() + " " + e.status()
                                + " after this client's cancellation of it was acknowledged at "
                                + OverTimeDoubleBookingChecker.seconds(a.op().time()));
                    }
                }
            }
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("readsOk", reads);
        counts.put("ownBookingsChecked", ownBookingsChecked);
        counts.put("ownCancelsChecked", ownCancelsChecked);
        counts.put("truncated", truncated);
        return CheckResult.of(NAME, violations, counts);
    }

    private static void overlappingConfirmed(List<Seen.Entry> seen, String read, List<String> violations) {
        List<Seen.Entry> confirmed = new ArrayList<>(seen.stream().filter(Seen.Entry::confirmed).toList());
        confirmed.sort(Comparator.comparing((Seen.Entry e) -> e.slot().start()));
        for (int i = 0; i < confirmed.size(); i++) {
            for (int j = i + 1; j < confirmed.size()
                    && confirmed.get(j).slot().start().isBefore(confirmed.get(i).slot().end()); j++) {
                violations.add(read + " shows a double booking: " + confirmed.get(i).id() + " (" + confirmed.get(i).slot()
                        + ") and " + confirmed.get(j).id() + " (" + confirmed.get(j).slot() + ") both CONFIRMED");
            }
        }
    }
}
