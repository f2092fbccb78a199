package cn.campusgate.insight;

/** What a fact of the read model records, and which module's event it comes from. */
public enum FactKind {
    /** An item submitted for approval (item). */
    ITEM_SUBMITTED,
    /** An item through the whole chain, ready for the whitelist (approval); counts against the year's cap. */
    ITEM_APPROVED,
    /** An approval step past its deadline (approval). */
    STEP_OVERDUE,
    /** A social affair found by the baseline survey (campaign). */
    SURVEY_AFFAIR,
    /** A problem of a campaign's problem list (campaign). */
    CAMPAIGN_PROBLEM,
    /** A rectification verified and closed (campaign). */
    RECTIFICATION_CLOSED,
    /** What a monitoring school recorded entering it (monitoring). */
    SENTINEL_RECORD,
    /** An alert raised on a sentinel record (monitoring). */
    ALERT,
    /** A complaint filed (supervision). */
    COMPLAINT,
    /** A case closed, with its handling time in days (supervision). */
    CASE_CLOSED,
    /** A violation verified by supervision (supervision). */
    VIOLATION,
    /** A sanction issued to a department or town: reminder, order, notice, interview, exposure (supervision). */
    SANCTION;

    /** Facts that are an activity entering a school, counted against the semester cap. */
    public boolean activity() {
        return this == SENTINEL_RECORD || this == SURVEY_AFFAIR;
    }
}
