package dev.reservation.mongo.internal.cluster;

import com.mongodb.connection.ClusterDescription;
import com.mongodb.event.ClusterDescriptionChangedEvent;
import com.mongodb.event.ClusterListener;
import com.mongodb.event.ServerHeartbeatSucceededEvent;
import com.mongodb.event.ServerMonitorListener;
import dev.reservation.core.cluster.TopologyEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens to the driver (registered in the client settings): keeps the latest cluster description,
 * the time of each member's last successful heartbeat, and turns description changes into
 * {@link TopologyEvent}s delivered to subscribers on one background thread, in order. Thread-safe.
 */
public final class TopologyTracker implements ClusterListener, ServerMonitorListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TopologyTracker.class);

    private final Clock clock;
    private final Map<String, Instant> heartbeats = new ConcurrentHashMap<>();
    private final List<Consumer<TopologyEvent>> subscribers = new CopyOnWriteArrayList<>();
    private final ExecutorService delivery = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "topology-events");
        t.setDaemon(true);
        return t;
    });
    private volatile ClusterDescription current;

    public TopologyTracker(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void clusterDescriptionChanged(ClusterDescriptionChangedEvent event) {
        current = event.getNewDescription();
        List<TopologyEvent> events = TopologyDiff.between(DriverView.states(event.getPreviousDescription()),
                DriverView.states(event.getNewDescription()), clock.instant());
        if (events.isEmpty() || subscribers.isEmpty()) {
            return;
        }
        try {
            delivery.execute(() -> deliver(events));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closed: nobody listens any more
        }
    }

    private void deliver(List<TopologyEvent> events) {
        for (TopologyEvent e : events) {
            for (Consumer<TopologyEvent> s : subscribers) {
                try {
                    s.accept(e);
                } catch (RuntimeException ex) {
                    LOG.warn("a topology listener failed on {}: {}", e, ex.toString());
                }
            }
        }
    }

    @Override
    public void serverHeartbeatSucceeded(ServerHeartbeatSucceededEvent event) {
        heartbeats.put(event.getConnectionId().getServerId().getAddress().toString(), clock.instant());
    }

    /** The latest description, or null before the driver reported one. */
    public ClusterDescription current() {
        return current;
    }

    public Map<String, Instant> heartbeats() {
        return Map.copyOf(heartbeats);
    }

    public AutoCloseable subscribe(Consumer<TopologyEvent> listener) {
        subscribers.add(listener);
        return () -> subscribers.remove(listener);
    }

    @Override
    public void close() {
        subscribers.clear();
        delivery.shutdownNow();
    }
}
