package dev.reservation.harness;

import dev.reservation.harness.checker.TrialResult;
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
import dev.reservation.harness.history.HistoryTerms;
import dev.reservation.harness.history.History;
import dev.reservation.harness.history.HistoryFiles;
import dev.reservation.harness.history.MonotonicClock;
import dev.reservation.harness.cluster.RigCluster;
import dev.reservation.harness.nemesis.FaultInjector;
import dev.reservation.harness.nemesis.Nemesis;
import dev.reservation.harness.nemesis.RigNemesis;
import dev.reservation.harness.report.Progress;
import dev.reservation.core.domain.TimeSlot;
import dev.reservation.harness.workload.Booker;
import dev.reservation.harness.workload.Canceller;
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
 * One run against a cluster that is already up: opens the store instances on it (each its own client
 * and clock, as several app servers), records the first instance's driver topology events, seeds the
 * demo users and rooms, runs the trials, and writes the run folder
 * ({@link RunReports}). The cluster is the caller's to close. Not thread-safe: run once.
 */
public final class Run {
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
        List<StoreBackend> backends = new ArrayList<>();
        try (HistoryFiles.Writer file = new HistoryFiles.Writer(config.out().resolve(RunReports.HISTORY))) {
            for (int k = 0; k < config.store().instances(); k++) {
                backends.add(stores.open(cluster.clientUri(), clock(k)));
            }
            history = new History(clock, file.andThen(progress));
            boolean replicated = cluster.kind().replicaSet();
            AutoCloseable watch = backends.get(0).cluster().watch(e -> record(history, e, replicated));
            try {
                runTrials(backends, history, startedAt, results);
            } finally {
                closeQuietly(watch);
            }
        } finally {
            backends.forEach(StoreBackend::close);
        }
        RunReports.write(config, cluster, stores.description(), startedAt, results, history.ops());
        return new RunResult(results, config.out());
    }

    /** Instance {@code k}'s clock: the wall clock, offset as {@code --clock-skew} spreads them. */
    private Clock clock(int k) {
        Duration offset = config.store().offset(k);
        return offset.isZero() ? wall : Clock.offset(wall, offset);
    }

    private void runTrials(List<StoreBackend> backends, History history, Instant startedAt, List<TrialResult> results)
            throws InterruptedException {
        seed(backends.get(0));
        List<WorkloadClient> clients = new ArrayList<>();
        for (int k = 0; k < backends.size(); k++) {
            ReservationService service = service(backends.get(k), clock(k));
            clients.add(new WorkloadClient("s" + k, booker(service), canceller(service), backends.get(k).reservations(),
                    history));
        }
        FinalStateReader reader = new FinalStateReader(backends.get(0), clock);
        String keyPrefix = "h-" + Long.toString(startedAt.toEpochMilli(), 36) + "-";
        Instant base = startedAt.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(2));
        for (int trial = 1; trial <= config.trials(); trial++) {
            progress.line(String.format(Locale.ROOT, "trial %d/%d: %s, %d threads at %.0f ops/s for %s",
                    trial, config.trials(), config.fault().description(), config.threads(), config.rate(),
                    Durations.human(config.duration())));
            FaultInjector nemesis = cluster instanceof RigCluster rig
                    ? new RigNemesis(rig, history, clock, wall, config.rigFaults(), trial)
                    : new Nemesis(cluster, history, clock, wall, Duration.ofMillis(100));
            TrialRunner runner = new TrialRunner(config, history, nemesis, clients, reader, cluster, clock);
            TimeSlot window = config.workload().window(base, trial, config.trials());
            TrialResult result = runner.run(spec(window, keyPrefix, trial));
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

    private WorkloadSpec spec(TimeSlot window, String keyPrefix, int trial) {
        List<String> rooms = DemoData.ROOMS.stream().limit(config.workload().rooms()).map(Room::id).toList();
        List<String> users = DemoData.USERS.stream().map(User::id).toList();
        return config.workload().spec(rooms, users, window, keyPrefix, trial);
    }

    /** Books as the application does, each demo user for themselves (as a member; the admin may too). */
    private static Booker booker(ReservationService service) {
        return request -> service.reserveWithReceipt(new Actor(request.userId(), Role.MEMBER), request);
    }

    /** Cancels as the application does, as the reservation's owner. */
    private static Canceller canceller(ReservationService service) {
        return (userId, reservationId) -> service.cancel(new Actor(userId, Role.MEMBER), reservationId);
    }

    private ReservationService service(StoreBackend backend, Clock instanceClock) {
        BookingPolicy policy = BookingPolicy.DEFAULT;
        RoomSearchService search = new RoomSearchService(backend.rooms(), backend.reservations(), policy, instanceClock);
        return new ReservationService(backend.users(), backend.rooms(), backend.reservations(), search, policy,
                instanceClock, IdGenerator.uuids());
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

    /** The driver's view of the topology; on a single node a server that is writable again was not elected. */
    private static void record(History history, TopologyEvent event, boolean replicated) {
        String f = event.type() == TopologyEvent.Type.PRIMARY_ELECTED
                ? (replicated ? HistoryTerms.PRIMARY_ELECTED : HistoryTerms.NODE_BACK)
                : event.type() == TopologyEvent.Type.PRIMARY_LOST ? HistoryTerms.PRIMARY_LOST
                : event.type().name().toLowerCase(Locale.ROOT).replace('_', '-');
        history.event(HistoryTerms.SOURCE_DRIVER, f, Map.of(HistoryTerms.SOURCE, HistoryTerms.SOURCE_DRIVER, HistoryTerms.MEMBER, event.host(),
                HistoryTerms.DETAIL, event.detail(), "at", event.at().toString()));
    }
}
