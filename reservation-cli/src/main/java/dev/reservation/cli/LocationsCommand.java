package dev.reservation.cli;

import dev.reservation.cli.output.Json;
import dev.reservation.cli.output.TextTable;
import dev.reservation.core.domain.Location;
import dev.reservation.core.domain.Room;
import dev.reservation.core.service.LocationService;
import dev.reservation.core.service.NewLocation;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code locations list | add | edit}: the sites, buildings and floors rooms are in. Changes need
 * an ADMIN (the core decides). One instance per run; not thread-safe.
 */
@Command(name = "locations", mixinStandardHelpOptions = true,
        description = "List, add and edit locations (site, building, floor; the site's zone is its rooms' default).")
public final class LocationsCommand {
    private final CliContext context;

    public LocationsCommand(CliContext context) {
        this.context = context;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List all locations, by site, building and floor.")
    int list() {
        List<Location> all = context.service(LocationService.class).list();
        context.output().result(Json.object("locations", all.stream().map(LocationsCommand::json).toList()), out -> {
            TextTable table = new TextTable("ID", "SITE", "BUILDING", "FLOOR", "ZONE");
            all.forEach(l -> table.row(l.id(), l.site(), l.building(), l.floor() == null ? "" : l.floor(), l.zone()));
            table.print(out, "(no locations; 'reservation seed' loads the demo sites)");
        });
        return 0;
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a location (admins only).")
    int add(@Option(names = "--site", required = true, description = "city or campus, e.g. Berlin") String site,
            @Option(names = "--building", required = true, description = "e.g. Berlin HQ") String building,
            @Option(names = "--floor", description = "e.g. 2nd floor") String floor,
            @Option(names = "--zone", description = "time zone, e.g. Europe/Berlin (default: the site's, for a known site)")
            String zone) {
        Location added = context.service(LocationService.class).create(context.actor(),
                new NewLocation(site, building, floor, zone == null ? null : Room.parseZone(zone)));
        return print("Added location ", added);
    }

    @Command(name = "edit", mixinStandardHelpOptions = true,
            description = "Change a location (admins only); its rooms take the new label, and keep their zones.")
    int edit(@Parameters(paramLabel = "<id>", description = "the location's id") String id,
             @Option(names = "--site", description = "new site") String site,
             @Option(names = "--building", description = "new building") String building,
             @Option(names = "--floor", description = "new floor (empty for none)") String floor,
             @Option(names = "--zone", description = "new zone") String zone) {
        LocationService locations = context.service(LocationService.class);
        Location current = locations.get(id);
        Location changed = locations.update(context.actor(), current.id(), new NewLocation(
                site == null ? current.site() : site, building == null ? current.building() : building,
                floor == null ? current.floor() : floor, zone == null ? current.zone() : Room.parseZone(zone)));
        return print("Changed location ", changed);
    }

    private int print(String prefix, Location l) {
        context.output().result(Json.object("location", json(l)),
                out -> out.println(prefix + l.fullLabel() + "  id " + l.id() + ", " + l.zone()));
        return 0;
    }

    static Map<String, Object> json(Location l) {
        return Json.object("id", l.id(), "site", l.site(), "building", l.building(), "floor", l.floor(),
                "zone", l.zone().getId(), "label", l.label());
    }
}
