package cn.campusgate.screening;

import org.jspecify.annotations.Nullable;

/**
 * The structured fields of anything to screen. Only {@code title} is required; later modules (sentinel
 * records, complaints) fill only what they have. Free-text fields are read in Chinese (or English words
 * such as "APP"); flags, where known, count as much as the words.
 *
 * @param title              name of the item or record
 * @param theme              theme (活动主题), if separate from the title
 * @param content            what happens (活动内容)
 * @param form               form (形式): talk, drill, online course …
 * @param deliveryMode       {@code ON_CAMPUS} or {@code RESOURCE_PACK} (学校自主开展), if known
 * @param targetScope        who it reaches (实施范围), including grades or graduating classes
 * @param dataDemands        data, forms or apps it asks of schools, teachers, students or parents
 * @param teacherInvolvement what teachers must do
 * @param teachersLeaveCampus whether teachers must go off campus
 * @param chargesStudents    whether students or parents pay anything
 * @param commercial         whether a company, product or brand is involved
 * @param evaluationMethod   how delivery and effect are checked (考核评价)
 * @param expectedEffect     expected effect (预期效果)
 * @param admissionGround    the ground claimed: {@code LAW}, {@code UNIFIED_ARRANGEMENT},
 *                           {@code ALL_ROUND_DEVELOPMENT} or {@code EMERGENCY}; {@code EMERGENCY} turns the
 *                           refusal of secondment and off-campus duty into a warning
 */
public record ScreeningInput(String title, @Nullable String theme, @Nullable String content, @Nullable String form,
                             @Nullable String deliveryMode, @Nullable String targetScope,
                             @Nullable String dataDemands, @Nullable String teacherInvolvement,
                             @Nullable Boolean teachersLeaveCampus, @Nullable Boolean chargesStudents,
                             @Nullable Boolean commercial, @Nullable String evaluationMethod,
                             @Nullable String expectedEffect, @Nullable String admissionGround) {

    public static final String ON_CAMPUS = "ON_CAMPUS";
    public static final String RESOURCE_PACK = "RESOURCE_PACK";
    public static final String EMERGENCY = "EMERGENCY";

    public ScreeningInput {
        if (title == null) {
            throw new IllegalArgumentException("title is required");
        }
    }

    /** Just a title and a free text, e.g. a sentinel record or a complaint. */
    public static ScreeningInput of(String title, @Nullable String content) {
        return new ScreeningInput(title, null, content, null, null, null, null, null, null, null, null, null, null,
                null);
    }

    /** Whether the applicant claims the emergency ground (R-1 d). */
    public boolean emergency() {
        return admissionGround != null && EMERGENCY.equalsIgnoreCase(admissionGround.strip());
    }
}
