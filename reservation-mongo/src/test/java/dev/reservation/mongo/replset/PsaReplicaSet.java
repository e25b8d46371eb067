package dev.reservation.mongo.replset;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bson.Document;

/**
 * A local Primary + Secondary + Arbiter replica set from {@code mongod} binaries, for tests: three
 * processes on free loopback ports in a temporary directory, initiated as in MONGODB.md, with the
 * cluster-wide default write concern set to majority, ready once a primary is elected. Small on
 * purpose: the failover harness has its own full launcher. Not thread-safe; close it to stop all.
 */
public final class PsaReplicaSet implements AutoCloseable {
    private static final Duration READY = Duration.ofSeconds(60);

    private final String setName;
    private final List<Integer> ports = new ArrayList<>();
    private final List<Process> processes = new ArrayList<>();

    private PsaReplicaSet(String setName) {
        this.setName = setName;
    }

    /** Starts and initiates the set; members 0 and 1 hold data, member 2 is the arbiter. */
    public static PsaReplicaSet start(Path mongod, Path dir) throws IOException, InterruptedException {
        PsaReplicaSet set = new PsaReplicaSet("rs" + ProcessHandle.current().pid());
        try {
            for (int i = 0; i < 3; i++) {
                set.ports.add(freePort());
                Path dbPath = Files.createDirectories(dir.resolve("d" + i));
                set.processes.add(new ProcessBuilder(mongod.toString(), "--replSet", set.setName,
                        "--port", Integer.toString(set.ports.get(i)), "--dbpath", dbPath.toString(),
                        "--bind_ip", "127.0.0.1", "--logpath", dir.resolve("mongod" + i + ".log").toString())
                        .redirectErrorStream(true).redirectOutput(dir.resolve("stdout" + i + ".txt").toFile()).start());
            }
            for (int port : set.ports) {
                waitForPort(port);
            }
            set.initiate();
            return set;
        } catch (IOException | InterruptedException | RuntimeException e) {
            set.close();
            throw e;
        }
    }

    private void initiate() throws InterruptedException {
        try (MongoClient direct = MongoClients.create("mongodb://127.0.0.1:" + ports.get(0) + "/?directConnection=true")) {
            MongoDatabase admin = direct.getDatabase("admin");
            admin.runCommand(new Document("replSetInitiate", new Document("_id", setName).append("members", List.of(
                    new Document("_id", 0).append("host", host(0)),
                    new Document("_id", 1).append("host", host(1)),
                    new Document("_id", 2).append("host", host(2)).append("arbiterOnly", true)))));
            long deadline = System.nanoTime() + READY.toNanos();
            while (!Boolean.TRUE.equals(admin.runCommand(new Document("isMaster", 1)).getBoolean("ismaster"))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("no primary elected within " + READY.toSeconds() + " s");
                }
                Thread.sleep(200);
            }
            admin.runCommand(new Document("setDefaultRWConcern", 1)
                    .append("defaultWriteConcern", new Document("w", "majority")));
        }
    }

    public String host(int member) {
        return "127.0.0.1:" + ports.get(member);
    }

    /** The connection string the application uses: the two data members and the set name. */
    public String uri() {
        return "mongodb://" + host(0) + "," + host(1) + "/?replicaSet=" + setName;
    }

    public String setName() {
        return setName;
    }

    @Override
    public void close() throws InterruptedException {
        for (Process p : processes) {
            p.destroy();
        }
        for (Process p : processes) {
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void waitForPort(int port) throws InterruptedException {
        long deadline = System.nanoTime() + READY.toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("mongod on port " + port + " did not start within " + READY.toSeconds() + " s");
    }
}
