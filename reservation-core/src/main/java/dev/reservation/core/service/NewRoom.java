package dev.reservation.core.service;

import dev.reservation.core.domain.Equipment;
import java.time.ZoneId;
import java.util.Set;

/** What it takes to create a room; the id is assigned by {@link RoomService}. */
public record NewRoom(String name, String location, int capacity, Set<Equipment> equipment, ZoneId zone) {
}
