package dev.reservation.harness;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the workload's store instances are opened: the store client's timeouts, its driver's heartbeat,
 * the orphan age of claims, how many instances (app servers: each its own {@code MongoClient} and
 * clock) and how far apart their clocks are. Immutable; validated here (messages name the flag).
 *
 * @param orphanAge empty: the store's own default (twice primary wait + write timeout + 5 s, at least a minute)
 * @param clockSkew instance clocks are spread evenly over {@code [-clockSkew, +clockSkew]}
 */
public record StoreSettings(Duration primaryWait, Duration writeTimeout, Duration heartbeat,
                            Optional<Duration> orphanAge, int instances, Duration clockSkew) {
    public static final int MAX_INSTANCES = 8;
    public static final Duration MAX_SKEW = Duration.ofHours(1);

    public StoreSettings {
        Objects.requireNonNull(primaryWait, "primaryWait");
        Objects.requireNonNull(writeTimeout, "writeTimeout");
        Objects.requireNonNull(heartbeat, "heartbeat");
        orphanAge = orphanAge == null ? Optional.empty() : orphanAge;
        clockSkew = clockSkew == null ? Duration.ZERO : clockSkew;
        require(!primaryWait.isNegative() && !primaryWait.isZero(), "--primary-wait must be positive");
        require(!writeTimeout.isNegative() && !writeTimeout.isZero(), "--write-timeout must be positive");
        require(heartbeat.toMillis() >= 500, "--driver-heartbeat must be at least 500ms (the driver's floor)");
        require(orphanAge.map(a -> !a.isNegative() && !a.isZero()).orElse(true), "--orphan-age must be positive");
        require(instances >= 1 && instances <= MAX_INSTANCES, "--instances must be between 1 and " + MAX_INSTANCES);
        require(!clockSkew.isNegative() && clockSkew.compareTo(MAX_SKEW) <= 0,
                "--clock-skew must be between 0 and " + MAX_SKEW.toMinutes() + " minutes");
    }

    /** One instance, no skew, the store's own orphan age. */
    public StoreSettings(Duration primaryWait, Duration writeTimeout, Duration heartbeat) {
        this(primaryWait, writeTimeout, heartbeat, Optional.empty(), 1, Duration.ZERO);
    }

    /** The clock offset of instance {@code index}: evenly from {@code -clockSkew} to {@code +clockSkew}. */
    public Duration offset(int index) {
        if (instances == 1 || clockSkew.isZero()) {
            return Duration.ZERO;
        }
        return clockSkew.multipliedBy(2L * index).dividedBy(instances - 1).minus(clockSkew);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
