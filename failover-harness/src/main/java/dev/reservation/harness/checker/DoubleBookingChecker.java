package dev.reservation.harness.checker;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * No double booking: in the final state no two confirmed reservations of one room overlap (slots are
 * half-open, so back-to-back reservations are fine). A pure function; stateless and thread-safe.
 */
public final class DoubleBookingChecker {
    public static final String NAME = "no-double-booking";

    public CheckResult check(List<StoredReservation> finalState) {
        Map<String, List<StoredReservation>> byRoom = new TreeMap<>();
        for (StoredReservation r : finalState) {
            if (r.confirmed()) {
                byRoom.computeIfAbsent(r.roomId(), k -> new ArrayList<>()).add(r);
            }
        }
        List<String> violations = new ArrayList<>();
        long confirmed = 0;
        for (Map.Entry<String, List<StoredReservation>> room : byRoom.entrySet()) {
            List<StoredReservation> sorted = new ArrayList<>(room.getValue());
            sorted.sort(Comparator.comparing((StoredReservation r) -> r.slot().start()).thenComparing(StoredReservation::id));
            confirmed += sorted.size();
            StoredReservation reachesFurthest = null;
            for (StoredReservation r : sorted) {
                if (reachesFurthest != null && reachesFurthest.slot().overlaps(r.slot())) {
                    violations.add("double booking in room " + room.getKey() + ": " + reachesFurthest.id() + " ("
                            + reachesFurthest.slot() + ") overlaps " + r.id() + " (" + r.slot() + ")");
                }
                if (reachesFurthest == null || r.slot().end().isAfter(reachesFurthest.slot().end())) {
                    reachesFurthest = r;
                }
            }
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("rooms", (long) byRoom.size());
        counts.put("confirmed", confirmed);
        return CheckResult.of(NAME, violations, counts);
    }
}
