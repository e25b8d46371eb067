package dev.reservation.harness.cluster;

/**
 * Control over one member's process: what the nemesis does to it. Implementations are thread-safe
 * and throw {@link UnsupportedFaultException} for what they cannot do.
 */
public interface MemberHandle {
    /** host:port as the replica set names it. */
    String host();

    /** Sends SIGKILL (no shutdown: as a crash or power loss). */
    void kill();

    /** Asks for a clean shutdown (SIGTERM or the shutdown command) and waits for it. */
    void terminate();

    /** SIGSTOP: the process stays, but neither answers nor sends heartbeats. */
    void freeze();

    /** SIGCONT after {@link #freeze()}. */
    void thaw();

    /** Starts the member again on the same port and data. */
    void start();

    /** False once killed or terminated; true while frozen. */
    boolean running();

    /** True between {@link #freeze()} and {@link #thaw()}. */
    boolean frozen();

    /** Running and not frozen: worth asking something. */
    default boolean answering() {
        return running() && !frozen();
    }
}
