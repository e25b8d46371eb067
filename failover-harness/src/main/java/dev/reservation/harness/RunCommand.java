package dev.reservation.harness;

import dev.reservation.harness.cluster.ClusterControl;
import dev.reservation.harness.cluster.ClusterKind;
import dev.reservation.harness.cluster.ClusterOptions;
import dev.reservation.harness.cluster.ElectionSettings;
import dev.reservation.harness.nemesis.Fault;
import dev.reservation.harness.report.Progress;
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
        description = "Runs N trials of one fault against a cluster under a reservation workload.")
final class RunCommand implements Callable<Integer> {
    private final HarnessWiring wiring;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--cluster", required = true, converter = KindConverter.class,
            description = "local-psa | local-pss | containers | external | embedded-process")
    ClusterKind cluster;
    @Option(names = "--fault", defaultValue = "kill", converter = FaultConverter.class,
            description = "kill | shutdown | freeze | stepdown | kill-secondary | restart (default: ${DEFAULT-VALUE})")
    Fault fault;
    @Option(names = "--trials", defaultValue = "3") int trials;
    @Option(names = "--threads", defaultValue = "4") int threads;
    @Option(names = "--rate", defaultValue = "50", description = "operations per second, all threads together")
    double rate;
    @Option(names = "--duration", defaultValue = "30s", converter = DurationConverter.class) Duration duration;
    @Option(names = "--warmup", converter = DurationConverter.class,
            description = "workload time before the fault (default: a quarter of --duration)") Duration warmup;
    @Option(names = "--down-time", defaultValue = "5s", converter = DurationConverter.class,
            description = "how long the faulted member stays down or frozen") Duration downTime;
    @Option(names = "--fault-timeout", defaultValue = "60s", converter = DurationConverter.class,
            description = "limit of every wait in a trial") Duration faultTimeout;
    @Option(names = "--rooms", defaultValue = "3") int rooms;
    @Option(names = "--read-fraction", defaultValue = "0.2") double readFraction;
    @Option(names = "--seed", defaultValue = "1") long seed;
    @Option(names = "--out", description = "run folder (default: run/<cluster>-<fault>-<time>)") Path out;
    @Option(names = "--election-timeout-ms") Long electionTimeoutMs;
    @Option(names = "--heartbeat-interval-ms") Long heartbeatIntervalMs;
    @Option(names = "--catch-up-timeout-ms") Long catchUpTimeoutMs;
    @Option(names = "--mongod-bin", description = "mongod binary or its directory (else $MONGOD_BIN, else PATH)")
    Path mongodBin;
    @Option(names = "--uri", description = "connection string of an external replica set") String uri;
    @Option(names = "--kill-hook", description = "shell command killing member {host}:{port} (external)") String killHook;
    @Option(names = "--start-hook", description = "shell command starting member {host}:{port} (external)") String startHook;
    @Option(names = "--image", defaultValue = ClusterOptions.DEFAULT_IMAGE, description = "mongod image (containers)")
    String image;
    @Option(names = "--primary-wait", defaultValue = "15s", converter = DurationConverter.class,
            description = "how long the store waits for a primary") Duration primaryWait;
    @Option(names = "--write-timeout", defaultValue = "10s", converter = DurationConverter.class,
            description = "wtimeout of the store's majority writes") Duration writeTimeout;
    @Option(names = "--driver-heartbeat", defaultValue = "2s", converter = DurationConverter.class,
            description = "how often the store's driver checks each member (at least 500ms): the resolution of "
                    + "driver-view timings") Duration driverHeartbeat;

    RunCommand(HarnessWiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        Path folder = out != null ? out : Path.of("run", cluster.label() + "-" + fault.label() + "-"
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
            config = new RunConfig(options, fault, trials, threads, rate, duration,
                    warmup != null ? warmup : RunConfig.defaultWarmup(duration), downTime, faultTimeout, rooms,
                    readFraction, seed, folder);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        Files.createDirectories(folder);
        Progress progress = new Progress(spec.commandLine().getOut(), trials, cluster.replicaSet());
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
            RunResult result = new Run(config, control, wiring.stores().create(primaryWait, writeTimeout, driverHeartbeat),
                    wiring.clock(), wiring.wall(), progress).execute();
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
}
