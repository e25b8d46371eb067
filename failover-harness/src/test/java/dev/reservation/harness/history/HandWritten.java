package dev.reservation.harness.history;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds histories by hand, in milliseconds, the way a person would write one down to test a checker.
 * Completions repeat the invocation's arguments, as {@link History#complete} does.
 */
public final class HandWritten {
    private final List<Op> ops = new ArrayList<>();
    private final Map<String, Map<String, String>> openArgs = new HashMap<>();
    private int trial = 1;

    public static HandWritten history() {
        return new HandWritten();
    }

    public HandWritten trial(int number) {
        this.trial = number;
        return this;
    }

    public HandWritten op(double ms, String process, OpType type, String f, Map<String, String> value, String error) {
        ops.add(new Op(ops.size(), trial, process, type, f, (long) (ms * 1_000_000), value, error));
        return this;
    }

    public HandWritten reserve(double ms, String process, String key, String room, String start, String end) {
        Map<String, String> args = Map.of(HistoryTerms.KEY, key, HistoryTerms.ROOM, room, HistoryTerms.START, start, HistoryTerms.END, end);
        openArgs.put(process, args);
        return op(ms, process, OpType.INVOKE, HistoryTerms.RESERVE, args, null);
    }

    /** A booking as the workload records it: with the user and the store instance. */
    public HandWritten reserve(double ms, String process, String key, String room, String start, String end,
                               String instance) {
        Map<String, String> args = Map.of(HistoryTerms.KEY, key, HistoryTerms.ROOM, room, HistoryTerms.START, start, HistoryTerms.END, end,
                HistoryTerms.USER, "u-ada", HistoryTerms.INSTANCE, instance);
        openArgs.put(process, args);
        return op(ms, process, OpType.INVOKE, HistoryTerms.RESERVE, args, null);
    }

    public HandWritten cancel(double ms, String process, String id, String key, String room, String start, String end) {
        Map<String, String> args = Map.of(HistoryTerms.ID, id, HistoryTerms.KEY, key, HistoryTerms.ROOM, room, HistoryTerms.START, start, HistoryTerms.END, end,
                HistoryTerms.USER, "u-ada");
        openArgs.put(process, args);
        return op(ms, process, OpType.INVOKE, HistoryTerms.CANCEL, args, null);
    }

    public HandWritten cancelled(double ms, String process) {
        return complete(ms, process, OpType.OK, HistoryTerms.CANCEL, Map.of(HistoryTerms.STATUS, "CANCELLED"), null);
    }

    public HandWritten cancelFailed(double ms, String process) {
        return complete(ms, process, OpType.FAIL, HistoryTerms.CANCEL, Map.of(HistoryTerms.REASON, HistoryTerms.REASON_UNAVAILABLE), "no primary");
    }

    public HandWritten cancelUnknown(double ms, String process) {
        return complete(ms, process, OpType.INFO, HistoryTerms.CANCEL, Map.of(), "timed out after sending");
    }

    public HandWritten read(double ms, String process, String room, String from, String to) {
        Map<String, String> args = Map.of(HistoryTerms.ROOM, room, HistoryTerms.FROM, from, HistoryTerms.TO, to);
        openArgs.put(process, args);
        return op(ms, process, OpType.INVOKE, HistoryTerms.READ, args, null);
    }

    /** Completes a read with what it saw ({@link Seen#encode}), not truncated. */
    public HandWritten saw(double ms, String process, java.util.List<Seen.Entry> seen) {
        return complete(ms, process, OpType.OK, HistoryTerms.READ, Map.of(HistoryTerms.SEEN, Seen.encode(seen), HistoryTerms.COUNT,
                Integer.toString(seen.size()), HistoryTerms.TRUNCATED, "false"), null);
    }

    public HandWritten ok(double ms, String process, String id) {
        return complete(ms, process, OpType.OK, Map.of(HistoryTerms.ID, id), null);
    }

    public HandWritten conflict(double ms, String process) {
        return complete(ms, process, OpType.FAIL, Map.of(HistoryTerms.REASON, HistoryTerms.REASON_CONFLICT), "room taken");
    }

    public HandWritten unavailable(double ms, String process) {
        return complete(ms, process, OpType.FAIL, Map.of(HistoryTerms.REASON, HistoryTerms.REASON_UNAVAILABLE), "no primary");
    }

    public HandWritten unknown(double ms, String process) {
        return complete(ms, process, OpType.INFO, Map.of(), "timed out after sending");
    }

    public HandWritten fault(double ms, String f, String member, long wallMillis) {
        return op(ms, "nemesis", OpType.INVOKE, f, Map.of(HistoryTerms.PHASE, HistoryTerms.PHASE_FAULT, HistoryTerms.MEMBER, member,
                HistoryTerms.WALL, Long.toString(wallMillis)), null)
                .op(ms + 1, "nemesis", OpType.OK, f, Map.of(HistoryTerms.PHASE, HistoryTerms.PHASE_FAULT, HistoryTerms.MEMBER, member), null);
    }

    public HandWritten heal(double ms, String member) {
        return op(ms, "nemesis", OpType.INVOKE, "start", Map.of(HistoryTerms.PHASE, HistoryTerms.PHASE_HEAL, HistoryTerms.MEMBER, member), null)
                .op(ms + 1, "nemesis", OpType.OK, "start", Map.of(HistoryTerms.PHASE, HistoryTerms.PHASE_HEAL, HistoryTerms.MEMBER, member), null);
    }

    public HandWritten event(double ms, String process, String f, Map<String, String> value) {
        return op(ms, process, OpType.EVENT, f, value, null);
    }

    private HandWritten complete(double ms, String process, OpType type, Map<String, String> result, String error) {
        return complete(ms, process, type, HistoryTerms.RESERVE, result, error);
    }

    private HandWritten complete(double ms, String process, OpType type, String f, Map<String, String> result,
                                 String error) {
        Map<String, String> value = new HashMap<>(openArgs.remove(process));
        value.putAll(result);
        return op(ms, process, type, f, value, error);
    }

    public List<Op> ops() {
        return List.copyOf(ops);
    }
}
