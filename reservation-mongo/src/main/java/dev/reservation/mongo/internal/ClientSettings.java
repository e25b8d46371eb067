package dev.reservation.mongo.internal;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.ReadConcern;
import com.mongodb.ReadPreference;
import com.mongodb.ServerAddress;
import com.mongodb.WriteConcern;
import com.mongodb.connection.ClusterConnectionMode;
import com.mongodb.connection.ClusterSettings;
import dev.reservation.mongo.StoreOptions;
import dev.reservation.mongo.internal.cluster.TopologyTracker;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Builds the one {@link MongoClientSettings} of a store from its options. Whatever the URI says,
 * the store writes with {@code w:"majority", j:true} and an explicit {@code wtimeout} (a PSA set
 * would otherwise default to {@code w:1}), reads with majority read concern from the primary,
 * retries reads and writes once, waits {@code primaryWait} for a primary, and times out a silent
 * socket a little after the write timeout (so the write-concern timeout is seen first).
 * Stateless and thread-safe.
 */
public final class ClientSettings {
    /** How often the driver checks each member: faster than the 10 s default to notice failover. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private ClientSettings() {
    }

    public static WriteConcern writeConcern(StoreOptions options) {
        return WriteConcern.MAJORITY.withJournal(true).withWTimeout(options.writeTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Settings without listeners: the base for the store's client and for pinned per-member clients. */
    public static MongoClientSettings base(StoreOptions options, String uri) {
        long socketTimeout = options.writeTimeout().plusSeconds(5).toMillis();
        return MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .writeConcern(writeConcern(options))
                .readConcern(ReadConcern.MAJORITY)
                .readPreference(ReadPreference.primary())
                .retryWrites(true)
                .retryReads(true)
                .applyToClusterSettings(b -> b.serverSelectionTimeout(options.primaryWait().toMillis(), TimeUnit.MILLISECONDS))
                .applyToServerSettings(b -> b.heartbeatFrequency(options.heartbeat().toMillis(), TimeUnit.MILLISECONDS))
                .applyToSocketSettings(b -> b.connectTimeout((int) CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                        .readTimeout((int) socketTimeout, TimeUnit.MILLISECONDS))
                .build();
    }

    /** The store's client settings: the base plus the topology tracker as cluster and monitor listener. */
    public static MongoClientSettings forStore(StoreOptions options, String uri, TopologyTracker tracker) {
        return MongoClientSettings.builder(base(options, uri))
                .applyToClusterSettings(b -> b.addClusterListener(tracker))
                .applyToServerSettings(b -> b.addServerMonitorListener(tracker))
                .build();
    }

    /**
     * A direct connection to one member (credentials and TLS as the base), for reads pinned to it:
     * replica-set read preferences cannot name a member without tags, a direct connection can.
     */
    public static MongoClientSettings direct(MongoClientSettings base, ServerAddress member, Duration wait) {
        return MongoClientSettings.builder(base)
                .readPreference(ReadPreference.secondaryPreferred())
                .readConcern(ReadConcern.LOCAL)
                .retryReads(false)
                .applyToClusterSettings(b -> b.applySettings(ClusterSettings.builder()
                        .hosts(List.of(member)).mode(ClusterConnectionMode.SINGLE)
                        .serverSelectionTimeout(wait.toMillis(), TimeUnit.MILLISECONDS).build()))
                .build();
    }
}
