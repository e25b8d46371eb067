package dev.reservation.harness.cluster;

import java.util.Optional;
import org.bson.Document;

/**
 * Admin commands sent to one member by host:port: the seam between the replica-set logic (initiate,
 * reconfig, status) and the connections, so that logic can be tested against a fake responder.
 * Implementations are thread-safe.
 */
public interface AdminCommands {
    /** Runs an admin command on {@code host}; driver exceptions (e.g. {@code MongoCommandException}) pass through. */
    Document command(String host, Document command);

    /** Runs an admin command, or empty when the member does not answer or refuses. */
    default Optional<Document> tryCommand(String host, Document command) {
        try {
            return Optional.of(command(host, command));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
