package dev.reservation.core.cluster;

/** A replica-set member's state as MongoDB names it, plus the states this system adds. */
public enum MemberState {
    PRIMARY, SECONDARY, ARBITER, RECOVERING, STARTUP, STARTUP2, ROLLBACK, DOWN, REMOVED, UNKNOWN,
    /** A single server without replication (a standalone mongod or the embedded server). */
    STANDALONE,
    /** The in-memory store inside this process. */
    IN_PROCESS;

    /** Maps MongoDB's {@code stateStr} (e.g. "PRIMARY", "(not reachable/healthy)") to a state. */
    public static MemberState fromMongo(String stateStr) {
        if (stateStr == null) {
            return UNKNOWN;
        }
        for (MemberState s : values()) {
            if (s.name().equalsIgnoreCase(stateStr.strip())) {
                return s;
            }
        }
        return stateStr.contains("not reachable") ? DOWN : UNKNOWN;
    }
}
