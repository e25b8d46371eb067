package dev.reservation.harness.nemesis;

import dev.reservation.core.cluster.MemberState;
import dev.reservation.harness.cluster.ClusterControl;
import dev.reservation.harness.cluster.MemberHandle;
import dev.reservation.harness.cluster.ServerView;
import dev.reservation.harness.cluster.Waits;
import dev.reservation.harness.history.HistoryTerms;
import dev.reservation.harness.history.History;
import dev.reservation.harness.history.MonotonicClock;
import dev.reservation.harness.history.Op;
import dev.reservation.harness.history.OpType;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Injects one fault into the cluster and watches it heal, writing what it does and sees into the
 * history: the fault as a {@code nemesis} operation (with the wall-clock time, to compare with dates
 * the server reports), the new primary as the server reports it, the first write the harness's probe
 * gets acknowledged by a majority, the heal (start, SIGCONT) and the healed member catching up. Every
 * wait is bounded by the time limit; a wait that runs out is recorded as a {@code timeout} event and the
 * nemesis moves on, so a trial always ends with the fault healed. Not thread-safe: one trial at a time.
 */
public final class Nemesis implements FaultInjector {
    private static final String SELF = "nemesis";
    private final ClusterControl cluster;
    private final History history;
    private final MonotonicClock clock;
    private final Clock wall;
    private final Duration poll;

    public Nemesis(ClusterControl cluster, History history, MonotonicClock clock, Clock wall, Duration poll) {
        this.cluster = cluster;
        this.history = history;
        this.clock = clock;
        this.wall = wall;
        this.poll = poll;
    }

    /** Waits until every member is up and one is primary; false (and a timeout event) when it does not happen. */
    @Override
    public boolean awaitSettled(Duration limit) {
        return await(limit, "cluster settled (all members healthy, one primary)",
                () -> Optional.of(cluster.view()).filter(ServerView::settled)).isPresent();
    }

    /**
     * Injects {@code fault}, keeps the member down (or frozen) for {@code downTime} (none for a restart or
     * a step-down), heals it and waits for it to catch up; every wait at most {@code limit}.
     */
    @Override
    public void run(Fault fault, Duration downTime, Duration budget, Duration limit) {
        run(fault, downTime, limit);
    }

    /** One fault, as {@link #run(Fault, Duration, Duration, Duration)} without a budget (it injects one fault). */
    public void run(Fault fault, Duration downTime, Duration limit) {
        if (fault == Fault.RESTART || fault == Fault.STEPDOWN) {
            downTime = Duration.ZERO;
        }
        long start = clock.nanoTime();
        ServerView before = cluster.view();
        Optional<String> target = target(fault, before, limit);
        if (target.isEmpty()) {
            return;
        }
        boolean replicated = cluster.kind().replicaSet();
        Op invoke = history.invoke(SELF, fault.label(), Map.of(HistoryTerms.PHASE, HistoryTerms.PHASE_FAULT, HistoryTerms.MEMBER, target.get(),
                HistoryTerms.WALL, Long.toString(wall.millis())));
        if (!act(invoke, () -> inject(fault, target.get()))) {
            return;
        }
        boolean writable = false;
        if (fault.targetsPrimary() && replicated) {
            awaitElection(before, target.get(), limit);
        }
        Duration downLeft = downTime.minusNanos(clock.nanoTime() - start);
        if (fault.targetsPrimary() && !downLeft.isNegative() && !downLeft.isZero()) {
            writable = awaitWritable(downLeft, false);
        }
        Waits.pause(downTime.minusNanos(clock.nanoTime() - start));
        long targetOptime = cluster.view().primaryOptime();
        boolean healed = heal(fault, target.get());
        if (fault.targetsPrimary() && !writable) {
            awaitWritable(limit, true);
        }
        if (healed && replicated) {
            awaitCaughtUp(target.get(), targetOptime, limit);
        }
    }

    private Optional<String> target(Fault fault, ServerView before, Duration limit) {
        if (fault.targetsPrimary()) {
            return before.primary().or(() -> await(limit, "a primary to inject " + fault.label() + " into",
                    () -> cluster.view().primary()));
        }
        return await(limit, "a healthy data-bearing secondary to kill", () -> cluster.view().members().stream()
                .filter(m -> m.state() == MemberState.SECONDARY && m.healthy()
                        && cluster.dataMembers().contains(m.host()))
                .map(ServerView.Member::host).findFirst());
    }

    private void inject(Fault fault, String member) {
        MemberHandle handle = fault == Fault.STEPDOWN ? null : cluster.member(member);
        switch (fault) {
            case KILL, KILL_SECONDARY -> handle.kill();
            case SHUTDOWN, RESTART -> handle.terminate();
            case FREEZE -> handle.freeze();
            case STEPDOWN -> cluster.stepDown(member, Duration.ofSeconds(30));
        }
    }

    private boolean heal(Fault fault, String member) {
        if (fault == Fault.STEPDOWN) {
            return false;
        }
        MemberHandle handle = cluster.member(member);
        String action = fault == Fault.FREEZE ? "thaw" : "start";
        Op invoke = history.invoke(SELF, action, Map.of(HistoryTerms.PHASE, HistoryTerms.PHASE_HEAL, HistoryTerms.MEMBER, member,
                HistoryTerms.WALL, Long.toString(wall.millis())));
        return act(invoke, fault == Fault.FREEZE ? handle::thaw : handle::start);
    }

    private boolean act(Op invoke, Runnable action) {
        try {
            action.run();
            history.complete(invoke, OpType.OK, Map.of(), null);
            return true;
        } catch (RuntimeException e) {
            history.complete(invoke, OpType.FAIL, Map.of(), e.getClass().getSimpleName() + ": " + e.getMessage());
            return false;
        }
    }

    private void awaitElection(ServerView before, String oldPrimary, Duration limit) {
        await(limit, "a new primary after the fault", () -> Optional.of(cluster.view())
                .filter(v -> v.primary().isPresent() && (v.term() > before.term() || !v.primary().get().equals(oldPrimary))))
                .ifPresent(v -> {
                    Map<String, String> value = new HashMap<>(Map.of(HistoryTerms.SOURCE, HistoryTerms.SOURCE_SERVER,
                            HistoryTerms.MEMBER, v.primary().get(), "term", Long.toString(v.term())));
                    v.electionWall().ifPresent(w -> value.put(HistoryTerms.ELECTION_WALL, Long.toString(w)));
                    history.event("server", HistoryTerms.PRIMARY_ELECTED, value);
                });
    }

    /** Polls with a majority probe write; records when it is first acknowledged. */
    private boolean awaitWritable(Duration limit, boolean recordTimeout) {
        Optional<Boolean> ok = Waits.until(clock, limit, poll,
                () -> cluster.probeWrite() ? Optional.of(true) : Optional.empty());
        if (ok.isPresent()) {
            history.event("harness", HistoryTerms.WRITABLE_AGAIN, Map.of(HistoryTerms.SOURCE, HistoryTerms.SOURCE_POLL,
                    HistoryTerms.DETAIL, "a majority probe write was acknowledged"));
            return true;
        }
        if (recordTimeout) {
            timeout(limit, "a write acknowledged by a majority");
        }
        return false;
    }

    private void awaitCaughtUp(String member, long targetOptime, Duration limit) {
        await(limit, member + " to be SECONDARY and caught up", () -> cluster.view().member(member)
                .filter(m -> m.healthy() && m.state() == MemberState.SECONDARY && m.optime() >= targetOptime))
                .ifPresent(m -> history.event("server", HistoryTerms.MEMBER_CAUGHT_UP, Map.of(HistoryTerms.MEMBER, member,
                        HistoryTerms.SOURCE, HistoryTerms.SOURCE_SERVER, "optime", Long.toString(m.optime()))));
    }

    private <T> Optional<T> await(Duration limit, String what, java.util.function.Supplier<Optional<T>> probe) {
        Optional<T> seen = Waits.until(clock, limit, poll, probe);
        if (seen.isEmpty()) {
            timeout(limit, what);
        }
        return seen;
    }

    private void timeout(Duration limit, String what) {
        history.event("harness", HistoryTerms.TIMEOUT, Map.of(HistoryTerms.DETAIL, "no " + what + " within " + limit.toMillis() + " ms"));
    }
}
