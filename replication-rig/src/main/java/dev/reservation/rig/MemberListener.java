package dev.reservation.rig;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.BsonDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One member's loopback port: accepts driver connections and serves each on its own thread,
 * request after request, through the rig's {@link Handler}. A member that is "down" refuses:
 * existing connections are closed and new ones are closed as soon as they are accepted, which the
 * driver sees as a network error. Thread-safe.
 */
final class MemberListener implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MemberListener.class);

    /** Answers one request on behalf of a member. */
    interface Handler {
        BsonDocument handle(Topology.Role role, Wire.Request request, int connectionId) throws CloseConnection;
    }

    /** Thrown by a handler to drop the client's connection instead of answering (a fault). */
    static final class CloseConnection extends Exception {
        CloseConnection() {
            super(null, null, false, false);
        }
    }

    private final Topology.Role role;
    private final Handler handler;
    private final Topology topology;
    private final ServerSocket listener;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean refusing;

    MemberListener(Topology.Role role, Handler handler, Topology topology) throws IOException {
        this.role = role;
        this.handler = handler;
        this.topology = topology;
        this.listener = new ServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        Thread accept = new Thread(this::acceptLoop, "rig-" + role.name().toLowerCase(java.util.Locale.ROOT) + "-accept");
        accept.setDaemon(true);
        accept.start();
    }

    String host() {
        return "127.0.0.1:" + listener.getLocalPort();
    }

    /** The member goes down: every connection is closed and new ones are refused until {@link #admit}. */
    void refuse() {
        refusing = true;
        List.copyOf(open).forEach(MemberListener::closeQuietly);
    }

    void admit() {
        refusing = false;
    }

    /** Drops every open connection (the member stays up). */
    void dropConnections() {
        List.copyOf(open).forEach(MemberListener::closeQuietly);
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket s = listener.accept();
                if (refusing) {
                    closeQuietly(s);
                    continue;
                }
                s.setTcpNoDelay(true);
                open.add(s);
                Thread t = new Thread(() -> serve(s), "rig-" + role.name().toLowerCase(java.util.Locale.ROOT) + "-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return; // listener closed
            }
        }
    }

    private void serve(Socket socket) {
        int connectionId = topology.nextConnectionId();
        int replyIds = 0;
        try (InputStream in = new BufferedInputStream(socket.getInputStream());
             OutputStream out = new BufferedOutputStream(socket.getOutputStream())) {
            for (Wire.Request request; (request = Wire.read(in)) != null; ) {
                BsonDocument reply;
                try {
                    reply = handler.handle(role, request, connectionId);
                } catch (CloseConnection e) {
                    return;
                } catch (RuntimeException e) {
                    LOG.warn("rig {}: {} failed inside the rig", role, request.name(), e);
                    reply = Replies.error(1, "replication rig: " + e, false, List.of());
                }
                if (!request.moreToCome()) {
                    Wire.reply(out, ++replyIds, request, reply);
                }
            }
        } catch (IOException e) {
            // the client went away or the member went down
        } finally {
            open.remove(socket);
            closeQuietly(socket);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            // closing anyway
        }
        List.copyOf(open).forEach(MemberListener::closeQuietly);
    }
}
