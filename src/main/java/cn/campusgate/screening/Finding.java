package cn.campusgate.screening;

/**
 * One rule that the screened input breaks.
 *
 * @param ruleId      stable rule id, e.g. {@code R2-IRR-COMMERCIAL}
 * @param family      无关 / 无序 / 无效
 * @param severity    refuse or warn (already adjusted for the emergency ground)
 * @param clause      the policy text the rule enforces, quoted in Chinese, with its place in the document
 * @param explanation a plain explanation in the caller's language
 * @param field       the input field that triggered it ({@code title}, {@code content}, {@code chargesStudents} …),
 *                    so a form can show the finding next to that field
 * @param evidence    the words that matched (or the flag), as written in the input
 */
public record Finding(String ruleId, RuleFamily family, Severity severity, String clause, String explanation,
                      String field, String evidence) {
}
