package cn.campusgate.committee;

/** The six things a review scores (1–5), in the seed's words (四（二）). */
public enum Aspect {
    /** 活动主题. */
    THEME,
    /** 实施范围. */
    SCOPE,
    /** 组织方式. */
    ORGANISATION,
    /** 开展时间. */
    TIMING,
    /** 预期效果. */
    EXPECTED_EFFECT,
    /** 考核评价. */
    EVALUATION
}
