package dev.reservation.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reservation.core.domain.AlreadyExistsException;
import dev.reservation.core.domain.Equipment;
import dev.reservation.core.domain.Location;
import dev.reservation.core.domain.LocationNotFoundException;
import dev.reservation.core.domain.Role;
import dev.reservation.core.domain.Room;
import dev.reservation.core.domain.User;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every store must do with locations (sites, buildings, floors), a room's link to its
 * location, and a user's own zone; each store module extends it.
 */
public abstract class LocationStoreContractTest {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    /** Fresh, empty stores of one kind over the same data. */
    protected abstract LocationStore newLocationStore();

    protected abstract RoomStore roomStore();

    protected abstract UserStore userStore();

    private LocationStore locations;

    @BeforeEach
    void fresh() {
        locations = newLocationStore();
    }

    @Test
    void keepsLocationsAndListsThemBySiteBuildingAndFloor() {
        locations.insert(new Location("l3", "New York", "Brooklyn office", "14th floor", NEW_YORK));
        locations.insert(new Location("l2", "Berlin", "Berlin HQ", "3rd floor", BERLIN));
        locations.insert(new Location("l1", "berlin", "Berlin HQ", "2nd floor", BERLIN));
        locations.insert(new Location("l4", "Berlin", "Annex", null, BERLIN));

        assertThat(locations.findAll()).extracting(Location::id).containsExactly("l4", "l1", "l2", "l3");
        assertThat(locations.findById("l4")).contains(new Location("l4", "Berlin", "Annex", null, BERLIN));
        assertThat(locations.findById("l3").orElseThrow().zone()).isEqualTo(NEW_YORK);
        assertThat(locations.findById("nope")).isEmpty();
    }

    @Test
    void refusesASecondLocationWithTheSameSiteBuildingAndFloorOrId() {
        locations.insert(new Location("l1", "Berlin", "Berlin HQ", "2nd floor", BERLIN));

        assertThatThrownBy(() -> locations.insert(new Location("l2", "BERLIN", "berlin hq", "2ND FLOOR", BERLIN)))
                .isInstanceOf(AlreadyExistsException.class);
        assertThatThrownBy(() -> locations.insert(new Location("l1", "Berlin", "Berlin HQ", "4th floor", BERLIN)))
                .isInstanceOf(AlreadyExistsException.class);
        assertThat(locations.findAll()).hasSize(1);
    }

    @Test
    void replacesALocationAndRefusesUnknownIdsAndTakenNames() {
        locations.insert(new Location("l1", "Berlin", "Berlin HQ", "2nd floor", BERLIN));
        locations.insert(new Location("l2", "Berlin", "Berlin HQ", "3rd floor", BERLIN));

        locations.update(new Location("l1", "Berlin", "Berlin HQ", "second floor", BERLIN));

        assertThat(locations.findById("l1").orElseThrow().floor()).isEqualTo("second floor");
        assertThatThrownBy(() -> locations.update(new Location("l9", "Berlin", "X", null, BERLIN)))
                .isInstanceOf(LocationNotFoundException.class);
        assertThatThrownBy(() -> locations.update(new Location("l1", "Berlin", "Berlin HQ", "3rd floor", BERLIN)))
                .isInstanceOf(AlreadyExistsException.class);
    }

    @Test
    void keepsARoomsLocationIdAndReadsRoomsWithoutOne() {
        Room linked = new Room("r-link", "Linked", new Location("l1", "Berlin", "Berlin HQ", "2nd floor", BERLIN), 4,
                Set.of(Equipment.SCREEN));
        Room legacy = new Room("r-text", "Text only", "Somewhere, 1st floor", 2, Set.of(), BERLIN);
        roomStore().insert(linked);
        roomStore().insert(legacy);

        assertThat(roomStore().findById("r-link").orElseThrow().locationId()).isEqualTo("l1");
        assertThat(roomStore().findById("r-link").orElseThrow().location()).isEqualTo("Berlin HQ, 2nd floor");
        assertThat(roomStore().findById("r-text").orElseThrow().locationId()).isNull();
        roomStore().update(linked.withActive(false));
        assertThat(roomStore().findById("r-link").orElseThrow().locationId()).as("kept by updates").isEqualTo("l1");
    }

    @Test
    void keepsAUsersZoneAndReadsUsersWithoutOne() {
        userStore().insert(new User("u-z", "Zed", "zed@example.com", Role.MEMBER, true, ZoneId.of("Europe/London")));
        userStore().insert(new User("u-n", "Nobody", "nobody@example.com", Role.MEMBER));

        assertThat(userStore().findById("u-z").orElseThrow().zone()).isEqualTo(ZoneId.of("Europe/London"));
        assertThat(userStore().findById("u-n").orElseThrow().zone()).isNull();
        userStore().update(userStore().findById("u-n").orElseThrow().withZone(NEW_YORK));
        assertThat(userStore().findById("u-n").orElseThrow().zone()).isEqualTo(NEW_YORK);
        userStore().update(userStore().findById("u-n").orElseThrow().withZone(null));
        assertThat(userStore().findById("u-n").orElseThrow().zone()).isNull();
    }
}
