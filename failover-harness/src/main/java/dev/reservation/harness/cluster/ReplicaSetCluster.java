package dev.reservation.harness.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;

/**
 * A replica set the harness measures, whoever started it: member handles for the nemesis, direct
 * admin connections for the server's own view, and the resources to release on close (processes,
 * containers, scratch directories). Thread-safe.
 */
public final class ReplicaSetCluster implements ClusterControl {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ReplicaSetCluster.class);
    private final ClusterKind kind;
    private final String description;
    private final Map<String, MemberHandle> handles;
    private final List<String> arbiters;
    private final MemberClients admin;
    private final String clientUri;
    private final List<AutoCloseable> teardown;

    /**
     * @param handles  every member by host:port, in replica-set order
     * @param teardown released in reverse order on close, after the admin connections
     */
    public ReplicaSetCluster(ClusterKind kind, String description, Map<String, MemberHandle> handles,
                             List<String> arbiters, MemberClients admin, String clientUri, List<AutoCloseable> teardown) {
        this.kind = kind;
        this.description = description;
        this.handles = new LinkedHashMap<>(handles);
        this.arbiters = List.copyOf(arbiters);
        this.admin = admin;
        this.clientUri = clientUri;
        this.teardown = new ArrayList<>(teardown);
    }

    @Override
    public ClusterKind kind() {
        return kind;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public String clientUri() {
        return clientUri;
    }

    @Override
    public List<String> members() {
        return List.copyOf(handles.keySet());
    }

    @Override
    public List<String> dataMembers() {
        return handles.keySet().stream().filter(h -> !arbiters.contains(h)).toList();
    }

    @Override
    public ServerView view() {
        for (String host : handles.keySet()) {
            if (!handles.get(host).answering()) {
                continue;
            }
            Optional<ServerView> seen = admin.tryCommand(host, new Document("replSetGetStatus", 1))
                    .map(status -> ReplicaSetStatus.parse(status, host));
            if (seen.isPresent()) {
                return fromPrimary(seen.get());
            }
        }
        return ServerView.unreachable();
    }

    /** The primary's own status carries the millisecond-precise election date; prefer it. */
    private ServerView fromPrimary(ServerView seen) {
        if (seen.primary().isEmpty() || seen.primary().get().equals(seen.askedHost())) {
            return seen;
        }
        String primary = seen.primary().get();
        MemberHandle handle = handles.get(primary);
        if (handle == null || !handle.answering()) {
            return seen;
        }
        return admin.tryCommand(primary, new Document("replSetGetStatus", 1))
                .map(status -> ReplicaSetStatus.parse(status, primary)).orElse(seen);
    }

    @Override
    public MemberHandle member(String host) {
        MemberHandle handle = handles.get(host);
        if (handle == null) {
            throw new IllegalArgumentException(host + " is not a member of this cluster (" + members() + ")");
        }
        return handle;
    }

    @Override
    public void stepDown(String primary, Duration period) {
        long seconds = Math.max(2, period.toSeconds());
        admin.command(primary, new Document("replSetStepDown", seconds)
                .append("secondaryCatchUpPeriodSecs", Math.min(10, seconds - 1)));
    }

    @Override
    public boolean probeWrite() {
        Optional<String> primary = view().primary();
        if (primary.isEmpty()) {
            return false;
        }
        try {
            admin.probeWrite(primary.get());
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        admin.close();
        for (int i = teardown.size() - 1; i >= 0; i--) {
            try {
                teardown.get(i).close();
            } catch (Exception e) {
                LOG.warn("teardown of {} did not finish cleanly: {}", description, e.getMessage());
            }
        }
    }
}
