package cn.campusgate.item;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where an item stands. The transition table below is the single source of truth; {@link Item} consults
 * it for every move, and the approval chain (a later module) extends it from {@link #SUBMITTED} on.
 */
public enum ItemStatus {
    /** 草稿: the department is still writing; saves at any time. */
    DRAFT,
    /** 已提交: read-only to the department; waiting for review. */
    SUBMITTED,
    /** 已退回: returned with a reason; the department revises and resubmits. */
    RETURNED,
    /** 已撤回: the department gave up the item; kept for the record. */
    WITHDRAWN;

    private static final Map<ItemStatus, Set<ItemStatus>> TRANSITIONS = Map.of(
            DRAFT, EnumSet.of(SUBMITTED, WITHDRAWN),
            SUBMITTED, EnumSet.of(RETURNED, WITHDRAWN),
            RETURNED, EnumSet.of(SUBMITTED, WITHDRAWN),
            WITHDRAWN, EnumSet.noneOf(ItemStatus.class));

    public boolean canMoveTo(ItemStatus next) {
        return TRANSITIONS.get(this).contains(next);
    }

    /** Whether the department may change the item's content now. */
    public boolean editable() {
        return this == DRAFT || this == RETURNED;
    }
}
