package dev.reservation.harness.checker;

import dev.reservation.harness.history.Fn;
import dev.reservation.harness.history.Op;
import dev.reservation.harness.history.OpType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * No lost writes, judged against the final state read after the faults healed: a reservation whose
 * booking completed {@code ok} must be there (confirmed, with the id the client was given); one that
 * completed {@code fail} must not; {@code info} (outcome unknown) and invocations that never completed may
 * go either way, and how they went is counted. Also flags two stored reservations with one idempotency
 * key and stored reservations under this run's keys that no client ever asked for. A pure function over
 * the history and the final state; stateless and thread-safe.
 */
public final class LostWriteChecker {
    public static final String NAME = "no-lost-writes";

    /**
     * @param ops       the history (any order; other operations are ignored)
     * @param finalState every reservation the final read found in the checked window
     * @param keyPrefix  the prefix of this run's idempotency keys, to tell its reservations from others'
     */
    public CheckResult check(List<Op> ops, List<StoredReservation> finalState, String keyPrefix) {
        Map<String, List<StoredReservation>> stored = new HashMap<>();
        for (StoredReservation r : finalState) {
            if (r.key() != null && r.key().startsWith(keyPrefix)) {
                stored.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r);
            }
        }
        Map<String, Op> outcome = new LinkedHashMap<>();
        for (Op op : ops) {
            if (op.f().equals(Fn.RESERVE) && (op.type() == OpType.INVOKE || op.type().completes())) {
                outcome.merge(op.require(Fn.KEY), op, (earlier, later) -> later.type().completes() ? later : earlier);
            }
        }
        List<String> violations = new ArrayList<>();
        long ok = 0, fail = 0, unknownApplied = 0, unknownNotApplied = 0;
        for (Op op : outcome.values()) {
            String key = op.require(Fn.KEY);
            List<StoredReservation> found = stored.getOrDefault(key, List.of());
            switch (op.type()) {
                case OK -> {
                    ok++;
                    String id = op.get(Fn.ID).orElse(null);
                    if (found.isEmpty()) {
                        violations.add("lost write: reservation " + id + " (key " + key + ", " + describe(op)
                                + ") was acknowledged ok at " + ms(op) + " but is missing from the final state");
                    } else if (id != null && found.stream().noneMatch(r -> r.id().equals(id))) {
                        violations.add("acknowledged reservation " + id + " (key " + key + ") is stored under another id "
                                + found.get(0).id());
                    } else if (found.stream().noneMatch(StoredReservation::confirmed)) {
                        violations.add("acknowledged reservation " + id + " (key " + key + ") is stored but not confirmed");
                    }
                }
                case FAIL -> {
                    fail++;
                    if (!found.isEmpty()) {
                        violations.add("failed write took effect: key " + key + " (" + describe(op) + ") completed fail ("
                                + op.error() + ") at " + ms(op) + " but reservation " + found.get(0).id() + " is stored");
                    }
                }
                default -> {
                    if (found.isEmpty()) {
                        unknownNotApplied++;
                    } else {
                        unknownApplied++;
                    }
                }
            }
            if (found.size() > 1) {
                violations.add("key " + key + " is stored " + found.size() + " times: the idempotency key did not hold");
            }
        }
        stored.keySet().stream().filter(k -> !outcome.containsKey(k)).sorted().forEach(k ->
                violations.add("reservation " + stored.get(k).get(0).id() + " carries key " + k
                        + ", which no client of this run sent"));
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("ok", ok);
        counts.put("fail", fail);
        counts.put("unknownApplied", unknownApplied);
        counts.put("unknownNotApplied", unknownNotApplied);
        return CheckResult.of(NAME, violations, counts);
    }

    private static String describe(Op op) {
        return "room " + op.get(Fn.ROOM).orElse("?") + " " + op.get(Fn.START).orElse("?") + "/" + op.get(Fn.END).orElse("?");
    }

    private static String ms(Op op) {
        return String.format(java.util.Locale.ROOT, "%.1f ms", op.timeMillis());
    }
}
