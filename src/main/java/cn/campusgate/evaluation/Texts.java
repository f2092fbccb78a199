package cn.campusgate.evaluation;

import cn.campusgate.core.BusinessRuleViolation;
import org.jspecify.annotations.Nullable;

/** Free text as the module accepts it: trimmed, within its length, required where the rule says so. */
final class Texts {

    private Texts() {
    }

    static String required(@Nullable String text, int max, String missingKey) {
        String value = optional(text, max);
        if (value == null) {
            throw new BusinessRuleViolation(missingKey);
        }
        return value;
    }

    static @Nullable String optional(@Nullable String text, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        if (value.codePointCount(0, value.length()) > max) {
            throw new BusinessRuleViolation("evaluation.text.tooLong", max);
        }
        return value;
    }
}
