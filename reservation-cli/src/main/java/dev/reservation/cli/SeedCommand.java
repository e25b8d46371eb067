package dev.reservation.cli;

import dev.reservation.cli.output.Json;
import dev.reservation.core.domain.Actor;
import dev.reservation.core.service.AuthService;
import dev.reservation.core.service.SeedService;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code seed}: loads the demo users and rooms; idempotent. On the embedded default the demo users
 * also get the demo password (never printed; the README states it); with a MongoDB URI they get
 * none. One instance per run; not thread-safe.
 */
@Command(name = "seed", mixinStandardHelpOptions = true, description = {
    "Load the 5 demo users and 10 demo rooms; what exists already is left alone (admins only).",
    "On the embedded store the demo users get the demo password stated in the README (an existing password"
        + " is kept); with --mongo-uri they get no password: an admin sets one with 'users passwd'."})
public final class SeedCommand implements Callable<Integer> {
    private final CliContext context;

    public SeedCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Actor actor = context.actor();
        SeedService seed = context.service(SeedService.class);
        boolean demoPasswords = context.embeddedStore();
        SeedService.SeedResult result = demoPasswords
                ? seed.seedWithDemoPasswords(actor, context.service(AuthService.class)) : seed.seed(actor);
        String added = result.usersAdded() + result.roomsAdded() + result.locationsAdded() == 0
                ? "Nothing to seed: the demo users and rooms are all there."
                : "Seeded: " + result.usersAdded() + " users, " + result.locationsAdded() + " locations and "
                + result.roomsAdded() + " rooms added.";
        context.output().result(Json.object("usersAdded", result.usersAdded(), "roomsAdded", result.roomsAdded(),
                        "locationsAdded", result.locationsAdded(), "demoPasswords", demoPasswords),
                out -> out.println(added + (demoPasswords
                        ? " Demo users sign in with --as <email> and the demo password stated in the README."
                        : " The demo users have no password (not on a MongoDB URI): an admin sets one with"
                                + " 'reservation users passwd <email>'.")));
        return 0;
    }
}
