package dev.reservation.harness.nemesis;

import dev.reservation.harness.cluster.RigCluster;
import dev.reservation.harness.cluster.Waits;
import dev.reservation.harness.history.HistoryTerms;
import dev.reservation.harness.history.History;
import dev.reservation.harness.history.MonotonicClock;
import dev.reservation.harness.history.Op;
import dev.reservation.harness.history.OpType;
import dev.reservation.rig.FailPoint;
import dev.reservation.rig.ReplicationRig;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.function.Predicate;
import org.bson.BsonDocument;

/**
 * The replication rig's nemesis (a SIMULATION of a PSA replica set): for the trial's budget it injects
 * one fault event after another, each held for a random {@code holdMin..holdMax} store write timeouts
 * (a stall of one to five write timeouts is what makes bookings time out at every step of the booking
 * protocol, and their retries meet the commit point moving again at every step), with a random gap
 * between events; then it heals everything. Events:
 * <ul>
 *   <li>{@code stall-commit} / heal {@code resume-commit}: the secondary is down, nothing commits;</li>
 *   <li>{@code failover-rollback}: a stall, then {@code failover}: no primary for 100-400 ms (half of the
 *       time dropping every connection), the uncommitted suffix rolled back; then the stall ends;</li>
 *   <li>{@code error-window} / heal {@code disarm}: fail points on writes for the hold, one kind per window
 *       (NotWritablePrimary, connection closed before or after applying, a lost reply whose retry is
 *       refused as not primary, a delay, a write-concern error), each matching write hit with a set chance;</li>
 *   <li>{@code lag} / heal {@code no-lag}: each replicated write waits a random 0..2 write timeouts.</li>
 * </ul>
 * Every event is recorded as a {@code nemesis} operation (phase {@code fault}, then {@code heal}) with
 * what it did (hold, rolled-back writes). Seeded. Not thread-safe: one trial at a time.
 */
public final class RigNemesis implements FaultInjector {
    private static final String SELF = "nemesis";
    private static final String[] WRITES = {"insert", "update", "delete", "findAndModify"};
    private static final Fault[] MIX = {Fault.STALL_COMMIT, Fault.FAILOVER_ROLLBACK, Fault.ERRORS, Fault.LAG};

    /**
     * @param writeTimeout the store's write timeout, the unit of every hold
     * @param holdMin      shortest hold, in write timeouts
     * @param holdMax      longest hold, in write timeouts
     * @param gapMin       shortest pause between two events
     * @param gapMax       longest pause between two events
     */
    public record Settings(Duration writeTimeout, double holdMin, double holdMax, Duration gapMin, Duration gapMax,
                           long seed) {
        public Settings {
            Objects.requireNonNull(writeTimeout, "writeTimeout");
            if (holdMin <= 0 || holdMax < holdMin) {
                throw new IllegalArgumentException("--hold must be a range of positive write-timeout multiples, "
                        + "shortest first (e.g. 1-5)");
            }
            if (gapMin.isNegative() || gapMax.compareTo(gapMin) < 0) {
                throw new IllegalArgumentException("--fault-gap must be a range of durations, shortest first (e.g. 50ms-300ms)");
            }
        }
    }

    private final RigCluster cluster;
    private final History history;
    private final MonotonicClock clock;
    private final Clock wall;
    private final Settings settings;
    private final Random random;
    private final Duration poll = Duration.ofMillis(50);

    public RigNemesis(RigCluster cluster, History history, MonotonicClock clock, Clock wall, Settings settings, int trial) {
        this.cluster = cluster;
        this.history = history;
        this.clock = clock;
        this.wall = wall;
        this.settings = settings;
        this.random = new Random(settings.seed() * 7_919L + trial);
    }

    @Override
    public boolean awaitSettled(Duration limit) {
        healAll();
        Optional<Boolean> settled = Waits.until(clock, limit, poll,
                () -> cluster.view().settled() ? Optional.of(true) : Optional.empty());
        if (settled.isEmpty()) {
            history.event("harness", HistoryTerms.TIMEOUT, Map.of(HistoryTerms.DETAIL, "no settled rig (primary, secondary up) within "
                    + limit.toMillis() + " ms"));
        }
        return settled.isPresent();
    }

    @Override
    public void run(Fault fault, Duration downTime, Duration budget, Duration limit) {
        if (!fault.rig()) {
            Op invoke = history.invoke(SELF, fault.label(), Map.of(HistoryTerms.PHASE, HistoryTerms.PHASE_FAULT));
            history.complete(invoke, OpType.FAIL, Map.of(), "UnsupportedFaultException: the replication rig injects "
                    + "stall-commit, failover-rollback, errors, lag or mixed, not " + fault.label());
            return;
        }
        long end = clock.nanoTime() + budget.toNanos();
        try {
            while (clock.nanoTime() < end) {
                Duration hold = hold();
                Duration left = Duration.ofNanos(end - clock.nanoTime());
                if (hold.compareTo(left) > 0) {
                    hold = left;
                }
                if (hold.compareTo(settings.writeTimeout()) < 0) {
                    break; // too little time left for an event that means something
                }
                Fault event = fault == Fault.MIXED ? MIX[random.nextInt(MIX.length)] : fault;
                switch (event) {
                    case STALL_COMMIT -> stall(hold, false);
                    case FAILOVER_ROLLBACK -> stall(hold, true);
                    case ERRORS -> errors(hold);
                    case LAG -> lag(hold);
                    default -> throw new IllegalStateException(event.label());
                }
                Waits.pause(gap());
            }
        } finally {
            healAll();
        }
    }

    private void stall(Duration hold, boolean failover) {
        String secondary = cluster.members().get(1);
        if (!act(HistoryTerms.PHASE_FAULT, "stall-commit", secondary, Map.of(HistoryTerms.HOLD_MS, Long.toString(hold.toMillis())),
                cluster::stallCommitPoint)) {
            return;
        }
        Waits.pause(hold);
        if (failover) {
            boolean crash = random.nextBoolean();
            Duration window = Duration.ofMillis(100 + random.nextInt(301));
            Map<String, String> args = Map.of("crash", Boolean.toString(crash), "windowMs",
                    Long.toString(window.toMillis()));
            Op invoke = history.invoke(SELF, "failover", withWall(HistoryTerms.PHASE_FAULT, cluster.members().get(0), args));
            try {
                ReplicationRig.Rollback rollback = cluster.failover(window, crash);
                history.complete(invoke, OpType.OK, Map.of("rolledBack", Integer.toString(rollback.writesRolledBack())),
                        null);
                history.event(HistoryTerms.SOURCE_RIG, HistoryTerms.PRIMARY_ELECTED, Map.of(HistoryTerms.SOURCE, HistoryTerms.SOURCE_RIG, HistoryTerms.MEMBER,
                        cluster.members().get(0), "term", Long.toString(cluster.term()), HistoryTerms.DETAIL,
                        "simulated failover complete, " + rollback.writesRolledBack() + " uncommitted writes rolled back"));
            } catch (RuntimeException e) {
                history.complete(invoke, OpType.FAIL, Map.of(), e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
        act(HistoryTerms.PHASE_HEAL, "resume-commit", secondary, Map.of(), cluster::resumeCommitPoint);
    }

    private void errors(Duration hold) {
        ReplicationRig rig = cluster.rig();
        int kind = random.nextInt(6);
        String name;
        List<FailPoint.Builder> points = new ArrayList<>();
        switch (kind) {
            case 0 -> {
                name = "not-writable-primary";
                points.add(FailPoint.on(WRITES).when(chance(0.3)).always().error(10107));
            }
            case 1 -> {
                name = "close-before-applying";
                points.add(FailPoint.on(WRITES).when(chance(0.3)).always().closeConnectionBeforeApplying());
            }
            case 2 -> {
                name = "close-after-applying";
                points.add(FailPoint.on(WRITES).when(chance(0.3)).always().closeConnectionAfterApplying());
            }
            case 3 -> {
                name = "lost-reply-then-not-writable-primary";
                points.add(FailPoint.on(WRITES).when(chance(0.3)).always().closeConnectionAfterApplying());
                points.add(FailPoint.on(WRITES).when(chance(0.5)).always().error(10107));
            }
            case 4 -> {
                name = "delay";
                long ms = Math.max(1, (long) (settings.writeTimeout().toMillis() * (0.5 + random.nextDouble() * 1.5)));
                points.add(FailPoint.on(WRITES).when(chance(0.5)).always().delay(Duration.ofMillis(ms)));
            }
            default -> {
                name = "write-concern-error";
                points.add(FailPoint.on(WRITES).when(chance(0.3)).always().writeConcernError(64));
            }
        }
        List<FailPoint.Armed> armed = new ArrayList<>();
        if (!act(HistoryTerms.PHASE_FAULT, "error-window", cluster.members().get(0), Map.of("kind", name,
                HistoryTerms.HOLD_MS, Long.toString(hold.toMillis())), () -> points.forEach(p -> armed.add(rig.arm(p))))) {
            return;
        }
        Waits.pause(hold);
        act(HistoryTerms.PHASE_HEAL, "disarm", cluster.members().get(0), Map.of("fired",
                Integer.toString(armed.stream().mapToInt(FailPoint.Armed::fired).sum())), () -> armed.forEach(FailPoint.Armed::close));
    }

    private void lag(Duration hold) {
        Duration max = Duration.ofMillis(Math.max(1, (long) (settings.writeTimeout().toMillis() * 2 * random.nextDouble())));
        String secondary = cluster.members().get(1);
        if (!act(HistoryTerms.PHASE_FAULT, "lag", secondary, Map.of("maxMs", Long.toString(max.toMillis()),
                HistoryTerms.HOLD_MS, Long.toString(hold.toMillis())), () -> cluster.rig().lag(Duration.ZERO, max))) {
            return;
        }
        Waits.pause(hold);
        act(HistoryTerms.PHASE_HEAL, "no-lag", secondary, Map.of(), () -> cluster.rig().lag(Duration.ZERO));
    }

    /** Leaves the rig healthy: commit point moving, no fail point, no lag. */
    private void healAll() {
        cluster.rig().disarmAll();
        cluster.rig().lag(Duration.ZERO);
        if (cluster.stalled()) {
            act(HistoryTerms.PHASE_HEAL, "resume-commit", cluster.members().get(1), Map.of(), cluster::resumeCommitPoint);
        }
    }

    private Predicate<BsonDocument> chance(double p) {
        Random own = new Random(random.nextLong());
        return body -> {
            synchronized (own) {
                return own.nextDouble() < p;
            }
        };
    }

    private Duration hold() {
        double factor = settings.holdMin() + random.nextDouble() * (settings.holdMax() - settings.holdMin());
        return Duration.ofNanos((long) (settings.writeTimeout().toNanos() * factor));
    }

    private Duration gap() {
        long span = settings.gapMax().toMillis() - settings.gapMin().toMillis();
        return settings.gapMin().plusMillis(span <= 0 ? 0 : (long) (random.nextDouble() * (span + 1)));
    }

    private Map<String, String> withWall(String phase, String member, Map<String, String> args) {
        Map<String, String> value = new HashMap<>(args);
        value.put(HistoryTerms.PHASE, phase);
        value.put(HistoryTerms.MEMBER, member);
        value.put(HistoryTerms.WALL, Long.toString(wall.millis()));
        return value;
    }

    private boolean act(String phase, String f, String member, Map<String, String> args, Runnable action) {
        Op invoke = history.invoke(SELF, f, withWall(phase, member, args));
        try {
            action.run();
            history.complete(invoke, OpType.OK, Map.of(), null);
            return true;
        } catch (RuntimeException e) {
            history.complete(invoke, OpType.FAIL, Map.of(), e.getClass().getSimpleName() + ": " + e.getMessage());
            return false;
        }
    }
}
