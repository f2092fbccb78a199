package cn.campusgate.committee;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Where a panel stands. The table below is the only place that says which moves exist. */
public enum PanelStatus {
    /** 待组建: the item's expert-opinion step is open and no panel has been proposed yet. */
    REQUESTED,
    /** 拟定中: the system proposed a panel; the secretary may adjust (with reasons) or draw again, then confirm. */
    PROPOSED,
    /** 论证中: confirmed; members confirm they have no conflict and review independently. */
    CONVENED,
    /** 已出具意见: the opinion of the current round is signed and the step decided. */
    SIGNED,
    /** 已终止: the chain ended otherwise (the department withdrew the item). */
    CLOSED;

    private static final Map<PanelStatus, Set<PanelStatus>> TRANSITIONS = Map.of(
            REQUESTED, EnumSet.of(PROPOSED, CLOSED),
            PROPOSED, EnumSet.of(PROPOSED, REQUESTED, CONVENED, CLOSED),
            CONVENED, EnumSet.of(SIGNED, CLOSED),
            // A returned item, corrected and resubmitted, comes back to the same panel for a new round;
            // withdrawn instead, the panel's work is over.
            SIGNED, EnumSet.of(CONVENED, CLOSED),
            CLOSED, EnumSet.noneOf(PanelStatus.class));

    public boolean canMoveTo(PanelStatus next) {
        return TRANSITIONS.get(this).contains(next);
    }

    /** Whether the panel is being formed: the applicant may still ask for members to be excluded. */
    public boolean forming() {
        return this == REQUESTED || this == PROPOSED;
    }
}
