package dev.reservation.web.api;

import dev.reservation.core.domain.Room;
import dev.reservation.core.series.Occurrence;
import dev.reservation.core.series.Series;
import dev.reservation.core.series.SeriesView;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A series as its owner or an ADMIN sees it: its rule and local times in the room's zone, its state
 * (BOOKING, COMMITTING, ROLLING_BACK, ACTIVE, ROLLED_BACK, CANCELLED), how far it is booked
 * ({@code materialisedThrough}), its audit trail, its days, and the number of days of each kind.
 */
public record SeriesDto(String id, String roomId, String roomName, String userId, String title, int attendees,
                        String zone, String firstDay, String startTime, int durationMinutes, String repeat,
                        List<String> exdates, String mode, String state, String materialisedThrough,
                        String endsBefore, Map<String, String> moved, Instant createdAt, String createdBy,
                        Instant cancelledAt, String cancelledBy, long version, Map<String, Long> counts,
                        List<OccurrenceDto> occurrences) {

    public static SeriesDto of(SeriesView view, Room room) {
        Series s = view.series();
        Map<String, Long> counts = new TreeMap<>();
        for (Occurrence o : view.occurrences()) {
            counts.merge(o.kind().name(), 1L, Long::sum);
        }
        Map<String, String> moved = new TreeMap<>();
        s.moved().forEach((day, id) -> moved.put(day.toString(), id));
        return new SeriesDto("preview".equals(s.id()) ? null : s.id(), s.roomId(), room == null ? null : room.name(),
                s.userId(), s.title(), s.attendees(), s.zone().getId(), s.firstDay().toString(),
                s.startTime().toString(), s.durationMinutes(), s.rule(),
                s.exdates().stream().map(LocalDate::toString).toList(), s.mode().name(),
                "preview".equals(s.id()) ? "PREVIEW" : s.state().name(),
                s.materialisedThrough() == null ? null : s.materialisedThrough().toString(),
                s.endsBefore() == null ? null : s.endsBefore().toString(), moved, s.createdAt(), s.createdBy(),
                s.cancelledAt(), s.cancelledBy(), s.version(), counts,
                view.occurrences().stream().map(o -> OccurrenceDto.of(o, s.zone())).toList());
    }
}
