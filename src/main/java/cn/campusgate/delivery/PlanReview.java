package cn.campusgate.delivery;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The education commission's decision on a plan. Approving may narrow the plan — fewer schools, a shorter
 * period, fewer class hours — never widen it; empty fields keep what the department filed.
 *
 * @param decision  APPROVE, RETURN or MERGE
 * @param mergeInto the similar plan of another department this one is merged into (MERGE only)
 */
public record PlanReview(@Nullable Decision decision, @Nullable String opinion,
                         @Nullable List<Long> schoolIds,
                         @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate startsOn,
                         @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate endsOn,
                         @Nullable Integer classHours, @Nullable Long mergeInto, int version) {

    public enum Decision {
        APPROVE, RETURN, MERGE
    }

    public PlanReview {
        schoolIds = schoolIds == null ? List.of() : schoolIds.stream().distinct().toList();
        opinion = PlanCommand.clean(opinion);
    }
}
