package cn.campusgate.item;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import cn.campusgate.organization.SchoolStage;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Everything a department states about an item. A draft may be incomplete; {@link #problemsForSubmission}
 * names what a submission still lacks. Form and API bodies bind to this record.
 *
 * @param title               事项名称
 * @param theme               主题 (what similar-theme detection compares)
 * @param coOrganisers        协办单位
 * @param basis               开展依据: law and article, document number, curriculum gap or emergency approval
 * @param content             主要内容
 * @param form                开展形式
 * @param targetGrades        年级, e.g. 四至六年级
 * @param targetSchools       指定学校, or empty for all schools of the stages
 * @param classHours          占用学生课时 per school
 * @param teacherHours        教师投入课时 per school
 * @param teachersLeaveCampus whether any teacher must leave campus
 * @param dataDemands         数据填报、APP、工作群等要求
 * @param exemptNational      部委联合部署: outside the quota but still filed
 */
public record ItemContent(
        @Nullable @Size(max = 100) String title,
        @Nullable @Size(max = 100) String theme,
        @Nullable @Size(max = 200) String coOrganisers,
        @Nullable ItemRoute route,
        @Nullable AdmissionGround admissionGround,
        @Nullable @Size(max = 500) String basis,
        @Nullable @Size(max = 5000) String content,
        @Nullable @Size(max = 500) String form,
        @Nullable DeliveryMode deliveryMode,
        @Nullable Set<SchoolStage> targetStages,
        @Nullable @Size(max = 100) String targetGrades,
        @Nullable @Size(max = 500) String targetSchools,
        @Nullable GraduatingClasses graduatingClasses,
        @Nullable LocalDate startDate,
        @Nullable LocalDate endDate,
        @Nullable Frequency frequency,
        @Nullable @Min(0) @Max(200) Integer classHours,
        @Nullable @Min(0) @Max(2000) Integer teacherHours,
        @Nullable Boolean teachersLeaveCampus,
        @Nullable @Size(max = 1000) String dataDemands,
        @Nullable @Size(max = 1000) String expectedEffect,
        @Nullable @Size(max = 1000) String evaluationMethod,
        @Nullable IntegrationChannel integrationChannel,
        @Nullable Boolean exemptNational,
        @Nullable @Size(max = 200) String place) {

    /** Temporary items are applied at least two weeks before they start. */
    public static final int TEMPORARY_LEAD_DAYS = 14;
    private static final Pattern CITED_LAW = Pattern.compile("《[^》]{2,}》");

    public ItemContent {
        // A blank choice in a form binds as a null element: it chooses nothing.
        targetStages = targetStages == null ? Set.of()
                : targetStages.stream().filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toUnmodifiableSet());
        title = clean(title);
        theme = clean(theme);
        coOrganisers = clean(coOrganisers);
        basis = clean(basis);
        content = clean(content);
        form = clean(form);
        targetGrades = clean(targetGrades);
        targetSchools = clean(targetSchools);
        dataDemands = clean(dataDemands);
        expectedEffect = clean(expectedEffect);
        evaluationMethod = clean(evaluationMethod);
        place = clean(place);
    }

    public static ItemContent empty() {
        return new ItemContent(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null);
    }

    /** One thing a submission lacks: the field and a message key with its arguments. */
    public record Problem(String field, String messageKey, List<Object> arguments) {
        public Problem {
            arguments = List.copyOf(arguments);
        }

        static Problem of(String field, String messageKey, Object... arguments) {
            return new Problem(field, messageKey, List.of(arguments));
        }
    }

    /** What must be completed or corrected before the item can be submitted; empty when ready. */
    public List<Problem> problemsForSubmission(LocalDate today) {
        List<Problem> problems = new ArrayList<>();
        require(problems, "title", title);
        require(problems, "theme", theme);
        require(problems, "route", route);
        require(problems, "admissionGround", admissionGround);
        require(problems, "basis", basis);
        require(problems, "content", content);
        require(problems, "form", form);
        require(problems, "deliveryMode", deliveryMode);
        if (targetStages.isEmpty()) {
            problems.add(Problem.of("targetStages", "item.problem.required"));
        }
        require(problems, "graduatingClasses", graduatingClasses);
        require(problems, "startDate", startDate);
        require(problems, "endDate", endDate);
        require(problems, "frequency", frequency);
        require(problems, "classHours", classHours);
        require(problems, "teachersLeaveCampus", teachersLeaveCampus);
        require(problems, "expectedEffect", expectedEffect);
        require(problems, "evaluationMethod", evaluationMethod);
        if (deliveryMode == DeliveryMode.ON_CAMPUS) {
            require(problems, "integrationChannel", integrationChannel);
        }
        if (admissionGround == AdmissionGround.LAW && basis != null && !CITED_LAW.matcher(basis).find()) {
            problems.add(Problem.of("basis", "item.problem.lawNotCited"));
        }
        if (content != null && content.length() < 20) {
            problems.add(Problem.of("content", "item.problem.contentTooShort", 20));
        }
        if (startDate != null && endDate != null && endDate.isBefore(startDate)) {
            problems.add(Problem.of("endDate", "item.problem.endBeforeStart"));
        }
        if (route == ItemRoute.TEMPORARY && startDate != null
                && startDate.isBefore(today.plusDays(TEMPORARY_LEAD_DAYS))) {
            problems.add(Problem.of("startDate", "item.problem.temporaryLeadTime", TEMPORARY_LEAD_DAYS,
                    cn.campusgate.core.Formats.dateText(today.plusDays(TEMPORARY_LEAD_DAYS))));
        }
        if (startDate != null && startDate.isBefore(today)) {
            problems.add(Problem.of("startDate", "item.problem.inThePast"));
        }
        return problems;
    }

    private static void require(List<Problem> problems, String field, @Nullable Object value) {
        if (value == null) {
            problems.add(Problem.of(field, "item.problem.required"));
        }
    }

    private static @Nullable String clean(@Nullable String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
