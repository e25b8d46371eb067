package dev.reservation.harness.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads and writes histories as JSON lines, one {@link Op} per line. {@link Writer} is thread-safe
 * (it is called under the history's lock, and synchronizes itself too); it flushes every line so that a
 * run killed half-way leaves every entry it had appended.
 */
public final class HistoryFiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    private HistoryFiles() {
    }

    public static String toLine(Op op) {
        try {
            return JSON.writeValueAsString(op);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write history entry " + op.index(), e);
        }
    }

    public static Op fromLine(String line) {
        try {
            return JSON.readValue(line, Op.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a history line: " + line, e);
        }
    }

    public static List<Op> read(Path file) throws IOException {
        List<Op> ops = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                ops.add(fromLine(line));
            }
        }
        return ops;
    }

    /** Appends each entry to a file as one line. */
    public static final class Writer implements Consumer<Op>, AutoCloseable {
        private final BufferedWriter out;

        public Writer(Path file) throws IOException {
            this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        }

        @Override
        public synchronized void accept(Op op) {
            try {
                out.write(toLine(op));
                out.newLine();
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot append to the history file", e);
            }
        }

        @Override
        public synchronized void close() throws IOException {
            out.close();
        }
    }
}
