package dev.reservation.core.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.reservation.core.cluster.ClusterInspector;
import dev.reservation.core.cluster.ClusterTopology;
import dev.reservation.core.domain.Actor;
import dev.reservation.core.domain.Reservation;
import dev.reservation.core.domain.TimeSlot;
import dev.reservation.core.service.BookingPolicy;
import dev.reservation.core.service.DemoData;
import dev.reservation.core.service.ReservationService;
import dev.reservation.core.service.ReserveRequest;
import dev.reservation.core.service.SeedService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CoreModuleTest {
    private static final Instant NOW = Instant.parse("2030-01-07T08:00:00Z");

    @Test
    void wiresServicesOverTheInMemoryStoreWithTheGivenClock() {
        Injector injector = Guice.createInjector(
                new CoreModule(Clock.fixed(NOW, ZoneOffset.UTC), BookingPolicy.DEFAULT), new InMemoryStoreModule());
        SeedService seed = injector.getInstance(SeedService.class);
        assertThat(seed.seed(Actor.LOCAL_OPERATOR)).isEqualTo(new SeedService.SeedResult(DemoData.USERS.size(), DemoData.ROOMS.size(),
                DemoData.LOCATIONS.size()));
        assertThat(seed.seed(Actor.LOCAL_OPERATOR)).isEqualTo(new SeedService.SeedResult(0, 0));

        ReservationService service = injector.getInstance(ReservationService.class);
        assertThat(injector.getInstance(ReservationService.class)).isSameAs(service);
        Reservation r = service.reserve(new Actor("u-grace", dev.reservation.core.domain.Role.MEMBER),
                new ReserveRequest("r-spree", "u-grace",
                TimeSlot.of(NOW.plus(Duration.ofHours(1)), Duration.ofMinutes(30)), "Standup", 3));
        assertThat(r.createdAt()).isEqualTo(NOW);
        assertThat(service.cancel(new Actor("u-ada", dev.reservation.core.domain.Role.ADMIN), r.id()).isConfirmed())
                .isFalse();

        ClusterTopology topology = injector.getInstance(ClusterInspector.class).topology();
        assertThat(topology.kind()).isEqualTo(ClusterTopology.Kind.IN_MEMORY);
        assertThat(topology.writable()).isTrue();
    }
}
