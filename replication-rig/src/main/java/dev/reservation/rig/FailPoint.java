package dev.reservation.rig;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.bson.BsonDocument;

/**
 * A fault injected into chosen commands, in the spirit of mongod's {@code failCommand} fail point
 * ({@code mode: {skip, times}}, {@code failCommands}, {@code errorCode}, {@code errorLabels},
 * {@code closeConnection}, {@code writeConcernError}, {@code blockTimeMS}), with three rig-only
 * extensions: a collection and a predicate to pick commands more precisely, closing the connection
 * <em>after</em> applying a write, and hooks that run just before or after a write is applied (to
 * stall or resume replication at an exact point of an interleaving). Immutable; arm it with
 * {@link ReplicationRig#arm}.
 *
 * <pre>
 * rig.arm(FailPoint.on("insert").collection("reservations").times(1).closeConnectionAfterApplying());
 * rig.arm(FailPoint.on("insert").skip(1).times(1).error(10107));     // the driver's retry is refused
 * </pre>
 */
public final class FailPoint {
    final Set<String> commands;
    final String collection;
    final Predicate<BsonDocument> when;
    final int skip;
    final int times;
    final Integer errorCode;
    final List<String> errorLabels;
    final boolean closeBefore;
    final boolean closeAfter;
    final Duration delay;
    final Integer writeConcernError;
    final Runnable beforeApplying;
    final Runnable afterApplying;

    private FailPoint(Builder b) {
        this.commands = b.commands;
        this.collection = b.collection;
        this.when = b.when;
        this.skip = b.skip;
        this.times = b.times;
        this.errorCode = b.errorCode;
        this.errorLabels = b.errorLabels;
        this.closeBefore = b.closeBefore;
        this.closeAfter = b.closeAfter;
        this.delay = b.delay;
        this.writeConcernError = b.writeConcernError;
        this.beforeApplying = b.beforeApplying;
        this.afterApplying = b.afterApplying;
    }

    /** A fail point for these commands (case-insensitive names, e.g. "insert", "findAndModify"). */
    public static Builder on(String... commands) {
        return new Builder(Arrays.stream(commands).map(Commands::lower).collect(Collectors.toUnmodifiableSet()));
    }

    boolean matches(String command, BsonDocument body) {
        return commands.contains(Commands.lower(command))
                && (collection == null || collection.equals(Commands.collection(body)))
                && when.test(body);
    }

    /** Builds a fail point; every method returns a new step of the same builder. Not thread-safe. */
    public static final class Builder {
        private final Set<String> commands;
        private String collection;
        private Predicate<BsonDocument> when = b -> true;
        private int skip;
        private int times = 1;
        private Integer errorCode;
        private List<String> errorLabels = List.of();
        private boolean closeBefore;
        private boolean closeAfter;
        private Duration delay = Duration.ZERO;
        private Integer writeConcernError;
        private Runnable beforeApplying = () -> { };
        private Runnable afterApplying = () -> { };

        private Builder(Set<String> commands) {
            this.commands = commands;
        }

        /** Only commands on this collection. */
        public Builder collection(String name) {
            this.collection = Objects.requireNonNull(name);
            return this;
        }

        /** Only commands whose body (as the client sent it, sequences folded in) satisfies this. */
        public Builder when(Predicate<BsonDocument> predicate) {
            this.when = Objects.requireNonNull(predicate);
            return this;
        }

        /** Let the first {@code n} matching commands through untouched. */
        public Builder skip(int n) {
            this.skip = n;
            return this;
        }

        /** Fire for this many matching commands (default 1). */
        public Builder times(int n) {
            this.times = n;
            return this;
        }

        public Builder always() {
            this.times = Integer.MAX_VALUE;
            return this;
        }

        /** Answer with this server error instead of running the command (labels as a 4.4+ server adds them). */
        public Builder error(int code) {
            this.errorCode = code;
            return this;
        }

        /** Answer with this error and exactly these labels (e.g. "NoWritesPerformed"). */
        public Builder error(int code, String... labels) {
            this.errorCode = code;
            this.errorLabels = List.of(labels);
            return this;
        }

        /** Close the client's connection without running the command. */
        public Builder closeConnectionBeforeApplying() {
            this.closeBefore = true;
            return this;
        }

        /** Run the command (apply and log it), then close the connection instead of answering. */
        public Builder closeConnectionAfterApplying() {
            this.closeAfter = true;
            return this;
        }

        /** Hold the command this long before running it. */
        public Builder delay(Duration d) {
            this.delay = Objects.requireNonNull(d);
            return this;
        }

        /** Run and replicate the write normally, but answer with this write-concern error code. */
        public Builder writeConcernError(int code) {
            this.writeConcernError = code;
            return this;
        }

        /** Runs on the rig's connection thread just before the command is applied. */
        public Builder beforeApplying(Runnable hook) {
            this.beforeApplying = Objects.requireNonNull(hook);
            return this;
        }

        /** Runs on the rig's connection thread just after the command is applied, before its write-concern wait. */
        public Builder afterApplying(Runnable hook) {
            this.afterApplying = Objects.requireNonNull(hook);
            return this;
        }

        public FailPoint build() {
            return new FailPoint(this);
        }
    }

    /** An armed fail point: how often it fired; closing disarms it. Thread-safe. */
    public static final class Armed implements AutoCloseable {
        final FailPoint spec;
        private final List<Armed> registry;
        private int seen;
        private int fired;

        Armed(FailPoint spec, List<Armed> registry) {
            this.spec = spec;
            this.registry = registry;
        }

        /** Counts a matching command; true if this fail point is due to fire for it. */
        synchronized boolean see() {
            seen++;
            return seen > spec.skip && fired < spec.times;
        }

        synchronized void fire() {
            fired++;
        }

        public synchronized int fired() {
            return fired;
        }

        @Override
        public void close() {
            registry.remove(this);
        }
    }

    /** The armed fail points of one rig, in arming order. Thread-safe. */
    static final class Registry {
        private final List<Armed> armed = new CopyOnWriteArrayList<>();

        Armed arm(FailPoint fp) {
            Armed a = new Armed(fp, armed);
            armed.add(a);
            return a;
        }

        /**
         * The fail point that fires for this command, or null: every armed one that matches counts
         * the command (so skips count independently); the first that is due fires.
         */
        FailPoint fire(String command, BsonDocument body) {
            Armed chosen = null;
            for (Armed a : armed) {
                if (a.spec.matches(command, body) && a.see() && chosen == null) {
                    chosen = a;
                }
            }
            if (chosen == null) {
                return null;
            }
            chosen.fire();
            return chosen.spec;
        }

        void clear() {
            armed.clear();
        }
    }
}
