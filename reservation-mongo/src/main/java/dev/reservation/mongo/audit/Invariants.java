package dev.reservation.mongo.audit;

import dev.reservation.core.domain.TimeSlot;
import dev.reservation.mongo.audit.StoredState.StoredClaim;
import dev.reservation.mongo.audit.StoredState.StoredReservation;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The booking protocol's invariants checked on a stored state, a pure function (see
 * {@code BookingProtocol}): (I0) no two claim-holding reservations (PENDING or CONFIRMED alike) of a
 * room overlap; (I1) no two claims in one bucket overlap; (I2) every PENDING or CONFIRMED reservation
 * holds a claim in each bucket its slot touches. Claims whose owner is in a final status (CANCELLED,
 * DECLINED, EXPIRED, AUTO_RELEASED), ABANDONED or absent are leftovers, allowed (the next booking that
 * meets one removes it) and reported apart. Stateless.
 */
public final class Invariants {
    /** What the check found: the violations (must be empty) and the leftover claims (allowed). */
    public record Report(List<String> violations, List<String> leftovers) {
        public boolean holds() {
            return violations.isEmpty();
        }
    }

    private Invariants() {
    }

    public static Report check(StoredState state) {
        List<String> violations = new ArrayList<>();
        noOverlappingConfirmed(state.reservations(), violations);
        noOverlappingClaims(state.claims(), violations);
        Map<String, StoredReservation> byId = state.reservations().stream()
                .collect(Collectors.toMap(StoredReservation::id, r -> r, (a, b) -> a));
        Set<String> held = new HashSet<>();
        List<String> leftovers = new ArrayList<>();
        for (StoredClaim c : state.claims()) {
            held.add(c.bucket() + "#" + c.rid());
            StoredReservation owner = byId.get(c.rid());
            if (owner == null || !owner.holdsClaims()) {
                leftovers.add("claim of " + c.rid() + " in " + c.bucket() + " (" + (owner == null ? "no document"
                        : owner.status()) + ")");
            }
        }
        for (StoredReservation r : state.reservations()) {
            if (!r.holdsClaims()) {
                continue;
            }
            for (String bucket : buckets(r.roomId(), r.slot())) {
                if (!held.contains(bucket + "#" + r.id())) {
                    violations.add(r.status().toLowerCase(java.util.Locale.ROOT) + " reservation " + r.id() + " " + r.slot() + " holds no claim in bucket " + bucket);
                }
            }
        }
        return new Report(violations, leftovers);
    }

    private static void noOverlappingConfirmed(List<StoredReservation> reservations, List<String> violations) {
        Map<String, List<StoredReservation>> byRoom = new HashMap<>();
        reservations.stream().filter(StoredReservation::holdsClaims)
                .forEach(r -> byRoom.computeIfAbsent(r.roomId(), k -> new ArrayList<>()).add(r));
        for (List<StoredReservation> room : byRoom.values()) {
            room.sort(Comparator.comparing((StoredReservation r) -> r.slot().start()));
            for (int i = 0; i < room.size(); i++) {
                for (int j = i + 1; j < room.size() && room.get(j).slot().start().isBefore(room.get(i).slot().end()); j++) {
                    violations.add("double booking in room " + room.get(i).roomId() + ": " + room.get(i).id() + " "
                            + room.get(i).slot() + " and " + room.get(j).id() + " " + room.get(j).slot());
                }
            }
        }
    }

    private static void noOverlappingClaims(List<StoredClaim> claims, List<String> violations) {
        Map<String, List<StoredClaim>> byBucket = claims.stream().collect(Collectors.groupingBy(StoredClaim::bucket));
        for (Map.Entry<String, List<StoredClaim>> e : byBucket.entrySet()) {
            List<StoredClaim> list = e.getValue();
            for (int i = 0; i < list.size(); i++) {
                for (int j = i + 1; j < list.size(); j++) {
                    if (list.get(i).slot().overlaps(list.get(j).slot())) {
                        violations.add("overlapping claims in bucket " + e.getKey() + ": " + list.get(i).rid() + " and "
                                + list.get(j).rid());
                    }
                }
            }
        }
    }

    /** The buckets a slot touches (UTC days), computed here apart from the store's own code so a bug there shows. */
    static List<String> buckets(String roomId, TimeSlot slot) {
        List<String> out = new ArrayList<>();
        LocalDate last = LocalDate.ofInstant(slot.end().minusMillis(1), ZoneOffset.UTC);
        for (LocalDate d = LocalDate.ofInstant(slot.start(), ZoneOffset.UTC); !d.isAfter(last); d = d.plusDays(1)) {
            out.add(roomId + "|" + d);
        }
        return out;
    }
}
