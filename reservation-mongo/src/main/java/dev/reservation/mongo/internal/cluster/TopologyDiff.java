package dev.reservation.mongo.internal.cluster;

import dev.reservation.core.cluster.MemberState;
import dev.reservation.core.cluster.TopologyEvent;
import dev.reservation.core.cluster.TopologyEvent.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Turns two successive views of the cluster (host → state) into topology events. A pure function:
 * stateless, thread-safe, tested with hand-written views. The writable member is the PRIMARY, or a
 * STANDALONE single server, so losing a standalone also reads as PRIMARY_LOST.
 */
public final class TopologyDiff {
    private TopologyDiff() {
    }

    public static List<TopologyEvent> between(Map<String, MemberState> before, Map<String, MemberState> after, Instant at) {
        List<TopologyEvent> events = new ArrayList<>();
        Optional<String> oldPrimary = writable(before);
        Optional<String> newPrimary = writable(after);
        if (oldPrimary.isPresent() && !oldPrimary.equals(newPrimary)) {
            events.add(new TopologyEvent(at, Type.PRIMARY_LOST, oldPrimary.get(),
                    "was " + before.get(oldPrimary.get()) + ", now " + after.getOrDefault(oldPrimary.get(), MemberState.REMOVED)));
        }
        if (newPrimary.isPresent() && !newPrimary.equals(oldPrimary)) {
            events.add(new TopologyEvent(at, Type.PRIMARY_ELECTED, newPrimary.get(),
                    after.get(newPrimary.get()) + (oldPrimary.isPresent() ? ", replacing " + oldPrimary.get() : "")));
        }
        TreeSet<String> hosts = new TreeSet<>(before.keySet());
        hosts.addAll(after.keySet());
        for (String host : hosts) {
            MemberState was = before.getOrDefault(host, MemberState.UNKNOWN);
            MemberState now = after.getOrDefault(host, MemberState.REMOVED);
            if (was == now) {
                continue;
            }
            if (now == MemberState.DOWN) {
                events.add(new TopologyEvent(at, Type.MEMBER_DOWN, host, "was " + was));
            } else if (was == MemberState.DOWN && now != MemberState.UNKNOWN) {
                events.add(new TopologyEvent(at, Type.MEMBER_RECOVERED, host, "now " + now));
            } else if (now != MemberState.UNKNOWN || was != MemberState.DOWN) {
                events.add(new TopologyEvent(at, Type.MEMBER_STATE_CHANGED, host, was + " -> " + now));
            }
        }
        return events;
    }

    private static Optional<String> writable(Map<String, MemberState> view) {
        return view.entrySet().stream()
                .filter(e -> e.getValue() == MemberState.PRIMARY || e.getValue() == MemberState.STANDALONE)
                .map(Map.Entry::getKey).sorted().findFirst();
    }
}
