package dev.reservation.web.pages.view;

import dev.reservation.web.api.RoomDto;
import dev.reservation.web.api.UserDto;
import java.util.List;
import java.util.Map;

/**
 * The /reserve page: the form (values kept), field errors next to the fields, a general message,
 * after a conflict the conflicting reservations and suggestions to take with one click, and for a
 * start or end that happens twice (autumn) the two readings to choose from.
 * Immutable, so thread-safe.
 */
public record ReserveView(ReserveForm form, List<UserDto> users, List<RoomDto> rooms, Map<String, String> errors,
                          String message, List<ReservationRow> conflicts, List<Suggestion> suggestions,
                          List<OffsetChoice> startChoices, List<OffsetChoice> endChoices, RepeatForm repeat,
                          List<PreviewRow> preview) {
    public ReserveView {
        preview = List.copyOf(preview);
        repeat = repeat == null ? RepeatForm.none() : repeat;
        startChoices = List.copyOf(startChoices);
        endChoices = List.copyOf(endChoices);
        errors = Map.copyOf(errors);
        conflicts = List.copyOf(conflicts);
        suggestions = List.copyOf(suggestions);
    }

    public String error(String field) {
        return errors.get(field);
    }

    /** The weekday choices of the repeat section: code and name. */
    public List<String> dayCodes() {
        return RepeatForm.CODES;
    }

    public String dayName(String code) {
        return RepeatForm.NAMES.get(RepeatForm.CODES.indexOf(code));
    }

    public boolean conflict() {
        return !conflicts.isEmpty();
    }
}
