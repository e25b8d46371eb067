package dev.reservation.harness;

import dev.reservation.harness.cluster.ClusterControl;
import dev.reservation.harness.cluster.ClusterKind;
import dev.reservation.harness.cluster.ClusterOptions;
import dev.reservation.harness.cluster.ElectionSettings;
import dev.reservation.harness.nemesis.Fault;
import dev.reservation.harness.nemesis.RigNemesis;
import dev.reservation.harness.report.Progress;
import dev.reservation.harness.workload.WorkloadSettings;
import dev.reservation.rig.ReplicationRig;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code harness run}: start or attach to a cluster, run the trials, write the run folder. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs N trials of one fault against a cluster under a reservation workload, checks the "
                + "history and the final state, and writes history.jsonl, summary.json, trials.csv and report.html.",
            "Exit codes: 0 every trial checked and passed, 1 a checker found a violation, 2 bad usage, "
                + "3 the run could not be done or checked."})
final class RunCommand implements Callable<Integer> {
    static final String AUTO = "auto";
    /** The rig's store defaults: short, so a trial exercises timeouts at every step of the booking protocol. */
    static final Duration RIG_WRITE_TIMEOUT = Duration.ofMillis(300);
    static final Duration RIG_PRIMARY_WAIT = Duration.ofSeconds(3);
    static final Duration RIG_HEARTBEAT = Duration.ofMillis(500);
    static final Duration RIG_ORPHAN_AGE = Duration.ofSeconds(3);

    private final HarnessWiring wiring;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--cluster", required = true, converter = KindConverter.class,
            description = "local-psa | local-pss | containers | external | embedded-process | rig-psa "
                    + "(required, no default). rig-psa: the replication rig, a SIMULATION of a PSA replica set "
                    + "inside this JVM; embedded-process: one embedded server process; the others need mongod, "
                    + "Docker or a replica set of yours.")
    ClusterKind cluster;
    @Option(names = "--fault", defaultValue = "kill", converter = FaultConverter.class,
            description = "kill | shutdown | freeze | stepdown | kill-secondary | restart; on rig-psa: stall-commit | "
                    + "failover-rollback | errors | lag | mixed (default: ${DEFAULT-VALUE}; rig-psa needs one of its own)")
    Fault fault;
    @Option(names = "--trials", defaultValue = "3", description = "how many trials (default: ${DEFAULT-VALUE})")
    int trials;
    @Option(names = "--threads", defaultValue = "4", description = "client threads (default: ${DEFAULT-VALUE})")
    int threads;
    @Option(names = "--rate", defaultValue = "50",
            description = "operations per second, all threads together (default: ${DEFAULT-VALUE})")
    double rate;
    @Option(names = "--duration", defaultValue = "30s", converter = DurationConverter.class,
            description = "length of one trial's workload (default: ${DEFAULT-VALUE})")
    Duration duration;
    @Option(names = "--warmup", defaultValue = AUTO,
            description = "workload time before the fault; auto = a quarter of --duration, at least 1s "
                    + "(default: ${DEFAULT-VALUE})")
    String warmup;
    @Option(names = "--down-time", defaultValue = "5s", converter = DurationConverter.class,
            description = "how long the faulted member stays down or frozen; unused on rig-psa (see --hold) "
                    + "(default: ${DEFAULT-VALUE})")
    Duration downTime;
    @Option(names = "--fault-timeout", defaultValue = "60s", converter = DurationConverter.class,
            description = "limit of every wait in a trial: election, catch-up, clients stopping, final read "
                    + "(default: ${DEFAULT-VALUE})")
    Duration faultTimeout;
    @Option(names = "--workload", defaultValue = "contention", converter = ModeConverter.class,
            description = "contention: few rooms, slots of 15-60 min in a sweeping hot window, cancellations, so "
                    + "that concurrent overlapping attempts are common; spread: 15-min slots over up to 14 days, no "
                    + "cancellations (steady ok writes for timing failover) (default: ${DEFAULT-VALUE})")
    WorkloadSettings.Mode workload;
    @Option(names = "--rooms", defaultValue = "2", description = "how many of the demo rooms are booked (default: ${DEFAULT-VALUE})")
    int rooms;
    @Option(names = "--hot-window", defaultValue = "4h", converter = DurationConverter.class,
            description = "contention workload: clients book inside a window this long that sweeps 24 h over the "
                    + "trial (default: ${DEFAULT-VALUE})")
    Duration hotWindow;
    @Option(names = "--read-fraction", defaultValue = "0.2",
            description = "share of operations that are reads, each checked (default: ${DEFAULT-VALUE})")
    double readFraction;
    @Option(names = "--cancel-fraction", defaultValue = "0.5",
            description = "contention workload: share of ok bookings their client cancels 1-8 operations later "
                    + "(default: ${DEFAULT-VALUE})")
    double cancelFraction;
    @Option(names = "--instances", defaultValue = "2",
            description = "store instances (app servers: each its own MongoClient and clock); client ci uses "
                    + "instance i mod n (default: ${DEFAULT-VALUE})")
    int instances;
    @Option(names = "--clock-skew", defaultValue = "0s", converter = DurationConverter.class,
            description = "spread the instances' clocks evenly over -skew..+skew, at most 1h (default: ${DEFAULT-VALUE})")
    Duration clockSkew;
    @Option(names = "--seed", defaultValue = "1", description = "seed of the generators and the rig nemesis (default: ${DEFAULT-VALUE})")
    long seed;
    @Option(names = "--out", defaultValue = AUTO,
            description = "run folder; auto = run/<cluster>-<fault>-<UTC time> (default: ${DEFAULT-VALUE})")
    String out;
    @Option(names = "--primary-wait", defaultValue = AUTO,
            description = "how long the store waits for a primary; auto = 15s, or " + "3s on rig-psa (default: ${DEFAULT-VALUE})")
    String primaryWait;
    @Option(names = "--write-timeout", defaultValue = AUTO,
            description = "wtimeout of the store's majority writes; auto = 10s, or 300ms on rig-psa, so that faults "
                    + "held 1-5 write timeouts time out every protocol step (default: ${DEFAULT-VALUE})")
    String writeTimeout;
    @Option(names = "--driver-heartbeat", defaultValue = AUTO,
            description = "how often the store's driver checks each member, at least 500ms: the resolution of "
                    + "driver-view timings; auto = 2s, or 500ms on rig-psa (default: ${DEFAULT-VALUE})")
    String driverHeartbeat;
    @Option(names = "--orphan-age", defaultValue = AUTO,
            description = "age after which claims without a reservation are fenced as a crashed booker's (liveness "
                    + "only); auto = the store's default (twice primary wait + write timeout + 5s, at least 1 min), "
                    + "or 3s on rig-psa (default: ${DEFAULT-VALUE})")
    String orphanAge;
    @Option(names = "--hold", defaultValue = "1-5",
            description = "rig-psa: each fault event is held a random MIN-MAX write timeouts (default: ${DEFAULT-VALUE})")
    String hold;
    @Option(names = "--fault-gap", defaultValue = "50ms-300ms",
            description = "rig-psa: random pause MIN-MAX between two fault events (default: ${DEFAULT-VALUE})")
    String faultGap;
    @Option(names = "--election-timeout-ms",
            description = "electionTimeoutMillis of a set the harness starts (default: none, the server's 10000)")
    Long electionTimeoutMs;
    @Option(names = "--heartbeat-interval-ms",
            description = "heartbeatIntervalMillis of a set the harness starts (default: none, the server's 2000)")
    Long heartbeatIntervalMs;
    @Option(names = "--catch-up-timeout-ms",
            description = "catchUpTimeoutMillis of a set the harness starts (default: none, the server's infinite)")
    Long catchUpTimeoutMs;
    @Option(names = "--mongod-bin",
            description = "mongod binary or its directory for local-psa/local-pss (default: none, then $MONGOD_BIN, "
                    + "then mongod on the PATH)")
    Path mongodBin;
    @Option(names = "--uri", description = "connection string of an external replica set (default: none; required "
            + "by --cluster external)")
    String uri;
    @Option(names = "--kill-hook", description = "external: shell command killing member {host}:{port} (default: none)")
    String killHook;
    @Option(names = "--start-hook", description = "external: shell command starting member {host}:{port} (default: none)")
    String startHook;
    @Option(names = "--image", defaultValue = ClusterOptions.DEFAULT_IMAGE,
            description = "mongod image for --cluster containers (default: ${DEFAULT-VALUE})")
    String image;

    RunCommand(HarnessWiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        boolean rig = cluster == ClusterKind.RIG_PSA;
        Path folder = !AUTO.equals(out) ? Path.of(out) : Path.of("run", cluster.label() + "-" + fault.label() + "-"
                + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(wiring.wall().instant()));
        if (holdsFiles(folder)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--out " + folder
                    + " already holds a run; choose another folder");
        }
        RunConfig config;
        try {
            ClusterOptions options = new ClusterOptions(cluster, folder, Optional.ofNullable(mongodBin),
                    Optional.ofNullable(uri), Optional.ofNullable(killHook), Optional.ofNullable(startHook), image,
                    new ElectionSettings(optional(electionTimeoutMs), optional(heartbeatIntervalMs),
                            optional(catchUpTimeoutMs)), null, null);
            StoreSettings store = new StoreSettings(
                    duration(primaryWait, rig ? RIG_PRIMARY_WAIT : dev.reservation.mongo.StoreOptions.DEFAULT_PRIMARY_WAIT),
                    duration(writeTimeout, rig ? RIG_WRITE_TIMEOUT : dev.reservation.mongo.StoreOptions.DEFAULT_WRITE_TIMEOUT),
                    duration(driverHeartbeat, rig ? RIG_HEARTBEAT : dev.reservation.mongo.StoreOptions.DEFAULT_HEARTBEAT),
                    AUTO.equals(orphanAge) ? (rig ? Optional.of(RIG_ORPHAN_AGE) : Optional.empty())
                            : Optional.of(DurationConverter.parse(orphanAge)),
                    instances, clockSkew);
            double[] holds = range(hold, "--hold");
            Duration[] gaps = durations(faultGap, "--fault-gap");
            RigNemesis.Settings rigFaults = new RigNemesis.Settings(store.writeTimeout(), holds[0], holds[1], gaps[0],
                    gaps[1], seed);
            config = new RunConfig(options, fault, trials, threads, rate, duration,
                    AUTO.equals(warmup) ? RunConfig.defaultWarmup(duration) : DurationConverter.parse(warmup), downTime,
                    faultTimeout, new WorkloadSettings(workload, rooms, hotWindow, readFraction, cancelFraction),
                    store, rigFaults, seed, folder);
        } catch (IllegalArgumentException | CommandLine.TypeConversionException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        Progress progress = new Progress(spec.commandLine().getOut(), trials, cluster.replicaSet(), cluster.simulation());
        if (cluster.simulation()) {
            progress.line(ReplicationRig.SIMULATION_NOTICE);
        }
        Files.createDirectories(folder);
        progress.line("starting " + cluster.label() + " (scratch and logs in " + folder + ") ...");
        ClusterControl control = wiring.clusters().start(config.cluster());
        AtomicBoolean closed = new AtomicBoolean();
        Runnable teardown = () -> {
            if (closed.compareAndSet(false, true)) {
                control.close();
            }
        };
        Thread hook = new Thread(() -> {
            err.println("interrupted: tearing down " + cluster.label() + " ...");
            err.flush();
            teardown.run();
        }, "harness-teardown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            progress.line("cluster: " + control.description());
            RunResult result = new Run(config, control, wiring.stores().create(config.store()), wiring.clock(),
                    wiring.wall(), progress).execute();
            progress.line((result.valid() ? result.complete() ? "PASSED" : "NOT CHECKED (see report)" : "VIOLATIONS FOUND")
                    + ": report in " + folder.resolve(RunReports.HTML));
            return result.exitCode();
        } finally {
            teardown.run();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running already
            }
        }
    }

    private static Duration duration(String value, Duration auto) {
        return AUTO.equals(value) ? auto : DurationConverter.parse(value);
    }

    /** "1-5" or "0.5-2.5" → {min, max}. */
    static double[] range(String value, String flag) {
        String[] parts = value.strip().split("-");
        try {
            if (parts.length == 2) {
                return new double[] {Double.parseDouble(parts[0].strip()), Double.parseDouble(parts[1].strip())};
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new IllegalArgumentException(flag + " must be MIN-MAX, e.g. 1-5, was '" + value + "'");
    }

    /** "50ms-300ms" → {min, max}. */
    static Duration[] durations(String value, String flag) {
        String[] parts = value.strip().split("-");
        if (parts.length != 2) {
            throw new IllegalArgumentException(flag + " must be MIN-MAX, e.g. 50ms-300ms, was '" + value + "'");
        }
        return new Duration[] {DurationConverter.parse(parts[0]), DurationConverter.parse(parts[1])};
    }

    private static boolean holdsFiles(Path folder) throws java.io.IOException {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (var files = Files.list(folder)) {
            return files.findAny().isPresent();
        }
    }

    private static OptionalLong optional(Long value) {
        return value == null ? OptionalLong.empty() : OptionalLong.of(value);
    }

    static final class KindConverter implements CommandLine.ITypeConverter<ClusterKind> {
        @Override
        public ClusterKind convert(String value) {
            return ClusterKind.parse(value);
        }
    }

    static final class FaultConverter implements CommandLine.ITypeConverter<Fault> {
        @Override
        public Fault convert(String value) {
            return Fault.parse(value);
        }
    }

    static final class ModeConverter implements CommandLine.ITypeConverter<WorkloadSettings.Mode> {
        @Override
        public WorkloadSettings.Mode convert(String value) {
            return WorkloadSettings.Mode.parse(value);
        }
    }
}
