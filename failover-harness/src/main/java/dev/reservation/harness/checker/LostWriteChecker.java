package dev.reservation.harness.checker;

import dev.reservation.harness.history.HistoryTerms;
import dev.reservation.harness.history.Op;
import dev.reservation.harness.history.OpType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * No lost writes, judged against the final state read after the faults healed and every client
 * stopped. Bookings: one that completed {@code ok} must be there under the id the client was given;
 * one that completed {@code fail} (a 409 conflict, or a failure such as "unavailable, nothing was
 * booked") must not; {@code info} (outcome unknown) and invocations that never completed may go either
 * way, and how they went is counted. Cancellations of acknowledged bookings: after an {@code ok} cancel
 * the reservation must be CANCELLED; after a {@code fail}ed one it must still be CONFIRMED; after an
 * {@code info} either (counted); one nobody cancelled must be CONFIRMED. Also flags two stored
 * reservations with one idempotency key and stored reservations under this run's keys that no client
 * asked for. A pure function over the history and the final state; stateless and thread-safe.
 *
 * <p>Counts: {@code ok}, {@code conflict} (409: someone else holds an overlapping slot; certainly not
 * booked), {@code failed} (certainly not booked for another reason: unavailable, rule), {@code unknown}
 * (= {@code unknownApplied} + {@code unknownNotApplied}), then the same for cancellations.
 */
public final class LostWriteChecker {
    public static final String NAME = "no-lost-writes";

    /**
     * @param ops        the history (any order; other operations are ignored)
     * @param finalState every reservation the final read found in the checked window (confirmed and cancelled)
     * @param keyPrefix  the prefix of this trial's idempotency keys, to tell its reservations from others'
     */
    public CheckResult check(List<Op> ops, List<StoredReservation> finalState, String keyPrefix) {
        Map<String, List<StoredReservation>> stored = new HashMap<>();
        for (StoredReservation r : finalState) {
            if (r.key() != null && r.key().startsWith(keyPrefix)) {
                stored.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r);
            }
        }
        Map<String, Op> outcome = outcomes(ops, HistoryTerms.RESERVE, HistoryTerms.KEY);
        Map<String, Op> cancels = outcomes(ops, HistoryTerms.CANCEL, HistoryTerms.ID);
        List<String> violations = new ArrayList<>();
        long ok = 0, conflict = 0, fail = 0, unknownApplied = 0, unknownNotApplied = 0;
        long cancelOk = 0, cancelFail = 0, cancelUnknownApplied = 0, cancelUnknownNotApplied = 0;
        for (Op op : outcome.values()) {
            String key = op.require(HistoryTerms.KEY);
            List<StoredReservation> found = stored.getOrDefault(key, List.of());
            switch (op.type()) {
                case OK -> {
                    ok++;
                    String id = op.get(HistoryTerms.ID).orElse(null);
                    StoredReservation mine = found.stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
                    if (found.isEmpty()) {
                        violations.add("lost write: reservation " + id + " (key " + key + ", " + describe(op)
                                + ") was acknowledged ok at " + ms(op) + " by " + who(op)
                                + " but is missing from the final state");
                    } else if (mine == null) {
                        violations.add("acknowledged reservation " + id + " (key " + key + ") is stored under another id "
                                + found.get(0).id());
                    } else {
                        Op cancel = cancels.get(id);
                        if (cancel == null) {
                            if (!mine.confirmed()) {
                                violations.add("acknowledged reservation " + id + " (key " + key + ") is stored "
                                        + mine.status() + " though no client cancelled it");
                            }
                        } else if (cancel.type() == OpType.OK) {
                            cancelOk++;
                            if (!mine.cancelled()) {
                                violations.add("lost cancellation: cancel of reservation " + id + " (key " + key + ", "
                                        + describe(op) + ") was acknowledged ok at " + ms(cancel) + " by " + who(cancel)
                                        + " but the final state holds it " + mine.status());
                            }
                        } else if (cancel.type() == OpType.FAIL) {
                            cancelFail++;
                            if (!mine.confirmed()) {
                                violations.add("failed cancellation took effect: cancel of reservation " + id + " (key "
                                        + key + ") completed fail (" + cancel.error() + ") at " + ms(cancel)
                                        + " but the final state holds it " + mine.status());
                            }
                        } else if (mine.cancelled()) {
                            cancelUnknownApplied++;
                        } else {
                            cancelUnknownNotApplied++;
                        }
                    }
                }
                case FAIL -> {
                    if (HistoryTerms.REASON_CONFLICT.equals(op.value().get(HistoryTerms.REASON))) {
                        conflict++;
                    } else {
                        fail++;
                    }
                    if (!found.isEmpty()) {
                        violations.add("failed write took effect: key " + key + " (" + describe(op) + ") completed fail ("
                                + op.value().getOrDefault(HistoryTerms.REASON, "?") + ": " + op.error() + ") at " + ms(op) + " by "
                                + who(op) + " but reservation " + found.get(0).id() + " is stored " + found.get(0).status());
                    }
                }
                default -> {
                    if (found.isEmpty()) {
                        unknownNotApplied++;
                    } else {
                        unknownApplied++;
                        if (found.stream().anyMatch(StoredReservation::cancelled)) {
                            violations.add("reservation " + found.get(0).id() + " (key " + key + ", outcome unknown to its "
                                    + "client) is stored CANCELLED though no client cancelled it");
                        }
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
        counts.put("conflict", conflict);
        counts.put("failed", fail);
        counts.put("unknown", unknownApplied + unknownNotApplied);
        counts.put("unknownApplied", unknownApplied);
        counts.put("unknownNotApplied", unknownNotApplied);
        counts.put("cancelOk", cancelOk);
        counts.put("cancelFailed", cancelFail);
        counts.put("cancelUnknown", cancelUnknownApplied + cancelUnknownNotApplied);
        counts.put("cancelUnknownApplied", cancelUnknownApplied);
        counts.put("cancelUnknownNotApplied", cancelUnknownNotApplied);
        return CheckResult.of(NAME, violations, counts);
    }

    /** Per value of {@code by}: the completion of operation {@code f}, else its invocation (never completed). */
    private static Map<String, Op> outcomes(List<Op> ops, String f, String by) {
        Map<String, Op> outcome = new LinkedHashMap<>();
        for (Op op : ops) {
            if (op.f().equals(f) && op.isClient() && (op.type() == OpType.INVOKE || op.type().completes())) {
                outcome.merge(op.require(by), op, (earlier, later) -> later.type().completes() ? later : earlier);
            }
        }
        return outcome;
    }

    static String describe(Op op) {
        return "room " + op.get(HistoryTerms.ROOM).orElse("?") + " " + op.get(HistoryTerms.START).orElse("?") + "/" + op.get(HistoryTerms.END).orElse("?");
    }

    static String who(Op op) {
        return op.process() + op.get(HistoryTerms.INSTANCE).map(i -> " via " + i).orElse("");
    }

    /** When an operation completed, in seconds since the run began (as every checker and the report say it). */
    static String ms(Op op) {
        return OverTimeDoubleBookingChecker.seconds(op.time());
    }
}
