package dev.reservation.harness.cluster;

import dev.reservation.core.cluster.MemberState;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * One server process with no replication (the embedded wire-protocol server started as a separate
 * process). Its view is "writable when it answers a ping"; there are no elections and no step-down, so
 * a failover here is the time until a restarted node takes writes again. Thread-safe.
 */
public final class SingleNodeCluster implements ClusterControl {
    private final OsProcessMember node;
    private final MemberClients admin;
    private final String clientUri;
    private final String description;
    private final java.nio.file.Path dataDir;

    /** @param dataDir deleted on close, after the node stopped */
    public SingleNodeCluster(OsProcessMember node, MemberClients admin, String clientUri, String description,
                             java.nio.file.Path dataDir) {
        this.node = node;
        this.admin = admin;
        this.clientUri = clientUri;
        this.description = description;
        this.dataDir = dataDir;
    }

    @Override
    public ClusterKind kind() {
        return ClusterKind.EMBEDDED_PROCESS;
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
        return List.of(node.host());
    }

    @Override
    public List<String> dataMembers() {
        return members();
    }

    @Override
    public ServerView view() {
        boolean up = node.answering() && admin.tryCommand(node.host(), new Document("ping", 1)).isPresent();
        ServerView.Member self = new ServerView.Member(node.host(), up ? MemberState.STANDALONE : MemberState.DOWN, up, 0);
        return new ServerView(up ? Optional.of(node.host()) : Optional.empty(), 0, List.of(self), Optional.empty(),
                node.host());
    }

    @Override
    public MemberHandle member(String host) {
        if (!node.host().equals(host)) {
            throw new IllegalArgumentException(host + " is not this node (" + node.host() + ")");
        }
        return node;
    }

    @Override
    public void stepDown(String primary, Duration period) {
        throw new UnsupportedFaultException("a single node has no one to step down to");
    }

    @Override
    public boolean probeWrite() {
        if (!node.answering()) {
            return false;
        }
        try {
            admin.probeWrite(node.host());
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        admin.close();
        node.stopQuietly();
        try {
            ScratchDirs.delete(dataDir);
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            org.slf4j.LoggerFactory.getLogger(SingleNodeCluster.class).warn("could not delete {}: {}", dataDir, e.getMessage());
        }
    }
}
