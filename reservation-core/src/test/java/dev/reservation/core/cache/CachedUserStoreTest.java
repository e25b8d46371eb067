package dev.reservation.core.cache;

import dev.reservation.core.store.ForwardingRoomStore;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reservation.core.domain.AlreadyExistsException;
import dev.reservation.core.domain.Role;
import dev.reservation.core.domain.User;
import dev.reservation.core.memory.InMemoryRoomStore;
import dev.reservation.core.memory.InMemoryUserStore;
import dev.reservation.core.domain.Room;
import dev.reservation.core.store.ContractData;
import dev.reservation.core.store.RoomStore;
import java.util.List;
import java.util.Optional;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** What a caching process sees of its own writes and of another process's, on a shared store. */
class CachedUserStoreTest {
    private final AtomicLong nanos = new AtomicLong();
    private final InMemoryUserStore shared = new InMemoryUserStore();
    private final CachedUserStore cached = new CachedUserStore(shared, Duration.ofSeconds(2), nanos::get);

    @Test
    void anotherProcesssDeactivationIsSeenWithinTheTtlAndNotBefore() {
        User ada = cached.insert(new User("u1", "Ada", "ada@example.com", Role.ADMIN));
        assertThat(cached.findById("u1")).contains(ada);

        shared.update(ada.withActive(false)); // written by another instance, straight to the store
        nanos.addAndGet(Duration.ofMillis(1999).toNanos());
        assertThat(cached.findById("u1").orElseThrow().active()).as("within the bound: may be stale").isTrue();
        nanos.addAndGet(Duration.ofMillis(2).toNanos());
        assertThat(cached.findById("u1").orElseThrow().active()).as("after the bound: current").isFalse();
    }

    @Test
    void thisProcesssOwnWritesAreSeenAtOnceByEveryLookup() {
        cached.insert(new User("u1", "Ada", "ada@example.com", Role.ADMIN));
        assertThat(cached.findAll()).hasSize(1);
        assertThat(cached.findByEmail("grace@example.com")).isEmpty();

        cached.insert(new User("u2", "Grace", "grace@example.com", Role.MEMBER));

        assertThat(cached.findAll()).hasSize(2);
        assertThat(cached.findByEmail("GRACE@example.com")).isPresent();
        cached.update(cached.findById("u2").orElseThrow().withNameAndRole("Grace H.", Role.ADMIN));
        assertThat(cached.findById("u2").orElseThrow().role()).isEqualTo(Role.ADMIN);
    }

    @Test
    void aFailedWriteDropsTheCacheToo() {
        cached.insert(new User("u1", "Ada", "ada@example.com", Role.ADMIN));
        assertThat(cached.findAll()).hasSize(1);
        shared.insert(new User("u2", "Grace", "grace@example.com", Role.MEMBER)); // another instance
        assertThatThrownBy(() -> cached.insert(new User("u3", "Ada again", "ada@example.com", Role.MEMBER)))
                .isInstanceOf(AlreadyExistsException.class);
        assertThat(cached.findAll()).hasSize(2);
    }

    @Test
    void repeatedLookupsWithinTheTtlDoNotReachTheStore() {
        AtomicLong reads = new AtomicLong();
        InMemoryRoomStore backing = new InMemoryRoomStore();
        RoomStore rooms = new ForwardingRoomStore(backing) {
            @Override
            public List<Room> findAll() {
                reads.incrementAndGet();
                return backing.findAll();
            }
        };
        CachedRoomStore cachedRooms = new CachedRoomStore(rooms, Duration.ofSeconds(2), nanos::get);
        cachedRooms.insert(ContractData.room("r1", "Spree"));
        for (int i = 0; i < 100; i++) {
            assertThat(cachedRooms.findAll()).hasSize(1);
        }
        assertThat(reads).hasValue(1);
        assertThat(cachedRooms.findByName("SPREE")).isPresent();
    }
}
