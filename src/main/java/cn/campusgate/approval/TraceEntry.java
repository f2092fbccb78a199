package cn.campusgate.approval;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * One line of a chain's trace: who (organisation and person), when, what they wrote and, for an opened
 * step, by when it is due. Names are kept as they were at the time.
 */
public record TraceEntry(TraceKind kind, @Nullable Integer stepNo, String organizationName, String actor,
                         String actorName, @Nullable String text, @Nullable LocalDate dueOn, Instant at) {
}
