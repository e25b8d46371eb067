package dev.reservation.core.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reservation.core.domain.Actor;
import dev.reservation.core.domain.InvalidInputException;
import dev.reservation.core.domain.PermissionDeniedException;
import dev.reservation.core.domain.Role;
import dev.reservation.core.memory.InMemoryOutboxStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The operators' view of the outbox, and the one layout of feed URLs every frontend prints. */
class OutboxMonitorTest {
    private static final Instant T0 = Instant.parse("2031-01-01T08:00:00Z");

    @Test
    void anAdminSeesDepthOldestPendingAndTheLastErrorAndAMemberNothing() {
        InMemoryOutboxStore outbox = new InMemoryOutboxStore();
        outbox.enqueue(new OutboxEntry.New(OutboxEntry.EMAIL, "r1", 0, ChangeKind.BOOKED, "u1", T0));
        outbox.enqueue(new OutboxEntry.New(OutboxEntry.EMAIL, "r2", 0, ChangeKind.BOOKED, "u1", T0.plusSeconds(60)));
        OutboxEntry leased = outbox.lease(OutboxEntry.EMAIL, T0.plusSeconds(90), Duration.ofSeconds(30), 1).get(0);
        outbox.markFailed(leased.id(), leased.leaseToken(), T0.plusSeconds(91), "SMTP down", T0.plusSeconds(150));
        OutboxMonitor monitor = new OutboxMonitor(outbox, Clock.fixed(T0.plusSeconds(100), ZoneOffset.UTC));

        OutboxStats stats = monitor.email(Actor.LOCAL_OPERATOR);
        assertThat(stats.pending()).isEqualTo(2);
        assertThat(stats.oldestPending()).contains(T0);
        assertThat(stats.lastError()).hasValueSatisfying(e -> {
            assertThat(e.entryId()).isEqualTo(leased.id());
            assertThat(e.attempts()).isEqualTo(1);
            assertThat(e.message()).isEqualTo("SMTP down");
        });
        assertThatThrownBy(() -> monitor.email(new Actor("u1", Role.MEMBER)))
                .isInstanceOf(PermissionDeniedException.class);
    }

    @Test
    void feedUrlsNameTheTokenInThePathOrTheRoomWithTheTokenInTheQuery() {
        assertThat(FeedTokens.url("https://rooms.example.com/", FeedToken.USER_FEED, "tok"))
                .isEqualTo("https://rooms.example.com/ical/users/tok.ics");
        assertThat(FeedTokens.url("http://localhost:8080", FeedToken.roomFeed("r spree"), "tok"))
                .isEqualTo("http://localhost:8080/ical/rooms/r%20spree.ics?token=tok");
        assertThatThrownBy(() -> FeedTokens.url("http://x", "calendar", "tok")).isInstanceOf(InvalidInputException.class);
    }
}
