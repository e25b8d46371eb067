package dev.reservation.cli;

import dev.reservation.cli.input.DurationConverter;
import dev.reservation.cli.output.ClusterOutput;
import dev.reservation.cli.output.Output;
import dev.reservation.core.cluster.ClusterInspector;
import dev.reservation.core.cluster.ClusterTopology;
import dev.reservation.core.cluster.ReplicationReport;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cluster status | check-replication | watch}. They act as nobody (no {@code --as}, no
 * sign-in): they must answer while the store has no primary, when signing in could not. One
 * instance per run; not thread-safe.
 */
@Command(name = "cluster", mixinStandardHelpOptions = true, description = {
    "The store's cluster: members, replication, topology changes.",
    "Needs no --as, also with --mongo-uri: it must work while there is no primary to sign in against."})
public final class ClusterCommand {
    private final CliContext context;

    public ClusterCommand(CliContext context) {
        this.context = context;
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "The members with state, health and replication lag.")
    int status() {
        ClusterTopology topology = context.serviceActingAsNobody(ClusterInspector.class).topology();
        context.output().result(ClusterOutput.topology(topology), out -> ClusterOutput.topology(out, topology));
        return 0;
    }

    @Command(name = "check-replication", mixinStandardHelpOptions = true, description = {
        "Write a marker with majority write concern and report, per secondary, how long until it was"
            + " readable there."})
    int checkReplication(@Option(names = "--timeout", defaultValue = "10s", converter = DurationConverter.class,
            paramLabel = "<duration>", description = "how long to wait per member (default: ${DEFAULT-VALUE})")
                         Duration timeout) {
        ReplicationReport report = context.serviceActingAsNobody(ClusterInspector.class).checkReplication(timeout);
        context.output().result(ClusterOutput.replication(report), out -> ClusterOutput.replication(out, report));
        return 0;
    }

    @Command(name = "watch", mixinStandardHelpOptions = true, description = {
        "Print topology changes (primary lost, new primary elected, member down or recovered) with"
            + " timestamps as they happen, until Ctrl-C or the end of --for.",
        "With --json: one JSON document per line, one line per change (JSON Lines)."})
    int watch(@Option(names = "--for", converter = DurationConverter.class, paramLabel = "<duration>",
            description = "stop by itself after this long") Optional<Duration> duration) throws Exception {
        ClusterInspector cluster = context.serviceActingAsNobody(ClusterInspector.class);
        Output output = context.output();
        output.note("watching: " + cluster.topology().summary() + " (Ctrl-C to stop)");
        CountDownLatch stopped = new CountDownLatch(1);
        try (AutoCloseable watch = cluster.watch(event ->
                output.streamed(ClusterOutput.event(event), ClusterOutput.eventLine(event)))) {
            Thread hook = new Thread(() -> stopOnCtrlC(stopped), "reservation-watch-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                if (duration.isPresent()) {
                    stopped.await(duration.get().toMillis(), TimeUnit.MILLISECONDS);
                } else {
                    stopped.await();
                }
            } finally {
                removeHook(hook);
            }
        }
        return 0;
    }

    /** Ctrl-C: end the watch, then give the run a moment to close the store before the JVM halts. */
    private void stopOnCtrlC(CountDownLatch stopped) {
        stopped.countDown();
        try {
            context.awaitClosed(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // Ctrl-C: the JVM is exiting anyway
        }
    }
}
