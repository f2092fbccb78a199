package cn.campusgate.supervision;

/** What verification found. */
public enum CaseOutcome {
    /** 查证属实: measures follow. */
    SUBSTANTIATED,
    /** 查无实据. */
    NOT_SUBSTANTIATED,
    /** 虚假举报: not substantiated and knowingly false; counts towards the complainant's yellow and red cards. */
    FALSE_REPORT,
    /** 不予受理: outside what supervision handles. */
    NOT_ACCEPTED
}
