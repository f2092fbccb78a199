package cn.campusgate.monitoring;

/** Why an alert was raised; each cites the policy it guards. */
public enum AlertKind {
    /** Entered without being covered by the whitelist in force or a temporary approval (三（二）未按规定程序审批报备). */
    NOT_COVERED,
    /** The school is over its semester cap of activities (总量控制; MOE 2025 ≤ 6 per semester). */
    OVER_SEMESTER_CAP,
    /** The same or a similar theme entered the school again (三（二）同一或相近主题活动频繁). */
    REPEATED_THEME,
    /** An inspection right after the work was assigned (三（三）工作刚安排就开展督查检查评比考核). */
    INSPECTION_TOO_SOON,
    /** More comprehensive inspections this year than allowed (MOE 2025: ≤ 1 per school and year). */
    TOO_MANY_COMPREHENSIVE_INSPECTIONS,
    /** A secondment longer than allowed (MOE 2025: ≤ 6 months). */
    LONG_SECONDMENT,
    /** Check-ins, chain sign-ups, likes, quizzes, photos, briefings, app downloads or data filling were demanded. */
    FORMALISM_DEMAND,
    /** The screening rules refuse what was recorded (commercial, fees, off-campus duty, secondment). */
    SCREENING_REFUSED
}
