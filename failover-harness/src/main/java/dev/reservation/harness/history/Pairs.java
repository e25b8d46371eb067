package dev.reservation.harness.history;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Matches each client's invocations with their completions. A client process has at most one
 * operation in flight, so its next completion belongs to its last invocation. Pure; thread-safe.
 */
public final class Pairs {
    private Pairs() {
    }

    /** An invocation and its completion ({@code null} when the history ends before it completed). */
    public record Pair(Op invoke, Op completion) {
        public long latencyNanos() {
            return completion == null ? -1 : completion.time() - invoke.time();
        }

        public OpType outcome() {
            return completion == null ? OpType.INFO : completion.type();
        }
    }

    /** Client operations in invocation order. */
    public static List<Pair> of(List<Op> ops) {
        List<Pair> pairs = new ArrayList<>();
        Map<String, Integer> open = new HashMap<>();
        for (Op op : ops) {
            if (!op.isClient()) {
                continue;
            }
            if (op.type() == OpType.INVOKE) {
                open.put(op.process(), pairs.size());
                pairs.add(new Pair(op, null));
            } else if (op.type().completes()) {
                Integer at = open.remove(op.process());
                if (at == null) {
                    throw new IllegalArgumentException("history entry " + op.index() + " completes an operation "
                            + op.process() + " never invoked");
                }
                pairs.set(at, new Pair(pairs.get(at).invoke(), op));
            }
        }
        return pairs;
    }
}
