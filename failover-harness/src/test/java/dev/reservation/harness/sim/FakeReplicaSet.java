package dev.reservation.harness.sim;

import dev.reservation.core.cluster.MemberState;
import dev.reservation.harness.cluster.ClusterControl;
import dev.reservation.harness.cluster.ClusterKind;
import dev.reservation.harness.cluster.MemberHandle;
import dev.reservation.harness.cluster.ServerView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A replica set in miniature for testing the nemesis without mongod: m0 (primary), m1 (secondary) and
 * m2 (arbiter, or a second secondary). When the primary stops answering, the next healthy data member
 * is elected {@code electionDelay} later (term + 1, election date on the given wall clock); a member
 * that comes back answers as SECONDARY and reaches the primary's optime {@code catchUpDelay} later. The
 * optime grows with every view. Majority writes need two healthy data members. Thread-safe (synchronized).
 */
public final class FakeReplicaSet implements ClusterControl {
    private final Map<String, Member> members = new LinkedHashMap<>();
    private final boolean arbiter;
    private final long electionDelayNanos;
    private final long catchUpDelayNanos;
    private String primary = "m0:1";
    private long term = 1;
    private long optime = 100;
    private long primaryLostAt = -1;
    private long electionWall;

    public FakeReplicaSet(boolean arbiter, Duration electionDelay, Duration catchUpDelay) {
        this.arbiter = arbiter;
        this.electionDelayNanos = electionDelay.toNanos();
        this.catchUpDelayNanos = catchUpDelay.toNanos();
        for (String host : List.of("m0:1", "m1:2", "m2:3")) {
            members.put(host, new Member(host));
        }
    }

    private synchronized void changed() {
        long now = System.nanoTime();
        if (primary != null && !members.get(primary).answering()) {
            primary = null;
            primaryLostAt = now;
        }
        if (primary == null && now - primaryLostAt >= electionDelayNanos) {
            members.values().stream().filter(m -> m.answering() && dataMembers().contains(m.host)).findFirst()
                    .ifPresent(m -> {
                        primary = m.host;
                        term++;
                        electionWall = System.currentTimeMillis();
                    });
        }
    }

    public synchronized void stepDownNow() {
        primaryLostAt = System.nanoTime();
        String old = primary;
        primary = null;
        members.values().stream().filter(m -> m.answering() && !m.host.equals(old) && dataMembers().contains(m.host))
                .findFirst().ifPresent(m -> {
                    primary = m.host;
                    term++;
                    electionWall = System.currentTimeMillis();
                });
    }

    @Override
    public synchronized ServerView view() {
        changed();
        optime++;
        long now = System.nanoTime();
        List<ServerView.Member> seen = new ArrayList<>();
        for (Member m : members.values()) {
            boolean isArbiter = arbiter && m.host.equals("m2:3");
            MemberState state = !m.answering() ? MemberState.DOWN : isArbiter ? MemberState.ARBITER
                    : m.host.equals(primary) ? MemberState.PRIMARY : MemberState.SECONDARY;
            long memberOptime = isArbiter || !m.answering() ? 0
                    : now - m.backAt >= catchUpDelayNanos ? optime : optime / 2;
            seen.add(new ServerView.Member(m.host, state, m.answering(), memberOptime));
        }
        return new ServerView(Optional.ofNullable(primary), term, seen,
                primary == null ? Optional.empty() : Optional.of(electionWall), "m1:2");
    }

    @Override
    public ClusterKind kind() {
        return ClusterKind.TEST_DOUBLE_SET;
    }

    @Override
    public String description() {
        return arbiter ? "fake PSA replica set (test double)" : "fake PSS replica set (test double)";
    }

    @Override
    public String clientUri() {
        return "mongodb://fake/";
    }

    @Override
    public List<String> members() {
        return List.copyOf(members.keySet());
    }

    @Override
    public List<String> dataMembers() {
        return arbiter ? List.of("m0:1", "m1:2") : members();
    }

    @Override
    public MemberHandle member(String host) {
        return members.get(host);
    }

    @Override
    public void stepDown(String host, Duration period) {
        stepDownNow();
    }

    @Override
    public synchronized boolean probeWrite() {
        changed();
        return primary != null && dataMembers().stream().filter(h -> members.get(h).answering()).count() >= 2;
    }

    @Override
    public void close() {
    }

    private final class Member implements MemberHandle {
        private final String host;
        private boolean up = true;
        private boolean frozen;
        private long backAt;

        Member(String host) {
            this.host = host;
        }

        @Override
        public String host() {
            return host;
        }

        @Override
        public void kill() {
            synchronized (FakeReplicaSet.this) {
                up = false;
                changed();
            }
        }

        @Override
        public void terminate() {
            kill();
        }

        @Override
        public void freeze() {
            synchronized (FakeReplicaSet.this) {
                frozen = true;
                changed();
            }
        }

        @Override
        public void thaw() {
            synchronized (FakeReplicaSet.this) {
                frozen = false;
                backAt = System.nanoTime();
            }
        }

        @Override
        public void start() {
            synchronized (FakeReplicaSet.this) {
                up = true;
                backAt = System.nanoTime();
            }
        }

        @Override
        public boolean running() {
            synchronized (FakeReplicaSet.this) {
                return up;
            }
        }

        @Override
        public boolean frozen() {
            synchronized (FakeReplicaSet.this) {
                return frozen;
            }
        }
    }
}
