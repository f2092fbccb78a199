package cn.campusgate.campaign;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * One social affair that entered a school, as a department, town or school reported it in the baseline survey.
 * {@code naturalKey} (reporter, title, department, date, school) keeps a re-imported row from being counted twice.
 */
public record SurveyAffair(long id, long campaignId, long reporterId, String reporterName, String title,
                           String departmentName, @Nullable Long departmentId, AffairKind kind, LocalDate occurredOn,
                           @Nullable String schoolName, @Nullable Long schoolId, @Nullable BigDecimal classHours,
                           boolean approved, @Nullable String content, boolean chargesStudents,
                           boolean teachersLeaveCampus, @Nullable Long importId, String createdBy, Instant createdAt) {
}
