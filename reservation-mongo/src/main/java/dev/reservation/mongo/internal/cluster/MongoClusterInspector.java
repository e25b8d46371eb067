package dev.reservation.mongo.internal.cluster;

import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.ReadPreference;
import com.mongodb.client.MongoClient;
import com.mongodb.connection.ClusterDescription;
import com.mongodb.connection.ClusterType;
import dev.reservation.core.cluster.ClusterInspector;
import dev.reservation.core.cluster.ClusterTopology;
import dev.reservation.core.cluster.ClusterTopology.Kind;
import dev.reservation.core.cluster.MemberState;
import dev.reservation.core.cluster.MemberStatus;
import dev.reservation.core.cluster.ReplicationReport;
import dev.reservation.core.cluster.TopologyEvent;
import dev.reservation.mongo.internal.Schema;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.bson.Document;

/**
 * The cluster behind a Mongo store. {@link #topology} asks {@code replSetGetStatus} (needs the
 * {@code clusterMonitor} role or a server that allows it) and falls back to what the driver's
 * monitors saw; an embedded or standalone server reports itself as the one member. It never
 * throws for an unreachable cluster: members are then DOWN. Thread-safe.
 */
public final class MongoClusterInspector implements ClusterInspector {
    private final MongoClient client;
    private final TopologyTracker tracker;
    private final boolean embedded;
    private final boolean replicaSetConfigured;
    private final Clock clock;
    private final ReplicationCheck check;

    public MongoClusterInspector(MongoClient client, MongoClientSettings base, String database, TopologyTracker tracker,
                                 boolean embedded, Clock clock) {
        this.client = client;
        this.tracker = tracker;
        this.embedded = embedded;
        this.replicaSetConfigured = base.getClusterSettings().getRequiredReplicaSetName() != null;
        this.clock = clock;
        this.check = new ReplicationCheck(client.getDatabase(database).getCollection(Schema.MARKERS), base, database,
                clock, System::nanoTime);
    }

    /** What stands behind the store, from the latest driver view (no I/O). */
    public Kind kind() {
        if (embedded) {
            return Kind.EMBEDDED;
        }
        ClusterDescription d = description();
        ClusterType type = d.getType();
        return type == ClusterType.REPLICA_SET || (type == ClusterType.UNKNOWN && replicaSetConfigured)
                ? Kind.REPLICA_SET : Kind.STANDALONE;
    }

    @Override
    public ClusterTopology topology() {
        Kind kind = kind();
        if (kind == Kind.REPLICA_SET) {
            Optional<ClusterTopology> fromServer = fromReplSetGetStatus();
            if (fromServer.isPresent()) {
                return fromServer.get();
            }
        }
        ClusterDescription d = description();
        List<MemberStatus> members = DriverView.members(d, tracker.heartbeats());
        Optional<String> setName = d.getServerDescriptions().stream().map(s -> s.getSetName())
                .filter(n -> n != null).findFirst();
        return new ClusterTopology(kind, setName, members, clock.instant(), "driver cluster events",
                summary(kind, setName, members));
    }

    /** Asks any reachable member (nearest), and only when one is reachable, so this never waits for a primary. */
    private Optional<ClusterTopology> fromReplSetGetStatus() {
        if (description().getServerDescriptions().stream().noneMatch(s -> s.isOk())) {
            return Optional.empty();
        }
        try {
            Document reply = client.getDatabase("admin").runCommand(new Document("replSetGetStatus", 1),
                    ReadPreference.nearest());
            List<MemberStatus> members = ReplSetStatus.members(reply);
            Optional<String> setName = Optional.ofNullable(ReplSetStatus.setName(reply));
            return Optional.of(new ClusterTopology(Kind.REPLICA_SET, setName, members, clock.instant(),
                    "replSetGetStatus", summary(Kind.REPLICA_SET, setName, members)));
        } catch (MongoException | IllegalStateException e) {
            return Optional.empty(); // not allowed, or no member reachable: the driver's view says more
        }
    }

    private ClusterDescription description() {
        ClusterDescription d = tracker.current();
        return d != null ? d : client.getClusterDescription();
    }

    static String summary(Kind kind, Optional<String> setName, List<MemberStatus> members) {
        String writable = members.stream().filter(m -> m.healthy() && (m.state() == MemberState.PRIMARY
                || m.state() == MemberState.STANDALONE)).map(MemberStatus::host).findFirst()
                .map(h -> "writable through " + h).orElse("NOT writable: no primary reachable");
        Map<MemberState, Long> counts = members.stream()
                .collect(Collectors.groupingBy(MemberStatus::state, java.util.TreeMap::new, Collectors.counting()));
        String what = switch (kind) {
            case EMBEDDED -> "embedded single-node server, no replication (for trying things out)";
            case STANDALONE -> "standalone MongoDB server, no replication";
            case REPLICA_SET -> "replica set " + setName.orElse("(name unknown)");
            case IN_MEMORY -> "in-memory store";
        };
        return what + "; " + counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining(", ")) + "; " + writable;
    }

    @Override
    public ReplicationReport checkReplication(Duration timeout) {
        return check.run(topology(), timeout);
    }

    @Override
    public AutoCloseable watch(Consumer<TopologyEvent> listener) {
        return tracker.subscribe(listener);
    }
}
