package dev.reservation.harness.cluster;

import com.mongodb.ConnectionString;
import dev.reservation.core.cluster.MemberState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;

/**
 * Attaches to an existing replica set by URI. It changes nothing on that set: election settings are
 * refused (set them with {@code rs.reconfig} yourself), and closing only drops connections. Faults are
 * step-down, clean shutdown by command, and whatever the kill/start hooks do.
 */
public final class ExternalClusterAttacher {

    public ClusterControl attach(ClusterOptions options) {
        String uri = options.uri().orElseThrow(() -> new ClusterStartException("--cluster external needs --uri"));
        if (!options.election().isDefault()) {
            throw new ClusterStartException("election settings are only applied to clusters the harness starts; "
                    + "set them on your replica set with rs.reconfig and leave out the --election-* flags");
        }
        ConnectionString cs;
        try {
            cs = new ConnectionString(uri);
        } catch (IllegalArgumentException e) {
            throw new ClusterStartException("--uri is not a MongoDB connection string: " + e.getMessage(), e);
        }
        MemberClients admin = new MemberClients(cs);
        Optional<ServerView> view = cs.getHosts().stream()
                .map(h -> admin.tryCommand(h, new Document("replSetGetStatus", 1)).map(s -> ReplicaSetStatus.parse(s, h)))
                .flatMap(Optional::stream).findFirst();
        if (view.isEmpty()) {
            admin.close();
            throw new ClusterStartException("no member of " + cs.getHosts() + " answered replSetGetStatus: is it a "
                    + "reachable replica set, and may this user run it (clusterMonitor role)?");
        }
        Map<String, MemberHandle> handles = new LinkedHashMap<>();
        for (ServerView.Member m : view.get().members()) {
            handles.put(m.host(), new HookMember(m.host(), options.killHook(), options.startHook(), admin));
        }
        List<String> arbiters = view.get().members().stream()
                .filter(m -> m.state() == MemberState.ARBITER).map(ServerView.Member::host).toList();
        String faults = "step-down, shutdown by command" + (options.killHook().isPresent() ? ", kill hook" : "")
                + (options.startHook().isPresent() ? ", start hook" : "");
        return new ReplicaSetCluster(ClusterKind.EXTERNAL, "external replica set at " + handles.keySet()
                + " (faults possible: " + faults + ")", handles, arbiters, admin,
                ClientUris.withOptions(uri, options.clientOptions()), List.of());
    }
}
