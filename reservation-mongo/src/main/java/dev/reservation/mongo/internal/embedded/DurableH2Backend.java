package dev.reservation.mongo.internal.embedded;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import java.util.Locale;
import java.util.Set;

/**
 * The H2 MVStore file backend, committing after every write command before it is acknowledged.
 * MVStore on its own commits in the background about once a second, so a process killed with
 * SIGKILL could lose writes it had already acknowledged; committing first makes an acknowledged
 * write survive the death of the process (it is in the operating system's file cache). It does not
 * fsync, so it does not survive a power loss: the embedded server is for trying things out.
 * Thread-safe as H2Backend is; commits are serialized by MVStore.
 */
final class DurableH2Backend extends H2Backend {
    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify",
            "createindexes", "create", "drop", "dropindexes", "dropdatabase", "renamecollection");

    DurableH2Backend(String fileName) {
        super(fileName);
    }

    /** Every command of driver 5 arrives as OP_MSG; its first key names the command. */
    @Override
    public Document handleMessage(MongoMessage message) {
        Document result = super.handleMessage(message);
        String command = message.getDocument().keySet().stream().findFirst().orElse("");
        if (WRITES.contains(command.toLowerCase(Locale.ROOT))) {
            commit();
        }
        return result;
    }
}
