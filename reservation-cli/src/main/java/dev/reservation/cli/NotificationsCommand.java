package dev.reservation.cli;

import dev.reservation.cli.output.Json;
import dev.reservation.cli.output.Times;
import dev.reservation.cli.output.Views;
import dev.reservation.core.domain.Room;
import dev.reservation.core.notify.OutboxMonitor;
import dev.reservation.core.notify.OutboxStats;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import picocli.CommandLine.Command;

/**
 * {@code notifications status}: how the e-mail outbox in the store stands (admins only). The CLI
 * sends no mail; a web app started with SMTP settings does. One instance per run; not thread-safe.
 */
@Command(name = "notifications", mixinStandardHelpOptions = true,
        description = "The e-mail notification outbox that web apps started with SMTP settings drain.")
public final class NotificationsCommand {
    private final CliContext context;

    public NotificationsCommand(CliContext context) {
        this.context = context;
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = {
        "Outbox depth (e-mails not yet sent, and how many are being sent now), the oldest pending, and the"
            + " last error of a pending e-mail (admins only). Times in the machine's zone (or --zone)."})
    int status(@picocli.CommandLine.Option(names = "--zone", paramLabel = "<zone>",
            description = "time zone for the times shown, e.g. Europe/Berlin (default: the machine's)") String zone) {
        OutboxStats stats = context.service(OutboxMonitor.class).email(context.actor());
        Instant now = context.clock().instant();
        ZoneId shown = zone == null ? context.localZone() : Room.parseZone(zone);
        context.output().result(Json.object(
                        "consumer", stats.consumer(),
                        "pending", stats.pending(),
                        "leased", stats.leased(),
                        "oldestPending", stats.oldestPending().map(Views::text).orElse(null),
                        "oldestPendingAgeMillis", stats.oldestPending().map(t -> age(t, now).toMillis()).orElse(null),
                        "lastError", stats.lastError().map(e -> Json.object(
                                "entryId", e.entryId(),
                                "at", Views.text(e.at()),
                                "attempts", e.attempts(),
                                "message", e.message())).orElse(null)),
                out -> {
                    out.println("E-mail outbox: " + stats.pending() + " pending" + (stats.leased() > 0
                            ? " (" + stats.leased() + " being sent now)" : "") + ".");
                    out.println("Oldest pending: " + stats.oldestPending().map(t -> Times.local(t, shown) + " "
                            + shown + " (" + ago(age(t, now)) + " ago)").orElse("none"));
                    out.println("Last error: " + stats.lastError().map(e -> Times.local(e.at(), shown) + " " + shown
                            + ", attempt " + e.attempts() + " of " + e.entryId() + ": " + e.message())
                            .orElse("none"));
                    out.println("E-mail is sent by web apps started with SMTP settings ('reservation web' says on"
                            + " start-up whether it sends); without one, nothing is recorded here.");
                });
        return 0;
    }

    /** {@code 45 s}, {@code 12 min}, {@code 3 h 5 min}, {@code 2 d 4 h}: no finer than a second. */
    static String ago(Duration d) {
        long s = d.toSeconds();
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min";
        }
        if (s < 86_400) {
            return s / 3600 + " h " + s % 3600 / 60 + " min";
        }
        return s / 86_400 + " d " + s % 86_400 / 3600 + " h";
    }

    private static Duration age(Instant t, Instant now) {
        return t.isAfter(now) ? Duration.ZERO : Duration.between(t, now);
    }
}
