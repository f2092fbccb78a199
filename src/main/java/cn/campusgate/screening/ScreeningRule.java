package cn.campusgate.screening;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * One rule of the catalogue: what it looks for in the free text (trigger patterns, each match checked for
 * negation and for a veto in the same clause) and, optionally, in the structured flags.
 *
 * @param triggers        regular expressions over normalised text; a gap inside a trigger never crosses a clause
 * @param vetoes          if one of these is in the same clause as a match, the match does not count
 *                        ("为学校购置器材" is not a charge on students)
 * @param negationInside  whether a negation inside the match negates it (false when the trigger itself is a
 *                        negation, as in "未经审批")
 * @param flag            a finding from the structured fields alone: (field, evidence), or empty
 */
record ScreeningRule(String id, RuleFamily family, Severity severity, String clause, String source,
                     boolean emergencyExempt, List<Pattern> triggers, List<Pattern> vetoes, boolean negationInside,
                     Function<ScreeningInput, Optional<FlagHit>> flag) {

    /** A finding from the structured fields: which field, and what it said. */
    record FlagHit(String field, String evidence) {
    }

    String nameKey() {
        return "screening.rule." + id + ".name";
    }

    String explanationKey() {
        return "screening.rule." + id + ".explanation";
    }
}
