package dev.reservation.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarises the CPU samples ({@code jdk.ExecutionSample}) of a JFR recording as text, so a
 * profile that the analysis cites can be kept beside the raw figures: the share of samples whose
 * stack passes through each part of the stack (inclusive; a sample can count for several parts),
 * the share by the top frame's part (exclusive), the share by the nearest non-JDK frame's part
 * (JDK code charged to the library or app code that called it), and the hottest top-frame methods.
 *
 * <p>Usage: {@code JfrSummary <recording.jfr> <out.txt> [title]}.
 */
public final class JfrSummary {
    /** Parts of the stack, by class-name prefix; the first match names a frame's part. */
    private static final Map<String, List<String>> PARTS = new LinkedHashMap<>();

    static {
        PARTS.put("embedded MongoDB server (mongo-java-server, H2 MVStore)", List.of("de.bwaldvogel.", "org.h2."));
        PARTS.put("MongoDB driver and BSON", List.of("com.mongodb.", "org.bson."));
        PARTS.put("Netty (embedded server's transport)", List.of("io.netty."));
        PARTS.put("Jetty and the servlet API", List.of("org.eclipse.jetty.", "jakarta.servlet."));
        PARTS.put("Javalin (and the Kotlin runtime)", List.of("io.javalin.", "kotlin."));
        PARTS.put("JTE templates", List.of("gg.jte."));
        PARTS.put("Jackson", List.of("com.fasterxml.jackson."));
        PARTS.put("crypto (HMAC, SHA, PBKDF2)", List.of("javax.crypto.", "com.sun.crypto.", "sun.security."));
        PARTS.put("Caffeine cache", List.of("com.github.benmanes.caffeine."));
        PARTS.put("Guice", List.of("com.google.inject."));
        PARTS.put("logging", List.of("ch.qos.logback.", "org.slf4j."));
        PARTS.put("reservation web", List.of("dev.reservation.web."));
        PARTS.put("reservation mongo store", List.of("dev.reservation.mongo."));
        PARTS.put("reservation core", List.of("dev.reservation.core."));
        PARTS.put("JDK networking and NIO", List.of("sun.nio.", "java.nio.", "java.net.", "sun.net."));
        PARTS.put("JDK other", List.of("java.", "jdk.", "sun.", "com.sun."));
    }

    private JfrSummary() {
    }

    public static void main(String[] args) throws IOException {
        Path recording = Path.of(args[0]);
        Map<String, Long> inclusive = new HashMap<>();
        Map<String, Long> exclusive = new HashMap<>();
        Map<String, Long> methods = new HashMap<>();
        Map<String, Long> byOwner = new HashMap<>();
        long samples = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(recording)) {
            if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) {
                continue;
            }
            List<RecordedFrame> frames = e.getStackTrace().getFrames();
            if (frames.isEmpty()) {
                continue;
            }
            samples++;
            RecordedFrame top = frames.get(0);
            String topClass = top.getMethod().getType().getName();
            exclusive.merge(part(topClass), 1L, Long::sum);
            methods.merge(topClass + "." + top.getMethod().getName(), 1L, Long::sum);
            String owner = "JDK only";
            for (RecordedFrame f : frames) {
                String p = part(f.getMethod().getType().getName());
                if (!p.startsWith("JDK")) {
                    owner = p;
                    break;
                }
            }
            byOwner.merge(owner, 1L, Long::sum);
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (RecordedFrame f : frames) {
                String p = part(f.getMethod().getType().getName());
                if (seen.add(p)) {
                    inclusive.merge(p, 1L, Long::sum);
                }
            }
        }
        StringBuilder b = new StringBuilder();
        b.append(args.length > 2 ? args[2] : "JFR CPU samples").append('\n');
        b.append("recording: ").append(recording.getFileName()).append(", jdk.ExecutionSample events: ")
                .append(samples).append(" (stack depth as recorded, 64 frames by default: deep stacks are truncated,"
                        + " so inclusive shares of outer layers are lower bounds)\n\n");
        b.append("Inclusive: share of samples whose stack passes through the part\n");
        append(b, inclusive, samples, 100);
        b.append("\nExclusive: share of samples by the top frame's part\n");
        append(b, exclusive, samples, 100);
        b.append("\nBy the nearest non-JDK frame: whose code the sample is working for (JDK time charged to its caller)\n");
        append(b, byOwner, samples, 100);
        b.append("\nHottest top-frame methods\n");
        append(b, methods, samples, 25);
        Files.writeString(Path.of(args[1]), b.toString());
        System.out.print(b);
    }

    private static void append(StringBuilder b, Map<String, Long> counts, long total, int limit) {
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(limit)
                .forEach(e -> b.append(String.format(Locale.ROOT, "  %5.1f %%  %6d  %s%n",
                        total == 0 ? 0 : 100.0 * e.getValue() / total, e.getValue(), e.getKey())));
    }

    static String part(String className) {
        for (Map.Entry<String, List<String>> p : PARTS.entrySet()) {
            for (String prefix : p.getValue()) {
                if (className.startsWith(prefix)) {
                    return p.getKey();
                }
            }
        }
        return "other (" + className.substring(0, Math.max(0, className.lastIndexOf('.'))) + ")";
    }
}
