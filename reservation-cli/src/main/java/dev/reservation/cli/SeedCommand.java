package dev.reservation.cli;

import dev.reservation.cli.output.Json;
import dev.reservation.core.service.SeedService;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code seed}: loads the demo users and rooms; idempotent. One instance per run; not thread-safe. */
@Command(name = "seed", mixinStandardHelpOptions = true,
        description = "Load the 5 demo users and 10 demo rooms; what exists already is left alone (admins only).")
public final class SeedCommand implements Callable<Integer> {
    private final CliContext context;

    public SeedCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        context.requireAdmin("seeding");
        SeedService.SeedResult result = context.service(SeedService.class).seed();
        context.output().result(Json.object("usersAdded", result.usersAdded(), "roomsAdded", result.roomsAdded()),
                out -> out.println(result.usersAdded() + result.roomsAdded() == 0
                        ? "Nothing to seed: the demo users and rooms are all there."
                        : "Seeded: " + result.usersAdded() + " users and " + result.roomsAdded() + " rooms added."));
        return 0;
    }
}
