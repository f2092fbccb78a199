package cn.campusgate.campaign;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Where a milestone stands. The transition table is the single source of truth; a test walks it whole. */
public enum MilestoneStatus {
    /** 未开始. */
    PLANNED,
    /** 进行中. */
    IN_PROGRESS,
    /** 已完成. */
    COMPLETED;

    private static final Map<MilestoneStatus, Set<MilestoneStatus>> TRANSITIONS = Map.of(
            PLANNED, EnumSet.of(IN_PROGRESS),
            IN_PROGRESS, EnumSet.of(COMPLETED),
            // Reopened with a reason when the work turns out not to be done.
            COMPLETED, EnumSet.of(IN_PROGRESS));

    public boolean canMoveTo(MilestoneStatus next) {
        return TRANSITIONS.get(this).contains(next);
    }

    static Set<MilestoneStatus> successors(MilestoneStatus status) {
        return Set.copyOf(TRANSITIONS.get(status));
    }
}
