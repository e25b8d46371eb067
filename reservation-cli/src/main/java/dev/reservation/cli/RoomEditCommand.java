package dev.reservation.cli;

import dev.reservation.cli.input.EquipmentConverter;
import dev.reservation.cli.input.UsageErrorException;
import dev.reservation.core.domain.Equipment;
import dev.reservation.core.domain.Room;
import dev.reservation.core.service.NewRoom;
import dev.reservation.core.service.RoomService;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code rooms edit <name|id>}: changes what is given of a room's name, location, seats, equipment
 * and zone; the rest stays. Admins only (the core decides); reservations are untouched. One instance
 * per run; not thread-safe.
 */
@Command(name = "edit", mixinStandardHelpOptions = true, description = {
    "Change a room (admins only): what is given replaces the current value, the rest stays.",
    "Its reservations are kept as they are, also when the room gets fewer seats or another zone."})
public final class RoomEditCommand implements Callable<Integer> {
    @Parameters(paramLabel = "<name|id>", description = "the room's name or id")
    private String key;

    @Option(names = "--name", description = "new unique name")
    private Optional<String> name;

    @Option(names = "--location", description = "new building and floor")
    private Optional<String> location;

    @Option(names = "--capacity", description = "new number of seats")
    private Optional<Integer> capacity;

    @Option(names = "--equipment", split = ",", converter = EquipmentConverter.class, paramLabel = "<item>",
            description = "the room's whole new equipment; repeatable or comma-separated")
    private List<Equipment> equipment;

    @Option(names = "--no-equipment", description = "the room has no equipment any more")
    private boolean noEquipment;

    @Option(names = "--zone", description = "new time zone, e.g. Europe/Berlin")
    private Optional<String> zone;

    private final CliContext context;

    public RoomEditCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (noEquipment && equipment != null) {
            throw new UsageErrorException("give either --equipment or --no-equipment, not both");
        }
        if (name.isEmpty() && location.isEmpty() && capacity.isEmpty() && equipment == null && !noEquipment
                && zone.isEmpty()) {
            throw new UsageErrorException("nothing to change: give --name, --location, --capacity, --equipment,"
                    + " --no-equipment or --zone");
        }
        Room current = context.lookups().room(key);
        Set<Equipment> newEquipment = noEquipment ? Set.of()
                : equipment == null ? current.equipment() : Set.copyOf(equipment);
        NewRoom changes = new NewRoom(name.orElse(current.name()), location.orElse(current.location()),
                capacity.orElse(current.capacity()), newEquipment, zone.map(Room::parseZone).orElse(current.zone()));
        Room edited = context.service(RoomService.class).update(context.actor(), current.id(), changes);
        return RoomsCommand.print(context, "Changed room ", edited);
    }
}
