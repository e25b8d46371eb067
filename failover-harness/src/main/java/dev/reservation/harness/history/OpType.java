package dev.reservation.harness.history;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The kind of a history entry, in Jepsen's vocabulary: an operation is {@code invoke}d, then completes
 * exactly once as {@code ok} (it happened), {@code fail} (it certainly did not happen) or {@code info}
 * (unknown: it may have happened). {@code event} is an observation (topology change, election seen by the
 * server, a member caught up) that is not an operation.
 */
public enum OpType {
    INVOKE, OK, FAIL, INFO, EVENT;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static OpType fromJson(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    public boolean completes() {
        return this == OK || this == FAIL || this == INFO;
    }
}
