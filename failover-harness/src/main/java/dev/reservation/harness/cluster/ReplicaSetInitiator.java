package dev.reservation.harness.cluster;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteConcernException;
import dev.reservation.core.cluster.MemberState;
import dev.reservation.harness.history.MonotonicClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.bson.Document;

/**
 * Turns freshly started {@code mongod}s into a replica set the way PSA requires since MongoDB 5.0:
 * initiate with the data-bearing members and the election settings, wait for a primary, set the
 * cluster-wide default write concern to majority ({@code setDefaultRWConcern}), and only then add the
 * arbiter by reconfig (which the server refuses before the default is set). Waits until every member is
 * PRIMARY, SECONDARY or ARBITER. Stateless and thread-safe.
 *
 * <p>A set that has just elected its first primary is not yet ready for either command, so both are
 * retried until the time limit:
 * <ul>
 *   <li>{@code setDefaultRWConcern} is sent only to a member whose {@code hello} says
 *       {@code isWritablePrimary} (a member reported PRIMARY by {@code replSetGetStatus} may still be
 *       draining and answer NotWritablePrimary), with {@code writeConcern {w: "majority", wtimeout}} so
 *       that a secondary still catching up costs a retry, not a hang; transient errors (not primary,
 *       stepped down, interrupted, shutting down, write-concern failures, lost connections) are retried.</li>
 *   <li>{@code replSetReconfig} is retried on "configuration in progress" (109,
 *       ConfigurationInProgress) and "current config not yet committed or propagated" (308,
 *       CurrentConfigNotCommittedOrPropagated), and on the same transient errors, each time from the
 *       config read again (its version may have moved); a config that already lists the arbiter (an
 *       earlier attempt whose reply was lost) counts as done.</li>
 * </ul>
 * Any other server error ends the start at once, naming the command and the code.
 */
public final class ReplicaSetInitiator {
    /** ConfigurationInProgress, CurrentConfigNotCommittedOrPropagated: a reconfig may succeed later. */
    static final Set<Integer> RECONFIG_LATER = Set.of(109, 308);
    /**
     * Codes that say "not now" on a set that is still settling: HostUnreachable 6, HostNotFound 7,
     * MaxTimeMSExpired 50, WriteConcernFailed 64, ShutdownInProgress 91, PrimarySteppedDown 189,
     * ExceededTimeLimit 262, NotWritablePrimary 10107, InterruptedAtShutdown 11600,
     * InterruptedDueToReplStateChange 11602, NotPrimaryNoSecondaryOk 13435, NotPrimaryOrSecondary 13436.
     */
    static final Set<Integer> TRANSIENT = Set.of(6, 7, 50, 64, 91, 189, 262, 10107, 11600, 11602, 13435, 13436);
    /** The write-concern timeout of {@code setDefaultRWConcern}, so a lagging secondary means a retry. */
    static final long DEFAULT_RW_WTIMEOUT_MS = 5_000;

    private final AdminCommands admin;
    private final MonotonicClock clock;
    private final Duration limit;
    private final Duration poll;

    public ReplicaSetInitiator(AdminCommands admin, MonotonicClock clock, Duration limit) {
        this(admin, clock, limit, Duration.ofMillis(200));
    }

    /** @param poll how long to wait between attempts (tests use a few milliseconds) */
    public ReplicaSetInitiator(AdminCommands admin, MonotonicClock clock, Duration limit, Duration poll) {
        this.admin = admin;
        this.clock = clock;
        this.limit = limit;
        this.poll = poll;
    }

    public void initiate(String setName, List<String> dataHosts, Optional<String> arbiter, ElectionSettings settings) {
        List<String> all = new ArrayList<>(dataHosts);
        arbiter.ifPresent(all::add);
        for (String host : all) {
            await("member " + host + " to accept connections", new AtomicReference<>(),
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
        await("a primary after replSetInitiate", new AtomicReference<>(), () -> viewFrom(dataHosts).primary());
        setDefaultWriteConcern(dataHosts);
        if (arbiter.isPresent()) {
            addArbiter(dataHosts, arbiter.get(), dataHosts.size());
        }
        await("every member to be PRIMARY, SECONDARY or ARBITER", new AtomicReference<>(),
                () -> Optional.of(viewFrom(all)).filter(v -> v.settled() && v.members().size() == all.size()));
    }

    private void setDefaultWriteConcern(List<String> dataHosts) {
        AtomicReference<String> last = new AtomicReference<>();
        await("setDefaultRWConcern {w: majority} to be acknowledged by a writable primary", last, () -> {
            Optional<String> primary = writablePrimary(dataHosts, last);
            if (primary.isEmpty()) {
                return Optional.empty();
            }
            Document reply = attempt("setDefaultRWConcern", last, () -> admin.command(primary.get(),
                    new Document("setDefaultRWConcern", 1)
                            .append("defaultWriteConcern", new Document("w", "majority"))
                            .append("writeConcern", new Document("w", "majority")
                                    .append("wtimeout", DEFAULT_RW_WTIMEOUT_MS))), Set.of());
            if (reply != null && reply.containsKey("writeConcernError")) {
                last.set("setDefaultRWConcern on " + primary.get() + ": write concern error "
                        + reply.get("writeConcernError", Document.class).toJson());
                return Optional.empty();
            }
            return Optional.ofNullable(reply);
        });
    }

    private void addArbiter(List<String> dataHosts, String arbiter, int id) {
        AtomicReference<String> last = new AtomicReference<>();
        await("replSetReconfig adding arbiter " + arbiter, last, () -> {
            Optional<String> primary = writablePrimary(dataHosts, last);
            if (primary.isEmpty()) {
                return Optional.empty();
            }
            Document reply = attempt("replSetGetConfig", last,
                    () -> admin.command(primary.get(), new Document("replSetGetConfig", 1)), Set.of());
            if (reply == null) {
                return Optional.empty();
            }
            Document current = reply.get("config", Document.class);
            List<Document> members = new ArrayList<>(current.getList("members", Document.class));
            if (members.stream().anyMatch(m -> arbiter.equals(m.getString("host")))) {
                return Optional.of(true); // an earlier attempt landed though its reply was lost
            }
            members.add(new Document("_id", id).append("host", arbiter).append("arbiterOnly", true));
            Document next = new Document(current);
            next.put("members", members);
            next.put("version", current.get("version", Number.class).intValue() + 1);
            return Optional.ofNullable(attempt("replSetReconfig", last,
                    () -> admin.command(primary.get(), new Document("replSetReconfig", next)), RECONFIG_LATER))
                    .map(r -> true);
        });
    }

    /** The first data member whose {@code hello} says it is a writable primary. */
    private Optional<String> writablePrimary(List<String> hosts, AtomicReference<String> last) {
        for (String host : hosts) {
            Optional<Document> hello = admin.tryCommand(host, new Document("hello", 1));
            if (hello.isPresent() && (Boolean.TRUE.equals(hello.get().getBoolean("isWritablePrimary"))
                    || Boolean.TRUE.equals(hello.get().getBoolean("ismaster")))) {
                return Optional.of(host);
            }
        }
        last.set("no member's hello said isWritablePrimary: true");
        return Optional.empty();
    }

    /**
     * Runs one command: its reply, or null (and why in {@code last}) after an error worth retrying;
     * any other server error ends the start.
     */
    private Document attempt(String name, AtomicReference<String> last, Supplier<Document> command,
                             Set<Integer> alsoRetried) {
        try {
            return command.get();
        } catch (MongoCommandException e) {
            if (TRANSIENT.contains(e.getErrorCode()) || alsoRetried.contains(e.getErrorCode())) {
                last.set(name + ": " + e.getErrorCodeName() + " (" + e.getErrorCode() + ") " + e.getErrorMessage());
                return null;
            }
            throw new ClusterStartException(name + " was refused: " + e.getErrorCodeName() + " (" + e.getErrorCode()
                    + ") " + e.getErrorMessage(), e);
        } catch (MongoWriteConcernException | MongoSocketException | MongoTimeoutException e) {
            last.set(name + ": " + e.getClass().getSimpleName() + " " + e.getMessage());
            return null;
        } catch (MongoException e) {
            if (TRANSIENT.contains(e.getCode())) {
                last.set(name + ": " + e.getClass().getSimpleName() + " " + e.getMessage());
                return null;
            }
            throw new ClusterStartException(name + " failed: " + e.getMessage(), e);
        }
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

    private <T> T await(String what, AtomicReference<String> last, Supplier<Optional<T>> probe) {
        return Waits.until(clock, limit, poll, probe).orElseThrow(() ->
                new ClusterStartException("gave up waiting " + limit.toSeconds() + " s for " + what
                        + (last.get() == null ? "" : "; last answer: " + last.get())));
    }
}
