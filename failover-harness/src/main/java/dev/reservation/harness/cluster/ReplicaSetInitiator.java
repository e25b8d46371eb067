package dev.reservation.harness.cluster;

import dev.reservation.core.cluster.MemberState;
import dev.reservation.harness.history.MonotonicClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * Turns freshly started {@code mongod}s into a replica set the way PSA requires since MongoDB 5.0:
 * initiate with the data-bearing members and the election settings, wait for a primary, set the
 * cluster-wide default write concern to majority ({@code setDefaultRWConcern}), and only then add the
 * arbiter by reconfig (which the server refuses before the default is set). Waits until every member is
 * PRIMARY, SECONDARY or ARBITER. Stateless and thread-safe.
 */
public final class ReplicaSetInitiator {
    private static final Duration POLL = Duration.ofMillis(200);
    private final MemberClients admin;
    private final MonotonicClock clock;
    private final Duration limit;

    public ReplicaSetInitiator(MemberClients admin, MonotonicClock clock, Duration limit) {
        this.admin = admin;
        this.clock = clock;
        this.limit = limit;
    }

    public void initiate(String setName, List<String> dataHosts, Optional<String> arbiter, ElectionSettings settings) {
        List<String> all = new ArrayList<>(dataHosts);
        arbiter.ifPresent(all::add);
        for (String host : all) {
            await("member " + host + " to accept connections",
                    () -> admin.tryCommand(host, new Document("ping", 1)));
        }
        List<Document> members = new ArrayList<>();
        for (int i = 0; i < dataHosts.size(); i++) {
            members.add(new Document("_id", i).append("host", dataHosts.get(i)));
        }
        Document config = new Document("_id", setName).append("members", members);
        if (!settings.isDefault()) {
            config.append("settings", new Document(settings.asConfigSettings()));
        }
        admin.command(dataHosts.get(0), new Document("replSetInitiate", config));
        String primary = await("a primary after replSetInitiate", () -> viewFrom(dataHosts).primary());
        admin.command(primary, new Document("setDefaultRWConcern", 1)
                .append("defaultWriteConcern", new Document("w", "majority"))
                .append("writeConcern", new Document("w", "majority")));
        if (arbiter.isPresent()) {
            addArbiter(primary, arbiter.get(), dataHosts.size());
        }
        await("every member to be PRIMARY, SECONDARY or ARBITER",
                () -> Optional.of(viewFrom(all)).filter(v -> v.settled() && v.members().size() == all.size()));
    }

    private void addArbiter(String primary, String arbiter, int id) {
        Document current = admin.command(primary, new Document("replSetGetConfig", 1)).get("config", Document.class);
        List<Document> members = new ArrayList<>(current.getList("members", Document.class));
        members.add(new Document("_id", id).append("host", arbiter).append("arbiterOnly", true));
        current.put("members", members);
        current.put("version", current.get("version", Number.class).intValue() + 1);
        admin.command(primary, new Document("replSetReconfig", current));
    }

    private ServerView viewFrom(List<String> hosts) {
        for (String host : hosts) {
            Optional<ServerView> view = admin.tryCommand(host, new Document("replSetGetStatus", 1))
                    .map(s -> ReplicaSetStatus.parse(s, host));
            if (view.isPresent() && view.get().members().stream().anyMatch(m -> m.state() == MemberState.PRIMARY)) {
                return view.get();
            }
        }
        return ServerView.unreachable();
    }

    private <T> T await(String what, java.util.function.Supplier<Optional<T>> probe) {
        return Waits.until(clock, limit, POLL, probe).orElseThrow(() ->
                new ClusterStartException("gave up waiting " + limit.toSeconds() + " s for " + what));
    }
}
