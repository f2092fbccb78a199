package cn.campusgate.campaign;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** What a surveyed affair must satisfy, for the form and for every row of an import alike. */
final class SurveyRules {

    static final int MAX_TITLE = 200;
    static final int MAX_DEPARTMENT = 100;
    static final int MAX_SCHOOL = 200;
    static final int MAX_CONTENT = 2000;
    static final BigDecimal MAX_HOURS = new BigDecimal("200");

    /** One broken rule: the field (the command's component name), a message key and its arguments. */
    record Violation(String field, String messageKey, List<Object> arguments) {
        Violation {
            arguments = List.copyOf(arguments);
        }
    }

    private SurveyRules() {
    }

    static List<Violation> check(SurveyCommand command, LocalDate surveySince, LocalDate today) {
        List<Violation> violations = new ArrayList<>();
        text(violations, "title", command.title(), MAX_TITLE, true);
        text(violations, "department", command.department(), MAX_DEPARTMENT, true);
        if (command.kind() == null) {
            violations.add(new Violation("kind", "campaign.survey.error.required", List.of()));
        }
        LocalDate day = command.occurredOn();
        if (day == null) {
            violations.add(new Violation("occurredOn", "campaign.survey.error.required", List.of()));
        } else if (day.isBefore(surveySince)) {
            violations.add(new Violation("occurredOn", "campaign.survey.error.beforeSince", List.of(surveySince.toString())));
        } else if (day.isAfter(today)) {
            violations.add(new Violation("occurredOn", "campaign.survey.error.future", List.of()));
        }
        text(violations, "school", command.school(), MAX_SCHOOL, false);
        BigDecimal hours = command.classHours();
        if (hours != null && (hours.signum() < 0 || hours.compareTo(MAX_HOURS) > 0 || hours.scale() > 1
                && hours.stripTrailingZeros().scale() > 1)) {
            violations.add(new Violation("classHours", "campaign.survey.error.hours", List.of(MAX_HOURS.toPlainString())));
        }
        if (command.approved() == null) {
            violations.add(new Violation("approved", "campaign.survey.error.required", List.of()));
        }
        text(violations, "content", command.content(), MAX_CONTENT, false);
        return violations;
    }

    private static void text(List<Violation> violations, String field, @Nullable String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                violations.add(new Violation(field, "campaign.survey.error.required", List.of()));
            }
        } else if (value.strip().length() > max) {
            violations.add(new Violation(field, "campaign.survey.error.tooLong", List.of(max)));
        }
    }
}
