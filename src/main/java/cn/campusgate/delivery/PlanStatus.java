package cn.campusgate.delivery;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Where an implementation plan stands. The table below is the only place that says which moves exist. */
public enum PlanStatus {
    /** 待审核: filed (or corrected and filed again); waits for the education commission. */
    SUBMITTED,
    /** 已退回: the commission returned it with its opinion; the department corrects and files again. */
    RETURNED,
    /** 已审核同意: approved as filed or narrowed by the commission; it enters the schools' schedules. */
    APPROVED,
    /** 已合并: merged into a similar plan of another department; the other plan is carried out instead. */
    MERGED,
    /** 已撤回 by the department before approval. */
    WITHDRAWN;

    private static final Map<PlanStatus, Set<PlanStatus>> TRANSITIONS = Map.of(
            SUBMITTED, EnumSet.of(APPROVED, RETURNED, MERGED, WITHDRAWN),
            RETURNED, EnumSet.of(SUBMITTED, WITHDRAWN),
            APPROVED, EnumSet.noneOf(PlanStatus.class),
            MERGED, EnumSet.noneOf(PlanStatus.class),
            WITHDRAWN, EnumSet.noneOf(PlanStatus.class));

    public boolean canMoveTo(PlanStatus next) {
        return TRANSITIONS.get(this).contains(next);
    }

    /** States a row of the table lists, for the table's own test. */
    static Set<PlanStatus> successors(PlanStatus status) {
        return Set.copyOf(TRANSITIONS.get(status));
    }

    public boolean finished() {
        return TRANSITIONS.get(this).isEmpty();
    }
}
