package dev.reservation.harness.nemesis;

import java.time.Duration;

/**
 * What a trial asks of a nemesis: wait for a settled cluster, then inject the trial's fault (or faults)
 * and heal them. Implementations record what they do in the history. Not thread-safe: one trial at a time.
 */
public interface FaultInjector {
    /** Waits until the cluster is healthy with a primary; false (and a timeout event) when it does not happen. */
    boolean awaitSettled(Duration limit);

    /**
     * Injects {@code fault} and heals it before returning.
     *
     * @param downTime how long a killed or frozen member stays so (process faults)
     * @param budget   how long the injector may keep injecting faults (the rig injects one after another)
     * @param limit    the limit of every wait
     */
    void run(Fault fault, Duration downTime, Duration budget, Duration limit);
}
