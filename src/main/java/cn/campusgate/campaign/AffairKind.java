package cn.campusgate.campaign;

/** What kind of social affair entered the school, as the survey asks (类别). */
public enum AffairKind {
    /** 宣传教育（进校园宣讲）. */
    PUBLICITY,
    /** 活动竞赛. */
    ACTIVITY,
    /** 督查检查评比考核. */
    INSPECTION,
    /** 数据填报、调查问卷、APP推广. */
    DATA_REQUEST,
    /** 抽调借用教师. */
    SECONDMENT,
    /** 其他. */
    OTHER
}
