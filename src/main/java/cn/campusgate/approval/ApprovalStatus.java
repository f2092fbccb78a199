package cn.campusgate.approval;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Where a chain stands. The table below is the only place that says which moves exist. */
public enum ApprovalStatus {
    /** 审批中: a step is open. Moving from one step to the next keeps this status. */
    IN_PROGRESS,
    /** 待补正: returned to the department; the step's remaining time is kept until resubmission. */
    AWAITING_CORRECTION,
    /** 可列入白名单: every step passed. */
    READY_FOR_WHITELIST,
    /** 未予通过. */
    REJECTED,
    /** 已撤回 by the department. */
    WITHDRAWN;

    private static final Map<ApprovalStatus, Set<ApprovalStatus>> TRANSITIONS = Map.of(
            IN_PROGRESS, EnumSet.of(IN_PROGRESS, AWAITING_CORRECTION, READY_FOR_WHITELIST, REJECTED, WITHDRAWN),
            AWAITING_CORRECTION, EnumSet.of(IN_PROGRESS, WITHDRAWN),
            READY_FOR_WHITELIST, EnumSet.noneOf(ApprovalStatus.class),
            REJECTED, EnumSet.noneOf(ApprovalStatus.class),
            WITHDRAWN, EnumSet.noneOf(ApprovalStatus.class));

    public boolean canMoveTo(ApprovalStatus next) {
        return TRANSITIONS.get(this).contains(next);
    }

    public boolean finished() {
        return TRANSITIONS.get(this).isEmpty();
    }
}
