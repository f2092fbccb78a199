package cn.campusgate.campaign;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Where a rectification ledger entry (整改台账) stands; a test walks the whole table. */
public enum LedgerStatus {
    /** 已交办: the task force named the owner, the measure and the deadline. */
    ASSIGNED,
    /** 整改中: the owner started, or the task force sent the result back. */
    IN_PROGRESS,
    /** 已报结: the owner reported the rectification done, with evidence. */
    SUBMITTED,
    /** 已销号: the task force verified it; the problem is closed. */
    VERIFIED;

    private static final Map<LedgerStatus, Set<LedgerStatus>> TRANSITIONS = Map.of(
            ASSIGNED, EnumSet.of(IN_PROGRESS, SUBMITTED),
            IN_PROGRESS, EnumSet.of(SUBMITTED),
            // Verified, or sent back for more work with the task force's opinion.
            SUBMITTED, EnumSet.of(VERIFIED, IN_PROGRESS),
            VERIFIED, EnumSet.noneOf(LedgerStatus.class));

    public boolean canMoveTo(LedgerStatus next) {
        return TRANSITIONS.get(this).contains(next);
    }

    static Set<LedgerStatus> successors(LedgerStatus status) {
        return Set.copyOf(TRANSITIONS.get(status));
    }

    /** The owner may report progress or the result. */
    public boolean withOwner() {
        return this == ASSIGNED || this == IN_PROGRESS;
    }
}
