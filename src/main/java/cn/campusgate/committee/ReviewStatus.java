package cn.campusgate.committee;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * One member's review of one round: from being drawn, through the conflict declaration, to a submitted
 * review (or why there is none). The table below is the only place that says which moves exist.
 */
public enum ReviewStatus {
    /** 待声明: drawn; must confirm having no conflict (or declare one) before seeing the item. */
    AWAITING_DECLARATION,
    /** 评审中: confirmed no conflict; may read the item and write the review. */
    IN_REVIEW,
    /** 已提交: a valid review; final, so that nobody revises after reading others. */
    SUBMITTED,
    /** 已回避: the member declared a conflict and was replaced. */
    RECUSED,
    /** 已更换: the secretary replaced the member, with a reason (e.g. unreachable). */
    REMOVED,
    /** 未提交: the opinion was signed (or the item withdrawn) before this review came in. */
    LAPSED,
    /** 不予采用: a submitted review set aside by the secretary with a reason (e.g. a conflict came to light). */
    SET_ASIDE;

    private static final Map<ReviewStatus, Set<ReviewStatus>> TRANSITIONS = Map.of(
            AWAITING_DECLARATION, EnumSet.of(IN_REVIEW, RECUSED, REMOVED, LAPSED),
            IN_REVIEW, EnumSet.of(SUBMITTED, RECUSED, REMOVED, LAPSED),
            SUBMITTED, EnumSet.of(SET_ASIDE),
            RECUSED, EnumSet.noneOf(ReviewStatus.class),
            REMOVED, EnumSet.noneOf(ReviewStatus.class),
            LAPSED, EnumSet.noneOf(ReviewStatus.class),
            SET_ASIDE, EnumSet.noneOf(ReviewStatus.class));

    public boolean canMoveTo(ReviewStatus next) {
        return TRANSITIONS.get(this).contains(next);
    }

    /** Still expected to deliver a review in this round. */
    public boolean pending() {
        return this == AWAITING_DECLARATION || this == IN_REVIEW;
    }

    /** Holds a seat on the panel (counts for the member's panel load). */
    public boolean seated() {
        return this != RECUSED && this != REMOVED;
    }
}
