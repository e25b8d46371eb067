package dev.reservation.mongo;

import com.mongodb.ConnectionString;
import dev.reservation.core.domain.InvalidInputException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how the Mongo store connects. Immutable and validated on construction.
 *
 * <ul>
 *   <li>{@code mongoUri}: a MongoDB connection string; absent = the embedded single-node server
 *       in {@code dataDir} (started by this process, or attached to when another process runs it).</li>
 *   <li>{@code primaryWait}: how long an operation waits for a primary (the driver's
 *       serverSelectionTimeout); default 15 s, a little above a default election (~12 s).</li>
 *   <li>{@code writeTimeout}: the {@code wtimeout} of the majority write concern; default 10 s.
 *       A write that times out here MAY have been applied and is reported as outcome unknown.</li>
 *   <li>{@code readFromSecondaries} / {@code maxStaleness}: list reads ({@code find}) only. Default
 *       false: every read goes to the primary. When true, list reads use {@code secondaryPreferred}
 *       with {@code maxStalenessSeconds} (at least 90 s, MongoDB's floor) inside a causally
 *       consistent session advanced to this process's last write, so a caller still reads its own
 *       bookings. Reads that decide a write always go to the primary with majority read concern.</li>
 *   <li>{@code database}: the database name, default {@code reservations}.</li>
 *   <li>{@code orphanAge}: how long (by the server's clock) the claims of a booking without a
 *       reservation document block a room before they are fenced as a crashed booker's; absent = twice
 *       (primaryWait + writeTimeout + 5 s), at least a minute. Liveness only: a live booker that is
 *       fenced fails cleanly ("nothing was booked"), so a short age costs failed bookings, never safety.</li>
 * </ul>
 */
public record StoreOptions(
        Optional<String> mongoUri,
        Path dataDir,
        Duration primaryWait,
        Duration writeTimeout,
        boolean readFromSecondaries,
        Duration maxStaleness,
        Optional<String> database,
        Duration heartbeat,
        Optional<Duration> orphanAge) {

    public static final String URI_ENV = "RESERVATION_MONGO_URI";
    public static final String DATA_DIR_ENV = "RESERVATION_DATA_DIR";
    /** {@code primary} (default) or {@code secondary}: where list pages are read from. */
    public static final String LIST_READS_ENV = "RESERVATION_LIST_READS";
    /** maxStalenessSeconds for secondary list reads, at least 90 (default 90). */
    public static final String MAX_STALENESS_ENV = "RESERVATION_MAX_STALENESS_SECONDS";
    public static final String DEFAULT_DATABASE = "reservations";
    public static final Duration DEFAULT_PRIMARY_WAIT = Duration.ofSeconds(15);
    public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(10);
    /** MongoDB refuses a maxStalenessSeconds below 90. */
    public static final Duration MIN_STALENESS = Duration.ofSeconds(90);
    /** How often the driver checks each server; the driver's floor is 500 ms. */
    public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(2);
    private static final Duration MIN_HEARTBEAT = Duration.ofMillis(500);

    public StoreOptions {
        mongoUri = mongoUri == null ? Optional.empty() : mongoUri.map(String::strip).filter(s -> !s.isEmpty());
        mongoUri.ifPresent(StoreOptions::checkUri);
        Objects.requireNonNull(dataDir, "dataDir");
        dataDir = dataDir.toAbsolutePath().normalize();
        primaryWait = positive("primaryWait", primaryWait);
        writeTimeout = positive("writeTimeout", writeTimeout);
        maxStaleness = maxStaleness == null ? MIN_STALENESS : maxStaleness;
        if (maxStaleness.compareTo(MIN_STALENESS) < 0) {
            throw new InvalidInputException("maxStaleness", "maxStaleness must be at least 90 seconds (MongoDB's minimum), was "
                    + maxStaleness.toSeconds() + " s");
        }
        database = database == null ? Optional.empty() : database.map(String::strip).filter(s -> !s.isEmpty());
        database.ifPresent(StoreOptions::checkDatabaseName);
        heartbeat = heartbeat == null ? DEFAULT_HEARTBEAT : heartbeat;
        orphanAge = orphanAge == null ? Optional.empty() : orphanAge;
        orphanAge.ifPresent(a -> positive("orphanAge", a));
        if (heartbeat.compareTo(MIN_HEARTBEAT) < 0) {
            throw new InvalidInputException("heartbeat", "the driver's heartbeat must be at least 500 ms, was "
                    + heartbeat.toMillis() + " ms");
        }
    }

    /** The embedded server in {@code dataDir} with every default. */
    public static StoreOptions embedded(Path dataDir) {
        return new StoreOptions(Optional.empty(), dataDir, DEFAULT_PRIMARY_WAIT, DEFAULT_WRITE_TIMEOUT, false,
                MIN_STALENESS, Optional.empty(), DEFAULT_HEARTBEAT, Optional.empty());
    }

    /** A MongoDB deployment at {@code uri} with every default (data dir unused). */
    public static StoreOptions uri(String uri) {
        return new StoreOptions(Optional.of(uri), defaultDataDir(Map.of()), DEFAULT_PRIMARY_WAIT, DEFAULT_WRITE_TIMEOUT,
                false, MIN_STALENESS, Optional.empty(), DEFAULT_HEARTBEAT, Optional.empty());
    }

    /**
     * Options from the command line and the environment: a flag wins over the environment variable
     * ({@value #URI_ENV}, {@value #DATA_DIR_ENV}), which wins over the default
     * ({@code ~/.reservation/data}, embedded server).
     *
     * @throws InvalidInputException for a malformed URI or data dir
     */
    public static StoreOptions resolve(Optional<String> uriFlag, Optional<Path> dataDirFlag, Map<String, String> env) {
        Optional<String> uri = uriFlag.filter(s -> !s.isBlank()).or(() -> nonBlank(env.get(URI_ENV)));
        Path dataDir = dataDirFlag.orElseGet(() -> nonBlank(env.get(DATA_DIR_ENV))
                .map(StoreOptions::toPath).orElseGet(() -> defaultDataDir(env)));
        boolean secondaryLists = nonBlank(env.get(LIST_READS_ENV)).map(StoreOptions::parseListReads).orElse(false);
        Duration staleness = nonBlank(env.get(MAX_STALENESS_ENV)).map(StoreOptions::parseSeconds).orElse(MIN_STALENESS);
        return new StoreOptions(uri, dataDir, DEFAULT_PRIMARY_WAIT, DEFAULT_WRITE_TIMEOUT, secondaryLists, staleness,
                Optional.empty(), DEFAULT_HEARTBEAT, Optional.empty());
    }

    private static boolean parseListReads(String value) {
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "primary" -> false;
            case "secondary", "secondarypreferred" -> true;
            default -> throw new InvalidInputException("listReads", LIST_READS_ENV + " must be 'primary' or 'secondary', was '"
                    + value + "'");
        };
    }

    private static Duration parseSeconds(String value) {
        try {
            return Duration.ofSeconds(Long.parseLong(value));
        } catch (NumberFormatException e) {
            throw new InvalidInputException("maxStaleness", MAX_STALENESS_ENV + " must be a number of seconds, was '"
                    + value + "'");
        }
    }

    public StoreOptions withPrimaryWait(Duration wait) {
        return new StoreOptions(mongoUri, dataDir, wait, writeTimeout, readFromSecondaries, maxStaleness, database,
                heartbeat, orphanAge);
    }

    public StoreOptions withWriteTimeout(Duration timeout) {
        return new StoreOptions(mongoUri, dataDir, primaryWait, timeout, readFromSecondaries, maxStaleness, database,
                heartbeat, orphanAge);
    }

    public StoreOptions withSecondaryReads(Duration staleness) {
        return new StoreOptions(mongoUri, dataDir, primaryWait, writeTimeout, true, staleness, database, heartbeat,
                orphanAge);
    }

    public StoreOptions withDatabase(String name) {
        return new StoreOptions(mongoUri, dataDir, primaryWait, writeTimeout, readFromSecondaries, maxStaleness,
                Optional.of(name), heartbeat, orphanAge);
    }

    /** How often the driver checks each server (default 2 s, at least 500 ms): finer topology timings, more load. */
    public StoreOptions withHeartbeat(Duration interval) {
        return new StoreOptions(mongoUri, dataDir, primaryWait, writeTimeout, readFromSecondaries, maxStaleness,
                database, interval, orphanAge);
    }

    /** Overrides the orphan age (see the class comment): for tests and harness runs that fence quickly. */
    public StoreOptions withOrphanAge(Duration age) {
        return new StoreOptions(mongoUri, dataDir, primaryWait, writeTimeout, readFromSecondaries, maxStaleness,
                database, heartbeat, Optional.of(age));
    }

    /** The database: the explicit option, else the URI's path ({@code /reservations}), else the default. */
    public String databaseName() {
        return database.or(() -> mongoUri.map(u -> new ConnectionString(u).getDatabase()))
                .filter(s -> !s.isBlank()).orElse(DEFAULT_DATABASE);
    }

    public boolean isEmbedded() {
        return mongoUri.isEmpty();
    }

    private static Path defaultDataDir(Map<String, String> env) {
        String home = Optional.ofNullable(System.getProperty("user.home")).orElse(env.getOrDefault("HOME", "."));
        return Path.of(home, ".reservation", "data");
    }

    private static Optional<String> nonBlank(String value) {
        return Optional.ofNullable(value).map(String::strip).filter(s -> !s.isEmpty());
    }

    private static Path toPath(String text) {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new InvalidInputException("dataDir", "'" + text + "' is not a usable directory path: " + e.getReason());
        }
    }

    private static void checkUri(String uri) {
        try {
            new ConnectionString(uri);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("mongoUri", "'" + redact(uri) + "' is not a MongoDB connection string ("
                    + e.getMessage() + "); expected e.g. mongodb://db1:27017,db2:27017/reservations?replicaSet=rs0");
        }
    }

    /** Hides a password in a URI shown to people: {@code mongodb://app:***@db1}. */
    static String redact(String uri) {
        return uri.replaceAll("(://[^:/@]+:)[^@/]*@", "$1***@");
    }

    private static void checkDatabaseName(String name) {
        if (name.length() > 63 || !name.matches("[A-Za-z0-9_-]+")) {
            throw new InvalidInputException("database", "database name '" + name
                    + "' must be 1-63 letters, digits, '_' or '-'");
        }
    }

    private static Duration positive(String field, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new InvalidInputException(field, field + " must be a positive duration");
        }
        return value;
    }
}
