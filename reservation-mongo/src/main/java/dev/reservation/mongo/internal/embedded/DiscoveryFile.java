package dev.reservation.mongo.internal.embedded;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

/**
 * {@code server.properties} in the data directory: the loopback port and pid of the process that
 * serves the directory's embedded server. Written atomically (temp file + rename) by the owner,
 * removed on a clean exit; a leftover from a killed owner is detected by the lock, not by this file.
 */
record DiscoveryFile(int port, long pid, Instant startedAt) {
    static final String NAME = "server.properties";

    static Path in(Path dataDir) {
        return dataDir.resolve(NAME);
    }

    static Optional<DiscoveryFile> read(Path dataDir) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(in(dataDir), StandardCharsets.UTF_8)) {
            p.load(in);
            return Optional.of(new DiscoveryFile(Integer.parseInt(p.getProperty("port")),
                    Long.parseLong(p.getProperty("pid")), Instant.parse(p.getProperty("startedAt"))));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // half-written or foreign: treat as absent
        }
    }

    void write(Path dataDir) throws IOException {
        Properties p = new Properties();
        p.setProperty("port", Integer.toString(port));
        p.setProperty("pid", Long.toString(pid));
        p.setProperty("startedAt", startedAt.toString());
        p.setProperty("host", "127.0.0.1");
        Path tmp = Files.createTempFile(dataDir, NAME, ".tmp");
        try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(out, "embedded reservation store; written by the process that serves this directory");
        }
        try {
            Files.move(tmp, in(dataDir), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, in(dataDir), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static void delete(Path dataDir) {
        try {
            Files.deleteIfExists(in(dataDir));
        } catch (IOException e) {
            // a leftover file is harmless: the next owner overwrites it
        }
    }
}
