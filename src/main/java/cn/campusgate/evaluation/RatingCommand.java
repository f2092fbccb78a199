package cn.campusgate.evaluation;

import org.jspecify.annotations.Nullable;

/**
 * A school's rating of a task or document a department sent it; each scale 1–4, higher is better.
 *
 * @param necessity was it needed at all
 * @param clarity   were the requirements clear
 * @param workload  was the work it asked of the school reasonable
 */
public record RatingCommand(@Nullable Long departmentId, @Nullable TaskKind kind, @Nullable String subject,
                            @Nullable Integer necessity, @Nullable Integer clarity, @Nullable Integer workload,
                            @Nullable String comment) {
}
