package cn.campusgate.organization;

/** 学段 / 办学类型. */
public enum SchoolStage {
    /** 小学. */
    PRIMARY,
    /** 初级中学. */
    JUNIOR_SECONDARY,
    /** 高级中学. */
    SENIOR_SECONDARY,
    /** 九年一贯制学校. */
    NINE_YEAR,
    /** 十二年一贯制学校 (完全中学 with a primary section). */
    TWELVE_YEAR,
    /** 特殊教育学校. */
    SPECIAL
}
