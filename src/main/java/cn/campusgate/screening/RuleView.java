package cn.campusgate.screening;

/**
 * One rule of the catalogue, for a page or an API that lists them.
 *
 * @param id          stable rule id
 * @param name        short name in the caller's language
 * @param family      无关 / 无序 / 无效
 * @param severity    refuse or warn
 * @param clause      the policy text it enforces, quoted in Chinese
 * @param source      where that text and any higher-level rule come from
 * @param explanation what the rule looks for and why, in the caller's language
 * @param emergencyExempt whether the emergency ground (R-1 d) turns a refusal into a warning
 */
public record RuleView(String id, String name, RuleFamily family, Severity severity, String clause, String source,
                       String explanation, boolean emergencyExempt) {
}
