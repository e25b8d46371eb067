package dev.reservation.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Sends a scenario's requests in one of two ways and measures what happened.
 *
 * <ul>
 *   <li><b>Closed loop</b>: {@code concurrency} workers each send the next request as soon as the
 *       previous one is answered. Latency is from send to answer. This finds the maximum
 *       throughput, but it under-reports latency when the server stalls: during a stall the
 *       workers wait instead of sending, so the stall shows up in only {@code concurrency}
 *       samples (coordinated omission).</li>
 *   <li><b>Open loop</b> (constant rate): the requests have intended send times fixed in advance,
 *       {@code rate} per second in total, spread over {@code concurrency} connections (worker k
 *       sends its j-th request at {@code start + (j + k/concurrency) * concurrency/rate}, as wrk2
 *       does). A worker that is late sends at once. Latency is recorded from the <em>intended</em>
 *       send time, so the time a request would have spent queued behind a stall is counted:
 *       the schedule-based correction for coordinated omission. (HdrHistogram's
 *       {@code recordValueWithExpectedInterval} is the other, after-the-fact correction for a
 *       closed loop; it is not used here, because with a real schedule nothing has to be
 *       guessed.) The service time, from the actual send, is recorded beside it.</li>
 * </ul>
 *
 * A run never outlasts its duration by more than {@link #GRACE}: requests whose intended time
 * fell inside the window but that could not be sent by then are counted as {@code notSent}.
 * Thread-safe per call; holds no state between calls.
 */
final class LoadEngine {
    /** How long after the window a late open-loop worker may still send its backlog. */
    static final Duration GRACE = Duration.ofSeconds(10);
    private static final long HIGHEST = TimeUnit.SECONDS.toNanos(120);

    /** Builds the n-th request of a scenario (n counts across warm-up and measurement). */
    interface RequestSource {
        HttpRequest request(long n);

        /** Told every answer; the contention scenario counts winners here. */
        default void answered(long n, int status) {
        }
    }

    /** What one window measured. Latencies in nanoseconds. */
    record Window(String mode, int concurrency, double targetRate, long windowNanos, long elapsedNanos,
                  Histogram latency, Histogram serviceTime, Map<Integer, Long> statuses, long errors,
                  long notSent, long[] completionsPerSecond) {

        long requests() {
            return latency.getTotalCount();
        }

        /** Answers (any status) per second over the elapsed time. */
        double throughput() {
            return requests() / (elapsedNanos / 1e9);
        }

        long non2xx() {
            return statuses.entrySet().stream().filter(e -> e.getKey() < 200 || e.getKey() >= 300)
                    .mapToLong(Map.Entry::getValue).sum();
        }
    }

    private LoadEngine() {
    }

    static Window closedLoop(HttpClient client, RequestSource source, AtomicLong sequence, int concurrency,
                             Duration window) throws InterruptedException {
        return run(client, source, sequence, concurrency, 0, window);
    }

    static Window openLoop(HttpClient client, RequestSource source, AtomicLong sequence, int concurrency,
                           double ratePerSecond, Duration window) throws InterruptedException {
        if (ratePerSecond <= 0) {
            throw new IllegalArgumentException("rate must be positive: " + ratePerSecond);
        }
        return run(client, source, sequence, concurrency, ratePerSecond, window);
    }

    private static Window run(HttpClient client, RequestSource source, AtomicLong sequence, int concurrency,
                              double rate, Duration window) throws InterruptedException {
        boolean open = rate > 0;
        Recorder latency = new Recorder(HIGHEST, 3);
        Recorder service = new Recorder(HIGHEST, 3);
        Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        LongAdder errors = new LongAdder();
        LongAdder notSent = new LongAdder();
        int seconds = (int) Math.max(1, (window.toNanos() + GRACE.toNanos()) / 1_000_000_000L + 1);
        AtomicLongArray perSecond = new AtomicLongArray(seconds);
        AtomicLong lastCompletion = new AtomicLong();
        long windowNanos = window.toNanos();
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(5);
        long end = start + windowNanos;
        long hardStop = end + (open ? GRACE.toNanos() : 0);
        double interval = open ? concurrency * 1e9 / rate : 0; // nanoseconds between one worker's sends

        ExecutorService workers = Executors.newFixedThreadPool(concurrency, r -> {
            Thread t = new Thread(r, "load-worker");
            t.setDaemon(true);
            return t;
        });
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            long offset = open ? (long) (interval * w / concurrency) : 0;
            futures.add(workers.submit(() -> {
                parkUntil(start);
                for (long j = 0; ; j++) {
                    long intended = 0;
                    if (open) {
                        intended = start + offset + (long) (interval * j);
                        if (intended >= end) {
                            break;
                        }
                        if (System.nanoTime() >= hardStop) {
                            // the rest of this worker's schedule inside the window could not be sent
                            notSent.add((long) Math.ceil((end - intended) / interval));
                            break;
                        }
                        parkUntil(intended);
                    } else if (System.nanoTime() >= end) {
                        break;
                    }
                    long n = sequence.getAndIncrement();
                    HttpRequest request = source.request(n);
                    long sent = System.nanoTime();
                    if (!open) {
                        intended = sent;
                    }
                    try {
                        HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                        long done = System.nanoTime();
                        latency.recordValue(Math.min(HIGHEST, done - intended));
                        service.recordValue(Math.min(HIGHEST, done - sent));
                        statuses.computeIfAbsent(response.statusCode(), s -> new LongAdder()).increment();
                        source.answered(n, response.statusCode());
                        int second = (int) ((done - start) / 1_000_000_000L);
                        if (second >= 0 && second < seconds) {
                            perSecond.incrementAndGet(second);
                        }
                        lastCompletion.accumulateAndGet(done, Math::max);
                    } catch (IOException e) {
                        errors.increment();
                    }
                }
                return null;
            }));
        }
        try {
            for (Future<?> f : futures) {
                f.get(window.toSeconds() + GRACE.toSeconds() + 60, TimeUnit.SECONDS);
            }
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("a load worker failed", e);
        } finally {
            workers.shutdownNow();
        }
        long elapsed = Math.max(windowNanos, lastCompletion.get() - start);
        int fullSeconds = (int) Math.min(seconds, windowNanos / 1_000_000_000L);
        long[] series = new long[fullSeconds];
        for (int i = 0; i < fullSeconds; i++) {
            series[i] = perSecond.get(i);
        }
        Map<Integer, Long> counts = new TreeMap<>();
        statuses.forEach((s, c) -> counts.put(s, c.sum()));
        return new Window(open ? "open" : "closed", concurrency, rate, windowNanos, elapsed,
                latency.getIntervalHistogram(), service.getIntervalHistogram(), counts, errors.sum(), notSent.sum(),
                series);
    }

    private static void parkUntil(long deadline) {
        for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }
}
