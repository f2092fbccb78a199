package cn.campusgate.monitoring;

import java.time.LocalDate;
import java.util.Set;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * What a school records; the quick form and the API bind to it. Teachers only as a count.
 *
 * @param planId        the planned activity it was, or {@code null} for "not on any list"
 * @param departmentId  the department or body that brought it (or inspected, or asked)
 * @param title         what it was called; taken from the plan when one is picked
 * @param occurredOn    the day it happened (secondment: the first day)
 * @param endsOn        secondment: the last day
 * @param teachers      how many teachers were involved (secondment: seconded; off-campus: asked to leave)
 * @param assignedOn    inspection: when the work inspected was assigned to the school
 * @param comprehensive inspection: a comprehensive inspection at county level or above (综合性督查检查)
 */
public record RecordCommand(
        @Nullable RecordKind kind,
        @Nullable Long planId,
        @Nullable Long departmentId,
        @Nullable @Size(max = 100) String title,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate occurredOn,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate endsOn,
        @Nullable @Min(0) @Max(200) Integer classHours,
        @Nullable @Min(0) @Max(10000) Integer teachers,
        @Nullable Set<Demand> demands,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate assignedOn,
        @Nullable Boolean comprehensive,
        @Nullable @Size(max = 1000) String note) {

    public RecordCommand {
        // A blank choice in a form binds as a null element: it chooses nothing.
        demands = demands == null ? Set.of()
                : demands.stream().filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toUnmodifiableSet());
        title = title == null || title.isBlank() ? null : title.strip();
        note = note == null || note.isBlank() ? null : note.strip();
    }

    public static RecordCommand empty(RecordKind kind, LocalDate today) {
        return new RecordCommand(kind, null, null, null, today, null, kind == RecordKind.ENTRY ? 1 : 0, 0, Set.of(),
                null, false, null);
    }
}
