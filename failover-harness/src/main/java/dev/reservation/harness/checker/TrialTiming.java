package dev.reservation.harness.checker;

/**
 * The timings of one trial, in milliseconds; a {@code null} field was not observed (e.g. no election
 * after killing a secondary, no catch-up on a single node, no write succeeded again before the trial
 * ended). Immutable.
 *
 * @param electionMs          fault to new primary, from the best source available ({@code electionSource}:
 *                            the server's view, else the driver's); {@code null} where nobody was elected
 *                            (a single node, the secondary killed)
 * @param electionServerMs    fault (harness wall clock) to the election date the new primary reported
 * @param electionDriverMs    fault to the driver's first "primary elected" event (monotonic)
 * @param writableAgainMs     fault to the harness's poll first finding a writable primary (monotonic)
 * @param unavailabilityMs    client view: last {@code ok} write before the fault took effect (the nemesis's
 *                            completion: a clean shutdown serves until the process exits) to the first {@code ok} after
 * @param failedDuring        writes that failed (not counting conflicts) inside that window
 * @param unknownDuring       writes whose outcome was unknown ({@code info}) inside that window
 * @param catchUpMs           restarted member started to SECONDARY and caught up
 */
public record TrialTiming(int trial, String fault, String member, Double faultAtMs,
                          Double electionMs, String electionSource,
                          Double electionServerMs, Double electionDriverMs, Double writableAgainMs,
                          Double lastOkBeforeMs, Double firstOkAfterMs, Double unavailabilityMs,
                          long failedDuring, long unknownDuring, Double catchUpMs) {
}
