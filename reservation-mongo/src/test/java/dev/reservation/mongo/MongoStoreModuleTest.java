package dev.reservation.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.reservation.core.cluster.ClusterInspector;
import dev.reservation.core.cluster.ClusterTopology;
import dev.reservation.core.domain.Reservation;
import dev.reservation.core.domain.Room;
import dev.reservation.core.domain.TimeSlot;
import dev.reservation.core.domain.User;
import dev.reservation.core.service.ReservationService;
import dev.reservation.core.service.ReserveRequest;
import dev.reservation.core.service.SeedService;
import dev.reservation.core.service.UserService;
import dev.reservation.core.service.AuthService;
import dev.reservation.core.domain.Actor;
import dev.reservation.core.service.RoomService;
import dev.reservation.core.wiring.CoreModule;
import dev.reservation.mongo.testing.InProcessMongo;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The core's services wired to the Mongo store the way the frontends wire it. */
class MongoStoreModuleTest {
    private final InProcessMongo mongo = new InProcessMongo();

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void seedsAndBooksThroughTheCoreServices() {
        MongoStores stores = mongo.open();
        Injector injector = Guice.createInjector(new CoreModule(), new MongoStoreModule(stores));
        injector.getInstance(SeedService.class).seed(Actor.LOCAL_OPERATOR);
        injector.getInstance(SeedService.class).seed(Actor.LOCAL_OPERATOR); // idempotent

        User user = injector.getInstance(UserService.class).list().get(0);
        Room room = injector.getInstance(RoomService.class).list().get(0);
        Instant start = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS);
        Reservation r = injector.getInstance(ReservationService.class).reserve(Actor.of(user),
                new ReserveRequest(room.id(), user.id(),
                TimeSlot.of(start, Duration.ofMinutes(30)), "Stand-up", 1, Optional.of("k-1")));

        assertThat(injector.getInstance(UserService.class).list()).hasSize(5);
        assertThat(injector.getInstance(RoomService.class).list()).hasSize(10);
        assertThat(injector.getInstance(ReservationService.class).get(Actor.of(user), r.id()).details()).contains(r);
        injector.getInstance(AuthService.class).setPasswordIfMissing(user.id(), "pass-word-1".toCharArray());
        assertThat(injector.getInstance(AuthService.class).signIn(user.email(), "pass-word-1".toCharArray(), "test"))
                .isEqualTo(user);
        User deactivated = injector.getInstance(UserService.class).deactivate(Actor.LOCAL_OPERATOR, user.id());
        assertThat(injector.getInstance(UserService.class).get(user.id())).isEqualTo(deactivated);
        assertThat(deactivated.active()).isFalse();
        assertThat(injector.getInstance(MongoStores.class)).isSameAs(stores);
        assertThat(injector.getInstance(dev.reservation.core.notify.OutboxStore.class)).isSameAs(stores.outbox());
        assertThat(injector.getInstance(dev.reservation.core.hooks.WebhookStore.class)).isSameAs(stores.webhooks());
        assertThat(injector.getInstance(ClusterInspector.class).topology().kind())
                .isEqualTo(ClusterTopology.Kind.STANDALONE);
    }
}
