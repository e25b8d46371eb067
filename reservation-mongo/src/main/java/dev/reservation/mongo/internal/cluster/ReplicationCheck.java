package dev.reservation.mongo.internal.cluster;

import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.ServerAddress;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import dev.reservation.core.cluster.ClusterTopology;
import dev.reservation.core.cluster.MemberState;
import dev.reservation.core.cluster.MemberStatus;
import dev.reservation.core.cluster.ReplicationReport;
import dev.reservation.core.cluster.ReplicationReport.MemberResult;
import dev.reservation.mongo.internal.ClientSettings;
import dev.reservation.mongo.internal.MongoFailures;
import dev.reservation.mongo.internal.Schema;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongSupplier;
import org.bson.Document;

/**
 * The replication check: writes a marker with the store's majority write concern, then, for each
 * SECONDARY, polls a direct connection to that member (read concern local) until the marker is
 * visible or the timeout passes. Times are measured from just before the write, on a monotonic
 * clock. Thread-safe (each check uses its own short-lived per-member clients).
 */
final class ReplicationCheck {
    private static final long POLL_MILLIS = 5;

    private final MongoCollection<Document> markers;
    private final MongoClientSettings base;
    private final String database;
    private final Clock clock;
    private final LongSupplier nanoTime;

    ReplicationCheck(MongoCollection<Document> markers, MongoClientSettings base, String database, Clock clock,
                     LongSupplier nanoTime) {
        this.markers = markers;
        this.base = base;
        this.database = database;
        this.clock = clock;
        this.nanoTime = nanoTime;
    }

    ReplicationReport run(ClusterTopology topology, Duration timeout) {
        String id = "marker-" + UUID.randomUUID();
        Instant startedAt = clock.instant();
        long t0 = nanoTime.getAsLong();
        MongoFailures.read("writing the replication marker with majority write concern", () -> {
            markers.insertOne(new Document("_id", id).append("writtenAt", java.util.Date.from(startedAt)));
            return null;
        });
        Duration acknowledged = Duration.ofNanos(nanoTime.getAsLong() - t0);
        List<MemberResult> results = new ArrayList<>();
        for (MemberStatus m : topology.members()) {
            if (m.state() == MemberState.SECONDARY) {
                results.add(poll(m, id, t0, timeout));
            } else if (m.state() != MemberState.PRIMARY && m.state() != MemberState.ARBITER
                    && m.state() != MemberState.STANDALONE && m.state() != MemberState.IN_PROCESS) {
                results.add(new MemberResult(m.host(), m.state(), Optional.empty(),
                        Optional.of("not checked: the member is " + m.state())));
            }
        }
        try {
            markers.deleteOne(Filters.eq("_id", id));
        } catch (MongoException e) {
            // a leftover marker is harmless
        }
        String note = topology.kind() == ClusterTopology.Kind.REPLICA_SET
                ? "majority acknowledged after " + acknowledged.toMillis() + " ms; " + results.size() + " secondaries checked"
                : "single node (" + topology.kind() + "): no secondaries to check";
        return new ReplicationReport(startedAt, acknowledged, results, note);
    }

    private MemberResult poll(MemberStatus member, String id, long t0, Duration timeout) {
        long deadline = nanoTime.getAsLong() + timeout.toNanos();
        try (MongoClient direct = MongoClients.create(ClientSettings.direct(base, new ServerAddress(member.host()), timeout))) {
            MongoCollection<Document> there = direct.getDatabase(database).getCollection(Schema.MARKERS);
            while (true) {
                if (there.find(Filters.eq("_id", id)).first() != null) {
                    return new MemberResult(member.host(), member.state(),
                            Optional.of(Duration.ofNanos(nanoTime.getAsLong() - t0)), Optional.empty());
                }
                if (nanoTime.getAsLong() > deadline) {
                    return new MemberResult(member.host(), member.state(), Optional.empty(),
                            Optional.of("marker not visible within " + timeout.toMillis() + " ms"));
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (MongoException e) {
            return new MemberResult(member.host(), member.state(), Optional.empty(),
                    Optional.of("cannot read from this member: " + e.getClass().getSimpleName() + ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new MemberResult(member.host(), member.state(), Optional.empty(), Optional.of("interrupted"));
        }
    }
}
