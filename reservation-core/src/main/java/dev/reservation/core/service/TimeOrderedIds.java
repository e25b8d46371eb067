package dev.reservation.core.service;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ids shaped like MongoDB's ObjectId, as 24 hex characters: 4 bytes of seconds since the epoch
 * (from the injected clock), 5 random bytes drawn once per generator, and a 3-byte counter that
 * starts at a random value. Unique within the process by construction (as long as it makes fewer
 * than 16.7 million ids in one second), across processes with overwhelming probability, roughly
 * ordered by creation time, and cheap: no secure random per id. Thread-safe.
 */
final class TimeOrderedIds implements IdGenerator {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final Clock clock;
    private final long processPart;
    private final AtomicInteger counter;

    TimeOrderedIds(Clock clock, SecureRandom random) {
        this.clock = clock;
        this.processPart = random.nextLong() & 0xFF_FFFF_FFFFL;
        this.counter = new AtomicInteger(random.nextInt(1 << 24));
    }

    @Override
    public String newId() {
        long seconds = clock.instant().getEpochSecond() & 0xFFFF_FFFFL;
        int count = counter.getAndIncrement() & 0xFF_FFFF;
        char[] out = new char[24];
        put(out, 0, seconds, 8);
        put(out, 8, processPart, 10);
        put(out, 18, count, 6);
        return new String(out);
    }

    private static void put(char[] out, int at, long value, int digits) {
        for (int i = digits - 1; i >= 0; i--) {
            out[at + i] = HEX[(int) (value & 0xF)];
            value >>>= 4;
        }
    }
}
