package cn.campusgate.supervision;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a supervision case stands. The table below is the only place that says which moves exist;
 * {@link SupervisionCase} consults it for every move and a test walks all of it.
 */
public enum CaseStatus {
    /** 已受理: the complaint is on file and waits to be taken up (or refused as out of scope). */
    RECEIVED,
    /** 核查中: supervisors verify what happened. */
    VERIFICATION,
    /** 处理中: substantiated; measures go to the body concerned and it responds. */
    HANDLING,
    /** 回访中: the complainant is told the outcome and may answer. */
    FOLLOW_UP,
    /** 已办结. */
    CLOSED;

    private static final Map<CaseStatus, Set<CaseStatus>> TRANSITIONS = Map.of(
            // taken up, or not accepted (不予受理) with the reason told to the complainant
            RECEIVED, EnumSet.of(VERIFICATION, CLOSED),
            // substantiated → handling; not substantiated (or a false complaint) → straight to the follow-up
            VERIFICATION, EnumSet.of(HANDLING, FOLLOW_UP),
            // handled → follow-up; returned for another verification
            HANDLING, EnumSet.of(FOLLOW_UP, VERIFICATION),
            // closed; returned to handling when the follow-up shows the problem persists, or to verification
            // when the complainant brings new facts
            FOLLOW_UP, EnumSet.of(CLOSED, HANDLING, VERIFICATION),
            CLOSED, EnumSet.noneOf(CaseStatus.class));

    public boolean canMoveTo(CaseStatus next) {
        return TRANSITIONS.get(this).contains(next);
    }

    /** The states a row of the table lists, for the table's own test. */
    static Set<CaseStatus> successors(CaseStatus status) {
        return Set.copyOf(TRANSITIONS.get(status));
    }

    public boolean open() {
        return this != CLOSED;
    }

    /** A move against the usual direction, which needs a reason (退回). */
    public boolean isReturnTo(CaseStatus next) {
        return next.ordinal() < ordinal() && next != RECEIVED;
    }
}
