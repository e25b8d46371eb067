package dev.reservation.harness.cluster;

import dev.reservation.harness.history.MonotonicClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Starts a PSA (primary, secondary, arbiter) or PSS replica set from {@code mongod} binaries on
 * loopback ports, each member's data under {@code <workDir>/cluster/mN} and its log beside it, then
 * initiates it (see {@link ReplicaSetInitiator}). Closing the cluster stops every member cleanly and
 * deletes the data directories, keeping the logs. Stateless; each call starts a new set.
 */
public final class LocalReplicaSetLauncher {
    private final MonotonicClock clock;
    private final Map<String, String> env;

    public LocalReplicaSetLauncher(MonotonicClock clock, Map<String, String> env) {
        this.clock = clock;
        this.env = env;
    }

    public ClusterControl start(ClusterOptions options) {
        boolean psa = options.kind() == ClusterKind.LOCAL_PSA;
        Path mongod = MongodBinary.require(options.mongodBin(), env);
        Path dir = options.workDir().resolve("cluster");
        List<Integer> ports = FreePorts.pick(3);
        Map<String, MemberHandle> handles = new LinkedHashMap<>();
        List<AutoCloseable> teardown = new ArrayList<>();
        teardown.add(() -> {
            for (int i = 0; i < 3; i++) {
                ScratchDirs.delete(dir.resolve("m" + i));
            }
        });
        MemberClients admin = new MemberClients();
        try {
            for (int i = 0; i < 3; i++) {
                String host = "127.0.0.1:" + ports.get(i);
                Path data = Files.createDirectories(dir.resolve("m" + i));
                OsProcessMember member = new OsProcessMember(host, List.of(mongod.toString(),
                        "--replSet", ClusterOptions.SET_NAME, "--port", ports.get(i).toString(),
                        "--bind_ip", "127.0.0.1", "--dbpath", data.toString(),
                        "--logpath", dir.resolve("m" + i + ".log").toString(), "--logappend",
                        "--wiredTigerCacheSizeGB", "0.25", "--oplogSize", "256"), dir.resolve("m" + i + ".out"));
                member.start();
                handles.put(host, member);
                teardown.add(member::stopQuietly);
            }
            List<String> hosts = List.copyOf(handles.keySet());
            Optional<String> arbiter = psa ? Optional.of(hosts.get(2)) : Optional.empty();
            new ReplicaSetInitiator(admin, clock, options.startTimeout()).initiate(ClusterOptions.SET_NAME,
                    psa ? hosts.subList(0, 2) : hosts, arbiter, options.election());
            String uri = ClientUris.withOptions("mongodb://" + String.join(",", hosts) + "/?replicaSet="
                    + ClusterOptions.SET_NAME, options.clientOptions());
            return new ReplicaSetCluster(options.kind(), (psa ? "local PSA" : "local PSS") + " replica set "
                    + ClusterOptions.SET_NAME + " of " + mongod + " at " + hosts + ", settings "
                    + options.election().asConfigSettings(), handles, arbiter.map(List::of).orElse(List.of()),
                    admin, uri, teardown);
        } catch (IOException | RuntimeException e) {
            admin.close();
            teardown.forEach(LocalReplicaSetLauncher::closeQuietly);
            if (e instanceof ClusterStartException cse) {
                throw cse;
            }
            throw new ClusterStartException("could not start the local replica set: " + e.getMessage()
                    + " (member logs in " + dir + ")", e);
        }
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception ignored) {
            // best effort while failing already
        }
    }
}
