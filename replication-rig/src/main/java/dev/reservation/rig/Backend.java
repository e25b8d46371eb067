package dev.reservation.rig;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.BsonDocument;
import org.bson.BsonString;

/**
 * One in-process {@code mongo-java-server} (memory backend) on a loopback port, and a pool of
 * plain wire connections to it through which the rig sends commands. The rig has two: the
 * <em>applied</em> state (what the primary holds) and the <em>committed</em> state (the majority
 * commit point). Thread-safe; a closed backend refuses further commands.
 */
final class Backend implements AutoCloseable {
    private final String name;
    private final MongoServer server;
    private final InetSocketAddress address;
    private final Deque<Connection> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger requestIds = new AtomicInteger();
    private volatile boolean closed;

    Backend(String name) {
        this.name = name;
        this.server = new MongoServer(new MemoryBackend());
        this.address = server.bind();
    }

    String name() {
        return name;
    }

    /** Runs one command on database {@code db}; the reply as the backend gave it. */
    BsonDocument command(String db, BsonDocument command) {
        if (closed) {
            throw new BackendClosedException(name);
        }
        Connection c = idle.pollFirst();
        try {
            if (c == null) {
                c = new Connection(address);
            }
            BsonDocument body = command.clone();
            body.put("$db", new BsonString(db));
            BsonDocument reply = c.send(requestIds.incrementAndGet(), body);
            if (closed) {
                c.close();
            } else {
                idle.addFirst(c);
            }
            return reply;
        } catch (IOException e) {
            if (c != null) {
                c.close();
            }
            if (closed) {
                throw new BackendClosedException(name);
            }
            throw new UncheckedIOException(name + " backend: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Connection c; (c = idle.pollFirst()) != null; ) {
            c.close();
        }
        server.shutdownNow();
    }

    /** A backend that was replaced (rollback) or shut down. */
    static final class BackendClosedException extends RuntimeException {
        BackendClosedException(String name) {
            super(name + " backend is closed");
        }
    }

    private static final class Connection {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;

        Connection(InetSocketAddress address) throws IOException {
            socket = new Socket(address.getAddress(), address.getPort());
            socket.setTcpNoDelay(true);
            in = new BufferedInputStream(socket.getInputStream());
            out = new BufferedOutputStream(socket.getOutputStream());
        }

        BsonDocument send(int requestId, BsonDocument body) throws IOException {
            out.write(Wire.opMsg(requestId, 0, 0, body));
            out.flush();
            return Wire.readReply(in);
        }

        void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }
}
