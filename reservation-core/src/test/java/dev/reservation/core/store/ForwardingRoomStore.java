package dev.reservation.core.store;

import dev.reservation.core.domain.Room;
import java.util.List;
import java.util.Optional;

/**
 * Forwards every call to another room store; a test overrides the operation it wants to fail or
 * count. Shipped in the core's test-jar for every module.
 */
public class ForwardingRoomStore implements RoomStore {
    private final RoomStore delegate;

    public ForwardingRoomStore(RoomStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public Room insert(Room room) {
        return delegate.insert(room);
    }

    @Override
    public Room update(Room room) {
        return delegate.update(room);
    }

    @Override
    public Optional<Room> findById(String id) {
        return delegate.findById(id);
    }

    @Override
    public Optional<Room> findByName(String name) {
        return delegate.findByName(name);
    }

    @Override
    public List<Room> findAll() {
        return delegate.findAll();
    }
}
