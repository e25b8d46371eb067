package dev.reservation.core.service;

import static dev.reservation.core.service.ServiceFixture.as;
import static dev.reservation.core.service.ServiceFixture.tomorrow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reservation.core.domain.Actor;
import dev.reservation.core.domain.Equipment;
import dev.reservation.core.domain.InactiveException;
import dev.reservation.core.domain.InvalidInputException;
import dev.reservation.core.domain.PermissionDeniedException;
import dev.reservation.core.domain.Reservation;
import dev.reservation.core.domain.Role;
import dev.reservation.core.domain.Room;
import dev.reservation.core.domain.User;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The permission matrix through the real services: every operation × role (ADMIN, MEMBER) ×
 * whose it is (own, someone else's). Each case runs on fresh stores and checks both the answer
 * and that a refused operation changed nothing.
 */
class AccountRulesTest {
    enum Who { ADMIN, MEMBER }

    enum Whose { OWN, OTHER }

    /** An operation: runs as the actor against a target user (the actor themselves or someone else). */
    record Case(String name, BiConsumer<ServiceFixture, Actor[]> run) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Case> OPERATIONS = List.of(
            new Case("create user", (f, a) -> f.userService.create(a[0],
                    new NewUser("New", "new-" + a[1].userId() + "@example.com", Role.MEMBER))),
            new Case("edit user", (f, a) -> f.userService.update(a[0], a[1].userId(), "Renamed", Role.MEMBER)),
            new Case("deactivate user", (f, a) -> f.userService.deactivate(a[0], victimOf(f, a))),
            new Case("set password", (f, a) -> f.userService.setPassword(a[0], a[1].userId(), "long-enough".toCharArray())),
            new Case("create room", (f, a) -> f.roomService.create(a[0],
                    new NewRoom("Room of " + a[1].userId(), "HQ", 4, Set.of(Equipment.SCREEN), ZoneId.of("UTC")))),
            new Case("edit room", (f, a) -> f.roomService.update(a[0], "small",
                    new NewRoom("Smaller", "HQ", 3, Set.of(), ZoneId.of("UTC")))),
            new Case("deactivate room", (f, a) -> f.roomService.deactivate(a[0], "small")),
            new Case("reserve", (f, a) -> f.service.reserve(a[0], new ReserveRequest("medium", a[1].userId(),
                    tomorrow(9, 0, 60), "Sync", 2))),
            new Case("cancel", (f, a) -> f.service.cancel(a[0], bookedFor(f, a[1]).id())),
            new Case("see details", (f, a) -> {
                if (f.service.get(a[0], bookedFor(f, a[1]).id()).busySlotOnly()) {
                    throw new PermissionDeniedException("details hidden");
                }
            }));

    /** Who may do what: [operation][role][whose] → allowed. */
    static boolean expected(String op, Who who, Whose whose) {
        if (who == Who.ADMIN) {
            return true;
        }
        return switch (op) {
            case "create user", "edit user", "deactivate user", "create room", "edit room", "deactivate room" -> false;
            default -> whose == Whose.OWN;
        };
    }

    static Stream<Arguments> matrix() {
        return OPERATIONS.stream().flatMap(op -> Stream.of(Who.values()).flatMap(who ->
                Stream.of(Whose.values()).map(whose -> Arguments.of(op, who, whose))));
    }

    @ParameterizedTest(name = "{0} by {1} on {2}")
    @MethodSource("matrix")
    void everyOperationForEveryRoleAndOwnership(Case op, Who who, Whose whose) {
        ServiceFixture f = new ServiceFixture();
        User actorUser = who == Who.ADMIN ? f.admin : f.grace;
        User target = whose == Whose.OWN ? actorUser : f.alan;
        Actor[] args = {Actor.of(actorUser), Actor.of(target)};
        if (expected(op.name(), who, whose)) {
            op.run().accept(f, args);
        } else {
            var usersBefore = f.users.findAll();
            var roomsBefore = f.rooms.findAll();
            assertThatThrownBy(() -> op.run().accept(f, args)).isInstanceOf(PermissionDeniedException.class);
            assertThat(f.users.findAll()).isEqualTo(usersBefore);
            assertThat(f.rooms.findAll()).isEqualTo(roomsBefore);
        }
    }

    private static String victimOf(ServiceFixture f, Actor[] a) {
        // deactivating oneself is refused for everyone; the "own" case asks about a fellow user
        return a[0].userId().equals(a[1].userId()) ? f.alan.id() : a[1].userId();
    }

    private static Reservation bookedFor(ServiceFixture f, Actor owner) {
        return f.service.reserve(Actor.of(f.admin), new ReserveRequest("large", owner.userId(), tomorrow(14, 0, 60),
                "Private title", 2));
    }

    @org.junit.jupiter.api.Test
    void membersSeeOthersReservationsOnlyAsBusySlots() {
        ServiceFixture f = new ServiceFixture();
        Reservation mine = f.service.reserve(as(f.grace), f.request(f.small, f.grace, tomorrow(9, 0, 60)));
        Reservation theirs = f.service.reserve(as(f.alan), new ReserveRequest("small", "alan", tomorrow(11, 0, 60),
                "Alan's secret", 2));
        List<ReservationView> seen = f.service.find(as(f.grace), dev.reservation.core.store.ReservationQuery.all());
        assertThat(seen).extracting(ReservationView::id).containsExactly(mine.id(), theirs.id());
        assertThat(seen.get(0).details()).contains(mine);
        assertThat(seen.get(1).busySlotOnly()).isTrue();
        assertThat(seen.get(1).displayTitle()).isEqualTo("Busy");
        assertThat(seen.get(1).slot()).isEqualTo(theirs.slot());
        assertThat(f.service.find(as(f.admin), dev.reservation.core.store.ReservationQuery.all()))
                .allSatisfy(v -> assertThat(v.busySlotOnly()).isFalse());
    }

    @org.junit.jupiter.api.Test
    void deactivatedUsersCannotBeBookedForAndKeepTheirReservations() {
        ServiceFixture f = new ServiceFixture();
        Reservation past = f.service.reserve(as(f.alan), new ReserveRequest("small", "alan", tomorrow(9, 0, 60), "x", 1));
        f.userService.deactivate(as(f.admin), "alan");
        assertThatThrownBy(() -> f.service.reserve(as(f.admin), new ReserveRequest("small", "alan",
                tomorrow(12, 0, 60), "x", 1))).isInstanceOf(InactiveException.class).hasMessageContaining("deactivated");
        assertThat(f.service.get(as(f.admin), past.id()).details().orElseThrow().isConfirmed()).isTrue();
        assertThatThrownBy(() -> f.userService.deactivate(as(f.admin), "admin"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("your own account");
    }

    @org.junit.jupiter.api.Test
    void deactivatedRoomsTakeNoReservationsAndLeaveSearches() {
        ServiceFixture f = new ServiceFixture();
        Room small = f.roomService.deactivate(as(f.admin), "small");
        assertThat(small.active()).isFalse();
        assertThatThrownBy(() -> f.service.reserve(as(f.grace), f.request(f.small, f.grace, tomorrow(9, 0, 60))))
                .isInstanceOf(InactiveException.class);
        assertThat(f.search.freeRooms(new FreeRoomQuery(tomorrow(9, 0, 60)))).extracting(Room::id)
                .doesNotContain("small");
        f.roomService.reactivate(as(f.admin), "small");
        f.service.reserve(as(f.grace), f.request(f.small, f.grace, tomorrow(9, 0, 60)));
    }

    @org.junit.jupiter.api.Test
    void recordsWhoCreatedAndWhoCancelled() {
        ServiceFixture f = new ServiceFixture();
        Reservation forGrace = f.service.reserve(as(f.admin), f.request(f.small, f.grace, tomorrow(9, 0, 60)));
        assertThat(forGrace.userId()).isEqualTo("grace");
        assertThat(forGrace.createdBy()).isEqualTo("admin");
        Reservation cancelled = f.service.cancel(as(f.grace), forGrace.id());
        assertThat(cancelled.cancelledBy()).isEqualTo("grace");
        assertThat(cancelled.cancelledAt()).isEqualTo(ServiceFixture.NOW);
    }

    @org.junit.jupiter.api.Test
    void aMemberMayNotListAnotherUsersReservationsByUser() {
        ServiceFixture f = new ServiceFixture();
        f.service.reserve(as(f.alan), new ReserveRequest("small", "alan", tomorrow(9, 0, 60), "x", 1));
        assertThatThrownBy(() -> f.service.find(as(f.grace), dev.reservation.core.store.ReservationQuery.all().user("alan")))
                .isInstanceOf(PermissionDeniedException.class);
        assertThat(f.service.find(as(f.grace), dev.reservation.core.store.ReservationQuery.all().user("grace"))).isEmpty();
        assertThat(f.service.find(as(f.admin), dev.reservation.core.store.ReservationQuery.all().user("alan"))).hasSize(1);
    }

    @org.junit.jupiter.api.Test
    void aConflictShowsAMemberOnlyTheirOwnDetails() {
        ServiceFixture f = new ServiceFixture();
        Reservation alans = f.service.reserve(as(f.alan), new ReserveRequest("small", "alan", tomorrow(9, 0, 60),
                "Alan's secret", 1));
        assertThatThrownBy(() -> f.service.reserve(as(f.grace), f.request(f.small, f.grace, tomorrow(9, 30, 60))))
                .isInstanceOfSatisfying(dev.reservation.core.domain.ReservationConflictException.class, e -> {
                    assertThat(e.conflicts().get(0).details()).isEmpty();
                    assertThat(e.conflicts().get(0).slot()).isEqualTo(alans.slot());
                    assertThat(e.getMessage()).doesNotContain("secret").doesNotContain("alan");
                });
        assertThatThrownBy(() -> f.service.reserve(as(f.admin), f.request(f.small, f.grace, tomorrow(9, 30, 60))))
                .isInstanceOfSatisfying(dev.reservation.core.domain.ReservationConflictException.class,
                        e -> assertThat(e.conflicts().get(0).details()).contains(alans));
    }

    @org.junit.jupiter.api.Test
    void onlyAnAdminMaySeed() {
        ServiceFixture f = new ServiceFixture();
        SeedService seed = new SeedService(f.users, f.rooms);
        assertThatThrownBy(() -> seed.seed(as(f.grace))).isInstanceOf(PermissionDeniedException.class);
        assertThat(seed.seed(as(f.admin)).roomsAdded()).isEqualTo(DemoData.ROOMS.size());
    }
}
