package cn.campusgate.evaluation;

import cn.campusgate.core.BusinessRuleViolation;
import org.jspecify.annotations.Nullable;

/** A four-point answer without a neutral middle: 1 and 2 lean against, 3 and 4 lean for. */
public final class Rating {

    public static final int MIN = 1;
    public static final int MAX = 4;

    private Rating() {
    }

    /** The value, or refused with the field's own message. */
    static int check(@Nullable Integer value, String messageKey) {
        if (value == null || value < MIN || value > MAX) {
            throw new BusinessRuleViolation(messageKey);
        }
        return value;
    }

    /** 1 → 0, 4 → 1. */
    static double unit(int value) {
        return (value - MIN) / (double) (MAX - MIN);
    }
}
