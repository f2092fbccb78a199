package cn.campusgate.item;

/** Where in school work an activity is folded in (融合), so it does not add a separate burden. */
public enum IntegrationChannel {
    /** 学科教学. */
    SUBJECT_TEACHING,
    /** 班团队会. */
    CLASS_TEAM_MEETING,
    /** 综合实践活动. */
    COMPREHENSIVE_PRACTICE,
    /** 课后服务. */
    AFTER_SCHOOL_SERVICE,
    /** 校园文化建设. */
    CAMPUS_CULTURE
}
