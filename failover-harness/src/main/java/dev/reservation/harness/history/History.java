package dev.reservation.harness.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The run's history: every operation and observation, in the order they happened, stamped with
 * monotonic time since the run began and the current trial number. Thread-safe: client threads, the
 * nemesis and driver callbacks append concurrently; appends are serialized so indices and times grow
 * together. Each entry is also handed to a sink (e.g. the {@code history.jsonl} writer) as it is
 * appended, so a crashed run still leaves what it saw.
 */
public final class History {
    private final MonotonicClock clock;
    private final long origin;
    private final Consumer<Op> sink;
    private final List<Op> ops = new ArrayList<>();
    private int trial;

    public History(MonotonicClock clock, Consumer<Op> sink) {
        this.clock = Objects.requireNonNull(clock);
        this.origin = clock.nanoTime();
        this.sink = Objects.requireNonNull(sink);
    }

    public History(MonotonicClock clock) {
        this(clock, op -> { });
    }

    public synchronized void startTrial(int number) {
        this.trial = number;
    }

    public synchronized int trial() {
        return trial;
    }

    /** Nanoseconds since the run began, on the history's monotonic clock. */
    public long now() {
        return clock.nanoTime() - origin;
    }

    public Op invoke(String process, String f, Map<String, String> value) {
        return append(null, process, OpType.INVOKE, f, value, null);
    }

    /**
     * Completes {@code invocation} as ok, fail or info; the completion keeps the invocation's arguments
     * and its trial (an operation stuck past the end of its trial still completes in that trial).
     */
    public Op complete(Op invocation, OpType outcome, Map<String, String> result, String error) {
        if (!outcome.completes()) {
            throw new IllegalArgumentException("an operation completes as ok, fail or info, not " + outcome);
        }
        Map<String, String> merged = new java.util.HashMap<>(invocation.value());
        merged.putAll(result);
        return append(invocation.trial(), invocation.process(), outcome, invocation.f(), merged, error);
    }

    public Op event(String process, String f, Map<String, String> value) {
        return append(null, process, OpType.EVENT, f, value, null);
    }

    /** @param inTrial the trial to stamp, or {@code null} for the current one */
    private synchronized Op append(Integer inTrial, String process, OpType type, String f, Map<String, String> value,
                                   String error) {
        Op op = new Op(ops.size(), inTrial == null ? trial : inTrial, process, type, f, now(), value, error);
        ops.add(op);
        sink.accept(op);
        return op;
    }

    public synchronized List<Op> ops() {
        return List.copyOf(ops);
    }

    public synchronized List<Op> trialOps(int number) {
        return ops.stream().filter(op -> op.trial() == number).toList();
    }
}
