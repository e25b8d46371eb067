package dev.reservation.harness.workload;

import dev.reservation.harness.history.MonotonicClock;
import dev.reservation.harness.history.Op;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * N client threads ({@code c0..cN-1}) that together aim at {@code rate} operations per second: each
 * thread paces itself at {@code rate / threads}, and when an operation blocks (as during a failover) it
 * does not burst afterwards to catch up. Client {@code ci} goes through store instance
 * {@code i mod instances} (as users of several app servers would). Start once, stop once. Thread-safe.
 */
public final class Workload {
    private final List<WorkloadClient> clients;
    private final WorkloadSpec spec;
    private final int threads;
    private final double rate;
    private final long seed;
    private final MonotonicClock clock;
    private final Duration expected;
    private final AtomicBoolean running = new AtomicBoolean();
    private final List<Thread> workers = new ArrayList<>();
    private volatile long startedAt;

    /**
     * @param clients  one per store instance
     * @param expected how long the workload is meant to run: its hot window sweeps the spec's window over it
     */
    public Workload(List<WorkloadClient> clients, WorkloadSpec spec, int threads, double rate, long seed,
                    MonotonicClock clock, Duration expected) {
        if (threads < 1 || rate <= 0 || clients.isEmpty()) {
            throw new IllegalArgumentException("a workload needs a client, at least one thread and a positive rate");
        }
        this.clients = List.copyOf(clients);
        this.spec = spec;
        this.threads = threads;
        this.rate = rate;
        this.seed = seed;
        this.clock = clock;
        this.expected = expected;
    }

    public Workload(WorkloadClient client, WorkloadSpec spec, int threads, double rate, long seed, MonotonicClock clock) {
        this(List.of(client), spec, threads, rate, seed, clock, Duration.ofDays(1));
    }

    public synchronized void start() {
        if (!running.compareAndSet(false, true) || !workers.isEmpty()) {
            throw new IllegalStateException("a workload starts once");
        }
        startedAt = clock.nanoTime();
        long intervalNanos = (long) (TimeUnit.SECONDS.toNanos(1) * threads / rate);
        for (int i = 0; i < threads; i++) {
            String process = "c" + i;
            WorkloadClient client = clients.get(i % clients.size());
            Generator generator = new Generator(spec, process, seed * 1_000_003L + spec.trial() * 101L + i,
                    this::progress);
            long offset = intervalNanos * i / threads;
            Thread worker = new Thread(() -> loop(client, process, generator, intervalNanos, offset), "harness-" + process);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
    }

    private double progress() {
        return (clock.nanoTime() - startedAt) / (double) Math.max(1, expected.toNanos());
    }

    private void loop(WorkloadClient client, String process, Generator generator, long intervalNanos, long offset) {
        long due = clock.nanoTime() + offset;
        while (running.get()) {
            long wait = due - clock.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
                continue;
            }
            Op done = client.perform(process, generator.next());
            generator.observe(done);
            due = Math.max(due + intervalNanos, clock.nanoTime());
        }
    }

    /**
     * Stops issuing operations and waits up to {@code grace} for operations in flight to complete; those
     * still running after it stay invoked without completion.
     *
     * @return the number of client threads that did not finish within the grace period (the trial is
     *         then not quiesced, and its final state is not read)
     */
    public synchronized int stop(Duration grace) throws InterruptedException {
        running.set(false);
        long deadline = clock.nanoTime() + grace.toNanos();
        int stuck = 0;
        for (Thread worker : workers) {
            worker.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - clock.nanoTime())));
            if (worker.isAlive()) {
                stuck++;
            }
        }
        return stuck;
    }
}
