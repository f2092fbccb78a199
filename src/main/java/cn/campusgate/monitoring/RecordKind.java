package cn.campusgate.monitoring;

/** What a sentinel school records. */
public enum RecordKind {
    /** 社会事务进校园: an activity, talk, campaign or task that entered the school. */
    ENTRY,
    /** 督查检查评比考核: an inspection, check, appraisal or assessment of the school. */
    INSPECTION,
    /** 要求教师离校: a request to send teachers off campus for work unrelated to teaching. */
    OFF_CAMPUS_REQUEST,
    /** 抽调借用: teachers seconded away from the school. */
    SECONDMENT
}
