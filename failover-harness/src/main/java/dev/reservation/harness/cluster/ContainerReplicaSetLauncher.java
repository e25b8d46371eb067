package dev.reservation.harness.cluster;

import dev.reservation.harness.history.MonotonicClock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * Starts a PSA replica set as three {@code mongod} containers through Testcontainers and initiates it
 * like the local one. The containers share the host's network namespace ({@code --network host}, Linux):
 * a replica set's member names must resolve to the same member from the harness and from every other
 * member, which loopback ports on one shared network give and a bridge network's aliases (unresolvable
 * from the host) do not. Closing removes the containers. Stateless; each call starts a new set.
 */
public final class ContainerReplicaSetLauncher {
    private final MonotonicClock clock;

    public ContainerReplicaSetLauncher(MonotonicClock clock) {
        this.clock = clock;
    }

    public static boolean dockerAvailable() {
        if (!DockerSocket.mayExist()) {
            return false; // no daemon to find: spare the Testcontainers probe and its ERROR line
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    public ClusterControl start(ClusterOptions options) {
        if (!dockerAvailable()) {
            throw new ClusterStartException("--cluster containers needs a running Docker daemon that Testcontainers can reach");
        }
        var docker = DockerClientFactory.instance().client();
        List<Integer> ports = FreePorts.pick(3);
        Map<String, MemberHandle> handles = new LinkedHashMap<>();
        List<AutoCloseable> teardown = new ArrayList<>();
        MemberClients admin = new MemberClients();
        try {
            for (int port : ports) {
                GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(options.image()))
                        .withNetworkMode("host")
                        .withCommand("mongod", "--replSet", ClusterOptions.SET_NAME, "--port", Integer.toString(port),
                                "--bind_ip", "127.0.0.1", "--wiredTigerCacheSizeGB", "0.25", "--oplogSize", "256")
                        .waitingFor(Wait.forLogMessage(".*Waiting for connections.*", 1)
                                .withStartupTimeout(options.startTimeout()));
                container.start();
                ContainerMember member = new ContainerMember("127.0.0.1:" + port, container, docker);
                handles.put(member.host(), member);
                teardown.add(member::remove);
            }
            List<String> hosts = List.copyOf(handles.keySet());
            new ReplicaSetInitiator(admin, clock, options.startTimeout()).initiate(ClusterOptions.SET_NAME,
                    hosts.subList(0, 2), Optional.of(hosts.get(2)), options.election());
            String uri = ClientUris.withOptions("mongodb://" + String.join(",", hosts) + "/?replicaSet="
                    + ClusterOptions.SET_NAME, options.clientOptions());
            return new ReplicaSetCluster(ClusterKind.CONTAINERS, "PSA replica set " + ClusterOptions.SET_NAME
                    + " of " + options.image() + " containers (host network) at " + hosts + ", settings "
                    + options.election().asConfigSettings(), handles, List.of(hosts.get(2)), admin, uri, teardown);
        } catch (RuntimeException e) {
            admin.close();
            for (AutoCloseable resource : teardown) {
                try {
                    resource.close();
                } catch (Exception ignored) {
                    // best effort while failing already
                }
            }
            throw e instanceof ClusterStartException cse ? cse
                    : new ClusterStartException("could not start the container replica set: " + e.getMessage(), e);
        }
    }
}
