package cn.campusgate.supervision;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** One line of a case's history (办理记录): what happened, who did it, and the deadline it set. */
public record TraceEntry(Kind kind, @Nullable CaseStatus from, @Nullable CaseStatus to, @Nullable String text,
                         @Nullable LocalDate dueOn, String actor, String actorName, Instant at) {

    public enum Kind {
        OPENED, GROUPED, MOVED, RETURNED, EXTENSION_REQUESTED, EXTENSION_APPROVED, EXTENSION_REFUSED, OVERDUE,
        SANCTION_ISSUED, SANCTION_ANSWERED, WHITELIST_REMOVED, EXPOSURE_PUBLISHED, REPLIED, CLOSED
    }
}
