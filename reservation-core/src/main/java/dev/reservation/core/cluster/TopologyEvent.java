package dev.reservation.core.cluster;

import java.time.Instant;
import java.util.Objects;

/** A change in the cluster as the application observed it. */
public record TopologyEvent(Instant at, Type type, String host, String detail) {
    public enum Type {
        PRIMARY_LOST, PRIMARY_ELECTED, MEMBER_DOWN, MEMBER_RECOVERED, MEMBER_STATE_CHANGED
    }

    public TopologyEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(type, "type");
        host = host == null ? "" : host;
        detail = detail == null ? "" : detail;
    }
}
