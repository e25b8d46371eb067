package dev.reservation.cli.output;

import java.io.PrintWriter;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Where a command's result goes: with {@code --json} one JSON document, otherwise human-readable
 * text. A command computes its whole result first and prints it in one call, so a failure never
 * leaves half an answer on stdout. Not thread-safe except {@link #streamed}, which may be called
 * from a listener thread.
 */
public final class Output {
    private final PrintWriter out;
    private final boolean json;

    public Output(PrintWriter out, boolean json) {
        this.out = Objects.requireNonNull(out, "out");
        this.json = json;
    }

    public boolean json() {
        return json;
    }

    /** Prints {@code document} as JSON, or lets {@code human} write the text form. */
    public void result(Object document, Consumer<PrintWriter> human) {
        if (json) {
            out.println(Json.write(document));
        } else {
            human.accept(out);
        }
        out.flush();
    }

    /** One item of a stream (e.g. a topology event): a JSON line, or {@code text}. */
    public void streamed(Object document, String text) {
        synchronized (out) {
            out.println(json ? Json.line(document) : text);
            out.flush();
        }
    }

    /** A line only people need (e.g. "watching ..."); left out of JSON output. */
    public void note(String text) {
        if (!json) {
            synchronized (out) {
                out.println(text);
                out.flush();
            }
        }
    }
}
