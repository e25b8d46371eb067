package dev.reservation.harness.cluster;

/** The cluster could not be started, attached to or initiated; the message says what was missing. */
public final class ClusterStartException extends RuntimeException {
    public ClusterStartException(String message) {
        super(message);
    }

    public ClusterStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
