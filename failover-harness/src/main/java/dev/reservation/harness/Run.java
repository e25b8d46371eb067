package dev.reservation.harness;

import dev.reservation.core.cluster.TopologyEvent;
import dev.reservation.core.domain.Actor;
import dev.reservation.core.domain.Role;
import dev.reservation.core.service.BookingPolicy;
import dev.reservation.core.service.DemoData;
import dev.reservation.core.service.IdGenerator;
import dev.reservation.core.service.ReservationService;
import dev.reservation.core.service.RoomSearchService;
import dev.reservation.core.service.SeedService;
import dev.reservation.core.domain.Room;
import dev.reservation.core.domain.User;
import dev.reservation.harness.cluster.ClusterControl;
import dev.reservation.harness.cluster.Waits;
import dev.reservation.harness.history.Fn;
import dev.reservation.harness.history.History;
import dev.reservation.harness.history.HistoryFiles;
import dev.reservation.harness.history.MonotonicClock;
import dev.reservation.harness.nemesis.Nemesis;
import dev.reservation.harness.report.Progress;
import dev.reservation.harness.workload.Booker;
import dev.reservation.harness.workload.StoreBackend;
import dev.reservation.harness.workload.WorkloadClient;
import dev.reservation.harness.workload.WorkloadSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One run against a cluster that is already up: opens the stores on it, records the driver's topology
 * events, seeds the demo users and rooms, runs the trials, and writes the run folder
 * ({@link RunReports}). The cluster is the caller's to close. Not thread-safe: run once.
 */
public final class Run {
    private static final Duration MAX_SPAN = Duration.ofDays(14);
    private static final Duration ALL_TRIALS = Duration.ofDays(170);
    private final RunConfig config;
    private final ClusterControl cluster;
    private final StoreBackend.Factory stores;
    private final MonotonicClock clock;
    private final Clock wall;
    private final Progress progress;

    public Run(RunConfig config, ClusterControl cluster, StoreBackend.Factory stores, MonotonicClock clock,
               Clock wall, Progress progress) {
        this.config = config;
        this.cluster = cluster;
        this.stores = stores;
        this.clock = clock;
        this.wall = wall;
        this.progress = progress;
    }

    public RunResult execute() throws IOException, InterruptedException {
        Files.createDirectories(config.out());
        Instant startedAt = wall.instant();
        List<TrialResult> results = new ArrayList<>();
        History history;
        try (HistoryFiles.Writer file = new HistoryFiles.Writer(config.out().resolve(RunReports.HISTORY));
             StoreBackend backend = stores.open(cluster.clientUri())) {
            history = new History(clock, file.andThen(progress));
            AutoCloseable watch = backend.cluster().watch(e -> record(history, e));
            try {
                runTrials(backend, history, startedAt, results);
            } finally {
                closeQuietly(watch);
            }
        }
        RunReports.write(config, cluster, stores.description(), startedAt, results, history.ops());
        return new RunResult(results, config.out());
    }

    private void runTrials(StoreBackend backend, History history, Instant startedAt, List<TrialResult> results)
            throws InterruptedException {
        seed(backend);
        WorkloadClient client = new WorkloadClient(booker(service(backend)), backend.reservations(), history);
        Nemesis nemesis = new Nemesis(cluster, history, clock, wall, Duration.ofMillis(100));
        TrialRunner runner = new TrialRunner(config, history, nemesis, client,
                new FinalStateReader(backend.reservations(), clock), clock);
        String keyPrefix = "h-" + Long.toString(startedAt.toEpochMilli(), 36) + "-";
        Instant base = startedAt.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1));
        Duration span = ALL_TRIALS.dividedBy(config.trials()).compareTo(MAX_SPAN) < 0
                ? ALL_TRIALS.dividedBy(config.trials()) : MAX_SPAN;
        for (int trial = 1; trial <= config.trials(); trial++) {
            progress.line(String.format(Locale.ROOT, "trial %d/%d: %s, %d threads at %.0f ops/s for %s",
                    trial, config.trials(), config.fault().description(), config.threads(), config.rate(),
                    Durations.human(config.duration())));
            TrialResult result = runner.run(spec(TrialRunner.window(base, span, trial), keyPrefix, trial));
            results.add(result);
            progress.trial(result);
        }
    }

    private static void closeQuietly(AutoCloseable watch) {
        try {
            watch.close();
        } catch (Exception e) {
            org.slf4j.LoggerFactory.getLogger(Run.class).warn("could not stop watching the cluster: {}", e.getMessage());
        }
    }

    private WorkloadSpec spec(dev.reservation.core.domain.TimeSlot window, String keyPrefix, int trial) {
        List<String> rooms = DemoData.ROOMS.stream().limit(config.rooms()).map(Room::id).toList();
        List<String> users = DemoData.USERS.stream().map(User::id).toList();
        return new WorkloadSpec(rooms, users, window, Duration.ofMinutes(15), Duration.ofMinutes(5),
                config.readFraction(), keyPrefix, trial);
    }

    /** Books as the application does, each demo user for themselves (as a member; the admin may too). */
    private static Booker booker(ReservationService service) {
        return request -> service.reserveWithReceipt(new Actor(request.userId(), Role.MEMBER), request);
    }

    private ReservationService service(StoreBackend backend) {
        BookingPolicy policy = BookingPolicy.DEFAULT;
        RoomSearchService search = new RoomSearchService(backend.rooms(), backend.reservations(), policy, wall);
        return new ReservationService(backend.users(), backend.rooms(), backend.reservations(), search, policy, wall,
                IdGenerator.uuids());
    }

    private void seed(StoreBackend backend) {
        SeedService seed = new SeedService(backend.users(), backend.rooms());
        RuntimeException[] last = new RuntimeException[1];
        Waits.until(clock, config.faultTimeout(), Duration.ofMillis(500), () -> {
            try {
                return Optional.of(seed.seed(Actor.LOCAL_OPERATOR));
            } catch (RuntimeException e) {
                last[0] = e;
                return Optional.empty();
            }
        }).orElseThrow(() -> new IllegalStateException("could not seed the demo users and rooms: "
                + (last[0] == null ? "timed out" : last[0].getMessage()), last[0]));
    }

    private static void record(History history, TopologyEvent event) {
        String f = event.type() == TopologyEvent.Type.PRIMARY_ELECTED ? Fn.PRIMARY_ELECTED
                : event.type() == TopologyEvent.Type.PRIMARY_LOST ? Fn.PRIMARY_LOST
                : event.type().name().toLowerCase(Locale.ROOT).replace('_', '-');
        history.event(Fn.SOURCE_DRIVER, f, Map.of(Fn.SOURCE, Fn.SOURCE_DRIVER, Fn.MEMBER, event.host(),
                Fn.DETAIL, event.detail(), "at", event.at().toString()));
    }
}
