package dev.reservation.harness.history;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a history. {@code time} is monotonic nanoseconds since the run started; {@code process}
 * names who acted ({@code c0..cN} for client threads, {@code nemesis}, {@code driver} for topology events
 * the driver reported, {@code server} for what the replica set reported about itself, {@code harness}).
 * {@code value} holds the operation's arguments and result as strings; {@code error} is set for
 * {@code fail} and {@code info}. Immutable.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Op(long index, int trial, String process, OpType type, String f, long time,
                 Map<String, String> value, String error) {

    public Op {
        Objects.requireNonNull(process, "process");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(f, "f");
        value = value == null ? Map.of() : Map.copyOf(value);
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(value.get(key));
    }

    /** The value under {@code key}; fails loudly when a checker relies on a key that is missing. */
    public String require(String key) {
        String v = value.get(key);
        if (v == null) {
            throw new IllegalStateException("history entry " + index + " (" + f + ") has no '" + key + "'");
        }
        return v;
    }

    public boolean is(OpType wanted, String fn) {
        return type == wanted && f.equals(fn);
    }

    @JsonIgnore
    public boolean isClient() {
        return process.startsWith("c");
    }

    public double timeMillis() {
        return time / 1_000_000.0;
    }
}
