package cn.campusgate.monitoring;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Where a monitoring school's monthly return stands. The table below is the only place that says which moves exist. */
public enum ReturnStatus {
    /** 待确认: prefilled from the approved plans; the school has not confirmed it yet. */
    PREFILLED,
    /** 已确认: confirmed as prefilled. */
    CONFIRMED,
    /** 已更正: confirmed with corrections (an activity did not take place, other class hours, a note). */
    CORRECTED,
    /** 已退回重报: the commission asked the school to look at it again, with a reason. */
    REOPENED;

    private static final Map<ReturnStatus, Set<ReturnStatus>> TRANSITIONS = Map.of(
            PREFILLED, EnumSet.of(CONFIRMED, CORRECTED),
            CONFIRMED, EnumSet.of(REOPENED),
            CORRECTED, EnumSet.of(REOPENED),
            REOPENED, EnumSet.of(CONFIRMED, CORRECTED));

    public boolean canMoveTo(ReturnStatus next) {
        return TRANSITIONS.get(this).contains(next);
    }

    static Set<ReturnStatus> successors(ReturnStatus status) {
        return Set.copyOf(TRANSITIONS.get(status));
    }

    /** Whether the school still has to confirm it. */
    public boolean awaitingSchool() {
        return this == PREFILLED || this == REOPENED;
    }
}
