package cn.campusgate.evaluation;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Where a removal proposal stands. The table below is the only place that says which moves exist. */
public enum RemovalStatus {
    /** 待部门说明: proposed with its evidence; the department may respond within the window (working days). */
    AWAITING_RESPONSE,
    /** 待领导小组决定: the department responded, or its window closed; the district leadership group decides. */
    AWAITING_DECISION,
    /** 已决定调整出（待执行）: the leadership group decided to remove; the commission carries it out on the whitelist. */
    REMOVAL_DECIDED,
    /** 已调整出白名单: removed through the whitelist's change process; in its public change log. */
    REMOVED,
    /** 决定保留: the leadership group kept the entry, with its reason. */
    KEPT,
    /** 已撤回 by the commission before a decision (e.g. the evidence was wrong). */
    WITHDRAWN;

    private static final Map<RemovalStatus, Set<RemovalStatus>> TRANSITIONS = Map.of(
            AWAITING_RESPONSE, EnumSet.of(AWAITING_DECISION, WITHDRAWN),
            AWAITING_DECISION, EnumSet.of(REMOVAL_DECIDED, KEPT, WITHDRAWN),
            REMOVAL_DECIDED, EnumSet.of(REMOVED),
            REMOVED, EnumSet.noneOf(RemovalStatus.class),
            KEPT, EnumSet.noneOf(RemovalStatus.class),
            WITHDRAWN, EnumSet.noneOf(RemovalStatus.class));

    public boolean canMoveTo(RemovalStatus next) {
        return TRANSITIONS.get(this).contains(next);
    }

    static Set<RemovalStatus> successors(RemovalStatus status) {
        return Set.copyOf(TRANSITIONS.get(status));
    }

    public boolean finished() {
        return TRANSITIONS.get(this).isEmpty();
    }

    /** Still open: a new proposal for the same entry would duplicate it. */
    public boolean open() {
        return !finished();
    }
}
