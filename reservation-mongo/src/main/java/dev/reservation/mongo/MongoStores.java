package dev.reservation.mongo;

import com.mongodb.MongoClientSettings;
import com.mongodb.ReadPreference;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import dev.reservation.core.auth.CredentialStore;
import dev.reservation.core.auth.SessionStore;
import dev.reservation.core.auth.SignInAttemptStore;
import dev.reservation.core.cluster.ClusterInspector;
import dev.reservation.core.cluster.ClusterTopology;
import dev.reservation.core.domain.ReservationException;
import dev.reservation.core.domain.StoreUnavailableException;
import dev.reservation.core.store.ReservationStore;
import dev.reservation.core.store.LocationStore;
import dev.reservation.core.store.RoomStore;
import dev.reservation.core.store.UserStore;
import dev.reservation.mongo.internal.BookingProtocol;
import dev.reservation.mongo.internal.ClientSettings;
import dev.reservation.mongo.internal.MongoCredentialStore;
import dev.reservation.mongo.internal.MongoReservationStore;
import dev.reservation.mongo.internal.MongoLocationStore;
import dev.reservation.mongo.internal.MongoRoomStore;
import dev.reservation.mongo.internal.MongoSessionStore;
import dev.reservation.mongo.internal.MongoSignInAttemptStore;
import dev.reservation.mongo.internal.MongoUserStore;
import dev.reservation.mongo.internal.MongoQuotaCounters;
import dev.reservation.mongo.internal.MongoQuotaStore;
import dev.reservation.mongo.internal.MongoRoomOperationsStore;
import dev.reservation.mongo.internal.OpsSchema;
import dev.reservation.core.ops.QuotaCounters;
import dev.reservation.core.ops.QuotaStore;
import dev.reservation.core.ops.RoomOperationsStore;
import dev.reservation.mongo.internal.ReadRouting;
import dev.reservation.mongo.internal.Schema;
import dev.reservation.mongo.internal.cluster.MongoClusterInspector;
import dev.reservation.core.notify.FeedTokenStore;
import dev.reservation.core.notify.NotificationPrefsStore;
import dev.reservation.core.notify.OutboxStore;
import dev.reservation.core.notify.ReservationChanges;
import dev.reservation.mongo.internal.notify.MongoFeedTokenStore;
import dev.reservation.mongo.internal.notify.MongoNotificationPrefsStore;
import dev.reservation.mongo.internal.notify.MongoOutboxStore;
import dev.reservation.mongo.internal.notify.MongoReservationChanges;
import dev.reservation.mongo.internal.notify.NotifySchema;
import dev.reservation.mongo.internal.cluster.TopologyTracker;
import dev.reservation.mongo.internal.embedded.EmbeddedEndpoint;
import dev.reservation.mongo.internal.embedded.EmbeddedServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bson.Document;

/**
 * The Mongo store: one {@code MongoClient} and the four ports built on it. {@link #open} connects
 * (to the URI, or to the embedded server of the data directory, starting it when no other process
 * serves it), creates the schema idempotently and fails fast with {@link StoreUnavailableException}
 * when no primary answers within {@code primaryWait}. Close it on shutdown: that closes the client
 * and, if this process started the embedded server, stops it (data stays on disk). Thread-safe.
 */
public final class MongoStores implements AutoCloseable {
    private final StoreOptions options;
    private final MongoClient client;
    private final TopologyTracker tracker;
    private final Optional<EmbeddedServer> embedded;
    private final UserStore users;
    private final CredentialStore credentials;
    private final SessionStore sessions;
    private final SignInAttemptStore signInAttempts;
    private final RoomStore rooms;
    private final LocationStore locations;
    private final ReservationStore reservations;
    private final OutboxStore outbox;
    private final dev.reservation.core.hooks.WebhookStore webhooks;
    private final FeedTokenStore feedTokens;
    private final dev.reservation.core.auth.ApiTokenStore apiTokens;
    private final NotificationPrefsStore notificationPrefs;
    private final ReservationChanges changes;
    private final RoomOperationsStore roomOperations;
    private final QuotaStore quotas;
    private final QuotaCounters quotaCounters;
    private final dev.reservation.core.series.SeriesStore series;
    private final MongoClusterInspector cluster;
    private final String endpoint;

    private MongoStores(StoreOptions options, Clock clock, String uri, Optional<EmbeddedServer> embedded) {
        this.options = options;
        this.embedded = embedded;
        this.endpoint = options.mongoUri().map(u -> u.replaceAll("(://[^:/@]+:)[^@/]*@", "$1***@"))
                .orElse("embedded store in " + options.dataDir() + " (" + uri + ")");
        this.tracker = new TopologyTracker(clock);
        MongoClientSettings base = ClientSettings.base(uri, options.primaryWait(), options.writeTimeout(),
                options.heartbeat());
        this.client = MongoClients.create(ClientSettings.withListeners(base, tracker, tracker));
        MongoDatabase db = client.getDatabase(options.databaseName());
        try {
            Schema.ensure(db, clock);
            NotifySchema.ensure(db);
            OpsSchema.ensure(db);
            dev.reservation.mongo.internal.SeriesSchema.ensure(db);
        } catch (RuntimeException e) {
            tracker.close();
            client.close();
            throw e;
        }
        boolean sessions = client.getClusterDescription().getLogicalSessionTimeoutMinutes() != null;
        ReadRouting routing = new ReadRouting(client, options.readFromSecondaries() && sessions,
                ReadPreference.secondaryPreferred(options.maxStaleness().toSeconds(), TimeUnit.SECONDS));
        MongoCollection<Document> reservationDocs = db.getCollection(Schema.RESERVATIONS);
        this.users = new MongoUserStore(db.getCollection(Schema.USERS));
        this.credentials = new MongoCredentialStore(db.getCollection(Schema.CREDENTIALS));
        this.sessions = new MongoSessionStore(db.getCollection(Schema.SESSIONS));
        this.signInAttempts = new MongoSignInAttemptStore(db.getCollection(Schema.SIGNIN_FAILURES));
        this.rooms = new MongoRoomStore(db.getCollection(Schema.ROOMS));
        this.locations = new MongoLocationStore(db.getCollection(Schema.LOCATIONS));
        this.reservations = new MongoReservationStore(reservationDocs, routing.forLists(reservationDocs),
                db.getCollection(Schema.ROOM_DAYS), timing(options), routing, () -> serverTime(db), clock);
        this.outbox = new MongoOutboxStore(db.getCollection(NotifySchema.OUTBOX), db.getCollection(NotifySchema.CURSORS));
        this.webhooks = new dev.reservation.mongo.internal.notify.MongoWebhookStore(
                db.getCollection(NotifySchema.WEBHOOKS));
        this.feedTokens = new MongoFeedTokenStore(db.getCollection(NotifySchema.FEED_TOKENS));
        this.apiTokens = new dev.reservation.mongo.internal.MongoApiTokenStore(db.getCollection(Schema.API_TOKENS));
        this.notificationPrefs = new MongoNotificationPrefsStore(db.getCollection(NotifySchema.PREFS));
        this.changes = new MongoReservationChanges(reservationDocs);
        this.roomOperations = new MongoRoomOperationsStore(db.getCollection(OpsSchema.ROOM_OPS));
        this.quotas = new MongoQuotaStore(db.getCollection(OpsSchema.QUOTAS));
        this.quotaCounters = new MongoQuotaCounters(db.getCollection(OpsSchema.QUOTA_COUNTERS));
        this.series = new dev.reservation.mongo.internal.MongoSeriesStore(
                db.getCollection(dev.reservation.mongo.internal.SeriesSchema.SERIES));
        this.cluster = new MongoClusterInspector(client, base, options.databaseName(), tracker, embedded.isPresent()
                || options.isEmbedded(), clock);
    }

    /** Opens the store with the system UTC clock. */
    public static MongoStores open(StoreOptions options) {
        return open(options, Clock.systemUTC());
    }

    /**
     * Opens the store; {@code clock} stamps claims and decides when a crashed booking's claims
     * may be cleaned up.
     *
     * @throws StoreUnavailableException when the database cannot be reached or prepared
     */
    public static MongoStores open(StoreOptions options, Clock clock) {
        Optional<EmbeddedServer> owned = Optional.empty();
        String uri;
        if (options.mongoUri().isPresent()) {
            uri = options.mongoUri().get();
        } else {
            EmbeddedEndpoint endpoint = EmbeddedEndpoint.startOrAttach(options.dataDir(), clock);
            owned = endpoint.owned();
            uri = endpoint.connectionString();
        }
        try {
            return new MongoStores(options, clock, uri, owned);
        } catch (ReservationException | IllegalArgumentException e) {
            owned.ifPresent(EmbeddedServer::close);
            if (e instanceof IllegalArgumentException) {
                throw new StoreUnavailableException("cannot configure the MongoDB client: " + e.getMessage(), e);
            }
            throw e;
        }
    }

    /**
     * Claims of a crashed booking block a room-day this long (by the server's clock) before they are
     * fenced and removed. It grows with the primary wait and the write timeout, so that a booker slowed
     * by an election is rarely fenced; one that is fenced fails cleanly (its tombstone makes "not
     * booked" certain), so the age decides liveness, never safety.
     */
    static BookingProtocol.Timing timing(StoreOptions options) {
        Duration longestBooking = options.primaryWait().plus(options.writeTimeout()).plusSeconds(5).multipliedBy(2);
        Duration orphanAge = options.orphanAge().orElse(
                longestBooking.compareTo(Duration.ofMinutes(1)) > 0 ? longestBooking : Duration.ofMinutes(1));
        return new BookingProtocol.Timing(orphanAge, Duration.ofSeconds(5));
    }

    /** The server's clock ({@code localTime} of the handshake command), which every instance shares. */
    private static Instant serverTime(MongoDatabase db) {
        return db.runCommand(new Document("isMaster", 1)).getDate("localTime").toInstant();
    }

    public UserStore users() {
        return users;
    }

    /** Password hashes, kept apart from users. */
    public CredentialStore credentials() {
        return credentials;
    }

    /** Web sessions, shared by every app instance. */
    public SessionStore sessions() {
        return sessions;
    }

    /** Failed sign-ins, counted across app instances and CLI runs. */
    public SignInAttemptStore signInAttempts() {
        return signInAttempts;
    }

    public RoomStore rooms() {
        return rooms;
    }

    /** Sites, buildings and floors. */
    public LocationStore locations() {
        return locations;
    }

    public ReservationStore reservations() {
        return reservations;
    }

    /** The outbox of notifications and webhook deliveries, shared by every app instance. */
    public OutboxStore outbox() {
        return outbox;
    }

    /** Webhook subscriptions (their deliveries are in {@link #outbox()}). */
    public dev.reservation.core.hooks.WebhookStore webhooks() {
        return webhooks;
    }

    /** Personal API tokens (their digests). */
    public dev.reservation.core.auth.ApiTokenStore apiTokens() {
        return apiTokens;
    }

    /** Digests of calendar feed tokens. */
    public FeedTokenStore feedTokens() {
        return feedTokens;
    }

    public NotificationPrefsStore notificationPrefs() {
        return notificationPrefs;
    }

    /** Reservations by when they changed: the outbox sweeper's window. */
    public ReservationChanges reservationChanges() {
        return changes;
    }

    /** Room operation settings (approval, check-in, display tokens). */
    public RoomOperationsStore roomOperations() {
        return roomOperations;
    }

    public QuotaStore quotas() {
        return quotas;
    }

    /** Per-user quota counters, shared by every app instance. */
    public QuotaCounters quotaCounters() {
        return quotaCounters;
    }

    /** Recurring reservations (their occurrences are in {@link #reservations()}). */
    public dev.reservation.core.series.SeriesStore series() {
        return series;
    }

    public ClusterInspector cluster() {
        return cluster;
    }

    public StoreOptions options() {
        return options;
    }

    /** EMBEDDED, STANDALONE or REPLICA_SET, from the driver's latest view. */
    public ClusterTopology.Kind kind() {
        return cluster.kind();
    }

    /** Where the store connects, password hidden: for logs and "which store am I using?" screens. */
    public String describe() {
        return endpoint;
    }

    /** True when this process started the embedded server (others attach to it). */
    public boolean ownsEmbeddedServer() {
        return embedded.isPresent();
    }

    @Override
    public void close() {
        try {
            tracker.close();
            client.close();
        } finally {
            embedded.ifPresent(EmbeddedServer::close);
        }
    }
}
