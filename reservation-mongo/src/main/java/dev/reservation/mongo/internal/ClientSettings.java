package dev.reservation.mongo.internal;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.ReadConcern;
import com.mongodb.ReadPreference;
import com.mongodb.ServerAddress;
import com.mongodb.WriteConcern;
import com.mongodb.connection.ClusterConnectionMode;
import com.mongodb.connection.ClusterSettings;
import com.mongodb.event.ClusterListener;
import com.mongodb.event.ServerMonitorListener;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Builds the one {@link MongoClientSettings} of a store from its timeouts. Whatever the URI says,
 * the store writes with {@code w:"majority", j:true} and an explicit {@code wtimeout} (a PSA set
 * would otherwise default to {@code w:1}), reads with majority read concern from the primary,
 * retries reads and writes once, waits {@code primaryWait} for a primary, and times out a silent
 * socket a little after the write timeout (so the write-concern timeout is seen first).
 * Stateless and thread-safe. Takes plain values rather than the public {@code StoreOptions}, so the
 * implementation packages never depend on the seam above them.
 */
public final class ClientSettings {
    /**
     * How long opening a connection to a member may take before the attempt fails (the driver's
     * default is 10 s). How often members are checked is the heartbeat, a separate setting.
     */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private ClientSettings() {
    }

    /** {@code w:"majority", j:true} with {@code writeTimeout} as its {@code wtimeout}. */
    public static WriteConcern writeConcern(Duration writeTimeout) {
        return WriteConcern.MAJORITY.withJournal(true).withWTimeout(writeTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Settings without listeners: the base for the store's client and for pinned per-member clients.
     *
     * @param primaryWait how long an operation waits for a primary (server selection)
     * @param writeTimeout the majority write concern's {@code wtimeout}
     * @param heartbeat how often the driver checks each member
     */
    public static MongoClientSettings base(String uri, Duration primaryWait, Duration writeTimeout, Duration heartbeat) {
        long socketTimeout = writeTimeout.plusSeconds(5).toMillis();
        return MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .writeConcern(writeConcern(writeTimeout))
                .readConcern(ReadConcern.MAJORITY)
                .readPreference(ReadPreference.primary())
                .retryWrites(true)
                .retryReads(true)
                .applyToClusterSettings(b -> b.serverSelectionTimeout(primaryWait.toMillis(), TimeUnit.MILLISECONDS))
                .applyToServerSettings(b -> b.heartbeatFrequency(heartbeat.toMillis(), TimeUnit.MILLISECONDS))
                .applyToSocketSettings(b -> b.connectTimeout((int) CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                        .readTimeout((int) socketTimeout, TimeUnit.MILLISECONDS))
                .build();
    }

    /** The store's client settings: the base plus the store's topology listeners. */
    public static MongoClientSettings withListeners(MongoClientSettings base, ClusterListener cluster,
                                                    ServerMonitorListener monitor) {
        return MongoClientSettings.builder(base)
                .applyToClusterSettings(b -> b.addClusterListener(cluster))
                .applyToServerSettings(b -> b.addServerMonitorListener(monitor))
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
