package dev.reservation.harness.cluster;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.ServerAddress;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.connection.ClusterConnectionMode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.bson.Document;

/**
 * Direct connections, one per member, for administration (initiate, status, step-down, probe writes):
 * they reach a member whatever its state. Short timeouts so that a killed or frozen member costs at most
 * a few seconds. Credentials and TLS come from the base connection string. Thread-safe.
 */
public final class MemberClients implements AdminCommands, AutoCloseable {
    private final ConnectionString base;
    private final Map<String, MongoClient> clients = new ConcurrentHashMap<>();

    public MemberClients(ConnectionString base) {
        this.base = base;
    }

    public MemberClients() {
        this(new ConnectionString("mongodb://127.0.0.1"));
    }

    private MongoClient client(String host) {
        return clients.computeIfAbsent(host, h -> MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(base)
                .applyToClusterSettings(b -> b.hosts(List.of(new ServerAddress(h)))
                        .mode(ClusterConnectionMode.SINGLE).requiredReplicaSetName(null)
                        .serverSelectionTimeout(1500, TimeUnit.MILLISECONDS))
                .applyToSocketSettings(b -> b.connectTimeout(1000, TimeUnit.MILLISECONDS)
                        .readTimeout(15, TimeUnit.SECONDS))
                .applyToServerSettings(b -> b.heartbeatFrequency(500, TimeUnit.MILLISECONDS))
                .retryWrites(false).retryReads(false)
                .build()));
    }

    /** Runs an admin command on {@code host}; driver exceptions pass through. */
    @Override
    public Document command(String host, Document command) {
        return client(host).getDatabase("admin").runCommand(command);
    }

    /**
     * Inserts a probe document into the harness's own database with majority write concern and a 2 s
     * write-concern timeout (so a stalled majority fails the probe instead of blocking it).
     */
    public void probeWrite(String host) {
        client(host).getDatabase("reservation_harness")
                .withWriteConcern(com.mongodb.WriteConcern.MAJORITY.withWTimeout(2, TimeUnit.SECONDS))
                .getCollection("probe").insertOne(new Document("probe", true));
    }

    @Override
    public void close() {
        clients.values().forEach(MongoClient::close);
        clients.clear();
    }
}
