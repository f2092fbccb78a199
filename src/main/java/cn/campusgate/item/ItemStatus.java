package cn.campusgate.item;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where an item stands. The transition table below is the single source of truth; {@link Item} consults
 * it for every move. While an item is {@link #SUBMITTED} the approval chain owns it: a step returns it
 * for correction, rejects it, or, after the last step, approves it.
 */
public enum ItemStatus {
    /** 草稿: the department is still writing; saves at any time. */
    DRAFT,
    /** 审批中: read-only to the department; moving through the approval chain. */
    SUBMITTED,
    /** 退回补正: returned with a reason; the department corrects and resubmits, the chain resumes. */
    RETURNED,
    /** 已撤回: the department gave up the item; kept for the record. */
    WITHDRAWN,
    /** 审批备案完成: approved and filed, ready for the whitelist. */
    APPROVED,
    /** 未予通过: rejected by a step of the chain, with its reason. */
    REJECTED;

    private static final Map<ItemStatus, Set<ItemStatus>> TRANSITIONS = Map.of(
            DRAFT, EnumSet.of(SUBMITTED, WITHDRAWN),
            SUBMITTED, EnumSet.of(RETURNED, WITHDRAWN, APPROVED, REJECTED),
            RETURNED, EnumSet.of(SUBMITTED, WITHDRAWN),
            WITHDRAWN, EnumSet.noneOf(ItemStatus.class),
            APPROVED, EnumSet.noneOf(ItemStatus.class),
            REJECTED, EnumSet.noneOf(ItemStatus.class));

    public boolean canMoveTo(ItemStatus next) {
        return TRANSITIONS.get(this).contains(next);
    }

    /** Whether the department may change the item's content now. */
    public boolean editable() {
        return this == DRAFT || this == RETURNED;
    }
}
