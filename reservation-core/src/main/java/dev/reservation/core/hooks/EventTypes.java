package dev.reservation.core.hooks;

import dev.reservation.core.domain.InvalidInputException;
import dev.reservation.core.notify.ChangeKind;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The names webhook receivers see for the outbox's {@link ChangeKind}s ({@code reservation.created}, ...). Stateless. */
public final class EventTypes {
    private static final Map<ChangeKind, String> NAMES = new LinkedHashMap<>();

    static {
        NAMES.put(ChangeKind.BOOKED, "reservation.created");
        NAMES.put(ChangeKind.REQUESTED, "reservation.requested");
        NAMES.put(ChangeKind.CHANGED, "reservation.changed");
        NAMES.put(ChangeKind.CANCELLED, "reservation.cancelled");
        NAMES.put(ChangeKind.APPROVED, "reservation.approved");
        NAMES.put(ChangeKind.AUTO_RELEASED, "reservation.auto_released");
    }

    private EventTypes() {
    }

    /**
     * The id of the event an outbox entry delivers: {@code evt_<reservation id>_<version>_<kind>}, the
     * same for every subscription and every retry, so receivers de-duplicate on it.
     */
    public static String eventId(dev.reservation.core.notify.OutboxEntry e) {
        return "evt_" + e.reservationId() + "_" + e.version() + "_" + e.kind().name().toLowerCase(java.util.Locale.ROOT);
    }

    public static String name(ChangeKind kind) {
        return NAMES.get(kind);
    }

    public static Set<String> all() {
        return Set.copyOf(NAMES.values());
    }

    /** The kinds named by {@code names}; an {@link InvalidInputException} on {@code events} for an unknown one. */
    public static Set<ChangeKind> parse(Iterable<String> names) {
        Set<ChangeKind> kinds = EnumSet.noneOf(ChangeKind.class);
        for (String name : names) {
            ChangeKind kind = NAMES.entrySet().stream().filter(e -> e.getValue().equals(name)).map(Map.Entry::getKey)
                    .findFirst().orElseThrow(() -> new InvalidInputException("events", "unknown event '" + name
                            + "'; the events are " + String.join(", ", NAMES.values())));
            kinds.add(kind);
        }
        if (kinds.isEmpty()) {
            throw new InvalidInputException("events", "name at least one event: " + String.join(", ", NAMES.values()));
        }
        return kinds;
    }

    public static java.util.List<String> names(Set<ChangeKind> kinds) {
        return NAMES.entrySet().stream().filter(e -> kinds.contains(e.getKey())).map(Map.Entry::getValue)
                .collect(Collectors.toList());
    }
}
