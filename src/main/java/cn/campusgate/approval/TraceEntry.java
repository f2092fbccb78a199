package cn.campusgate.approval;

import cn.campusgate.core.SystemText;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * One line of a chain's trace: who (organisation and person), when, what they wrote and, for an opened
 * step, by when it is due. Names are kept as they were at the time.
 */
public record TraceEntry(TraceKind kind, @Nullable Integer stepNo, String organizationName, String actor,
                         String actorName, @Nullable String text, @Nullable LocalDate dueOn, Instant at,
                         @Nullable SystemText systemText) {

    /** A line whose text is as a person typed it (or none). */
    public TraceEntry(TraceKind kind, @Nullable Integer stepNo, String organizationName, String actor, String actorName,
                      @Nullable String text, @Nullable LocalDate dueOn, Instant at) {
        this(kind, stepNo, organizationName, actor, actorName, text, dueOn, at, null);
    }
}
