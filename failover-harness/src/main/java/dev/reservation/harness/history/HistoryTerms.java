package dev.reservation.harness.history;

/**
 * The names ({@code f}) and value keys that workload, nemesis and checkers agree on. Keeping them in one
 * place is what lets a checker read a history it did not write (a hand-written one, or an old file).
 */
public final class HistoryTerms {
    // client operations
    public static final String RESERVE = "reserve";
    public static final String READ = "read";
    /** Cancel one of the client's own acknowledged bookings. */
    public static final String CANCEL = "cancel";

    // harness and server observations (EVENT)
    public static final String TRIAL_START = "trial-start";
    public static final String TRIAL_END = "trial-end";
    /** A primary was elected: seen in the server's view, the driver's, or reported by the rig. */
    public static final String PRIMARY_ELECTED = "primary-elected";
    /**
     * The harness's majority probe write was acknowledged after a fault: writes are possible again.
     * On a single node this is all there is (no election). Histories written before this event existed
     * recorded it as {@link #PRIMARY_ELECTED} with source {@link #SOURCE_POLL}; checkers read both.
     */
    public static final String WRITABLE_AGAIN = "writable-again";
    /** The driver sees a single node (no replica set, so no election) as a writable server again. */
    public static final String NODE_BACK = "node-back";
    public static final String PRIMARY_LOST = "primary-lost";
    /** A restarted member is SECONDARY and its optime has reached the primary's. */
    public static final String MEMBER_CAUGHT_UP = "member-caught-up";
    /** A wait of the nemesis ran out of its time limit. */
    public static final String TIMEOUT = "timeout";

    // value keys
    public static final String KEY = "key";
    public static final String ROOM = "room";
    public static final String USER = "user";
    public static final String START = "start";
    public static final String END = "end";
    public static final String ID = "id";
    public static final String REASON = "reason";
    public static final String MEMBER = "member";
    public static final String PHASE = "phase";
    public static final String SOURCE = "source";
    /** Wall-clock epoch millis of the moment the harness acted (to compare with server-reported dates). */
    public static final String WALL = "wall";
    /** Server-reported election date, epoch millis of the server's clock. */
    public static final String ELECTION_WALL = "electionWall";
    public static final String DETAIL = "detail";
    /** Which store instance (app server: its own MongoClient and clock) a client operation went through. */
    public static final String INSTANCE = "instance";
    /** A read's window, and what it saw ({@link Seen#encode}). */
    public static final String FROM = "from";
    public static final String TO = "to";
    public static final String SEEN = "seen";
    public static final String COUNT = "count";
    /** "true" when a read returned as many reservations as its limit: it may not show everything. */
    public static final String TRUNCATED = "truncated";
    public static final String STATUS = "status";
    /** How long a nemesis fault is held (ms). */
    public static final String HOLD_MS = "holdMs";

    // values
    public static final String PHASE_FAULT = "fault";
    public static final String PHASE_HEAL = "heal";
    public static final String REASON_CONFLICT = "conflict";
    public static final String REASON_UNAVAILABLE = "unavailable";
    public static final String REASON_REJECTED = "rejected";
    public static final String REASON_NOT_FOUND = "not-found";
    /** The rig reported itself (simulated primary changes). */
    public static final String SOURCE_RIG = "rig";
    public static final String SOURCE_SERVER = "server";
    public static final String SOURCE_DRIVER = "driver";
    /** The harness polled the node until it accepted a write command (single-node clusters). */
    public static final String SOURCE_POLL = "poll";

    private HistoryTerms() {
    }
}
