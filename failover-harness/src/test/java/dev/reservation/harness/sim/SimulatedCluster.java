package dev.reservation.harness.sim;

import dev.reservation.core.cluster.MemberState;
import dev.reservation.harness.cluster.ClusterControl;
import dev.reservation.harness.cluster.ClusterKind;
import dev.reservation.harness.cluster.MemberHandle;
import dev.reservation.harness.cluster.ServerView;
import dev.reservation.harness.cluster.UnsupportedFaultException;
import dev.reservation.harness.workload.InMemoryStoreBackend;
import dev.reservation.harness.workload.StoreBackend;
import dev.reservation.core.memory.InMemoryClusterInspector;
import dev.reservation.core.memory.InMemoryRoomStore;
import dev.reservation.core.memory.InMemoryUserStore;
import dev.reservation.mongo.audit.StoredState;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A single simulated node for pipeline tests without any server: killing, stopping or freezing it
 * takes the {@link FlakyReservationStore} down, starting or thawing it brings it back. Presents itself
 * as a single-node cluster. Thread-safe.
 */
public final class SimulatedCluster implements ClusterControl, MemberHandle {
    public static final String HOST = "sim:1";
    private final FlakyReservationStore store;
    private final StoreBackend backend;
    private volatile boolean frozen;
    private volatile boolean closed;

    public SimulatedCluster(boolean losesWrites, Clock clock) {
        this(losesWrites, clock, false);
    }

    /**
     * @param leavesTheRigBugsState the backend presents a raw state (as reservation-mongo's audit reader
     *        would): the stored reservations, each CONFIRMED one holding its claims, except that the first
     *        CONFIRMED reservation has lost its claim and a second CONFIRMED reservation was booked over
     *        it: the state the replication-rig bug (a stalled commit point) left
     */
    public SimulatedCluster(boolean losesWrites, Clock clock, boolean leavesTheRigBugsState) {
        this.store = new FlakyReservationStore(losesWrites);
        InMemoryStoreBackend memory = new InMemoryStoreBackend(new InMemoryUserStore(), new InMemoryRoomStore(), store,
                new InMemoryClusterInspector(clock));
        this.backend = leavesTheRigBugsState ? new RigBugState(memory, store) : memory;
    }

    /** The in-memory backend, with a hand-made raw state in which the rig bug struck. */
    private record RigBugState(InMemoryStoreBackend memory, FlakyReservationStore store) implements StoreBackend {
        @Override
        public dev.reservation.core.store.UserStore users() {
            return memory.users();
        }

        @Override
        public dev.reservation.core.store.RoomStore rooms() {
            return memory.rooms();
        }

        @Override
        public dev.reservation.core.store.ReservationStore reservations() {
            return memory.reservations();
        }

        @Override
        public dev.reservation.core.cluster.ClusterInspector cluster() {
            return memory.cluster();
        }

        @Override
        public java.util.Optional<StoredState> readRawState() {
            List<StoredState.StoredReservation> docs = new java.util.ArrayList<>();
            List<StoredState.StoredClaim> claims = new java.util.ArrayList<>();
            dev.reservation.core.domain.Reservation victim = null;
            for (dev.reservation.core.domain.Reservation r : store.find(dev.reservation.core.store.ReservationQuery.all())) {
                docs.add(new StoredState.StoredReservation(r.id(), r.roomId(), r.status().name(), r.slot(), r.idempotencyKey()));
                if (!r.isConfirmed()) {
                    continue;
                }
                if (victim == null) {
                    victim = r; // its claim was released while its insert was still to commit
                    continue;
                }
                claims.add(new StoredState.StoredClaim(r.roomId() + "|" + java.time.LocalDate.ofInstant(r.slot().start(),
                        java.time.ZoneOffset.UTC), r.id(), r.slot()));
            }
            if (victim != null) {
                String twin = "rig-bug-twin-" + victim.id();
                docs.add(new StoredState.StoredReservation(twin, victim.roomId(), "CONFIRMED", victim.slot(), null));
                claims.add(new StoredState.StoredClaim(victim.roomId() + "|" + java.time.LocalDate.ofInstant(
                        victim.slot().start(), java.time.ZoneOffset.UTC), twin, victim.slot()));
            }
            return java.util.Optional.of(new StoredState(docs, claims));
        }

        @Override
        public void close() {
        }
    }

    /** Stores on this cluster, whatever the URI. */
    public StoreBackend.Factory stores() {
        return (uri, clock) -> backend;
    }

    public boolean closed() {
        return closed;
    }

    @Override
    public ClusterKind kind() {
        return ClusterKind.TEST_DOUBLE_NODE;
    }

    @Override
    public String description() {
        return "simulated single node (test double)";
    }

    @Override
    public String clientUri() {
        return "mongodb://sim:1/";
    }

    @Override
    public List<String> members() {
        return List.of(HOST);
    }

    @Override
    public List<String> dataMembers() {
        return members();
    }

    @Override
    public ServerView view() {
        boolean up = store.isUp();
        return new ServerView(up ? Optional.of(HOST) : Optional.empty(), 0,
                List.of(new ServerView.Member(HOST, up ? MemberState.STANDALONE : MemberState.DOWN, up, 0)),
                Optional.empty(), HOST);
    }

    @Override
    public MemberHandle member(String host) {
        return this;
    }

    @Override
    public void stepDown(String primary, Duration period) {
        throw new UnsupportedFaultException("simulated single node");
    }

    @Override
    public boolean probeWrite() {
        return store.isUp();
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public String host() {
        return HOST;
    }

    @Override
    public void kill() {
        store.down();
    }

    @Override
    public void terminate() {
        store.down();
    }

    @Override
    public void freeze() {
        frozen = true;
        store.down();
    }

    @Override
    public void thaw() {
        frozen = false;
        store.up();
    }

    @Override
    public void start() {
        store.up();
    }

    @Override
    public boolean running() {
        return store.isUp() || frozen;
    }

    @Override
    public boolean frozen() {
        return frozen;
    }
}
