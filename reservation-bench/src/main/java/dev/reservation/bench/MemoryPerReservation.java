package dev.reservation.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Heap per stored reservation in the in-memory store: used heap after a full GC with N
 * reservations (spread over 1,000 rooms, as a busy site would have) minus used heap with the
 * same world empty, divided by N. Prints one line: {@code count bytesPerReservation}.
 */
public final class MemoryPerReservation {
    private MemoryPerReservation() {
    }

    public static void main(String[] args) throws InterruptedException {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rooms = 1_000;
        CoreWorld world = new CoreWorld();
        world.addRooms(rooms);
        long before = usedAfterGc();
        for (int i = 0; i < rooms; i++) {
            world.fill("r" + i, count / rooms);
        }
        long after = usedAfterGc();
        long stored = (long) (count / rooms) * rooms;
        System.out.printf("%d %.1f%n", stored, (after - before) / (double) stored);
        // keep the world reachable until after the measurement
        if (world.reservations.find(dev.reservation.core.store.ReservationQuery.all().room("r0").limit(1)).isEmpty()) {
            throw new IllegalStateException("filler missing");
        }
    }

    private static long usedAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
