package cn.campusgate.campaign;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Where a problem of the problem list (问题清单) stands; a test walks the whole table. */
public enum ProblemStatus {
    /** 待建账: found by screening, no rectification ledger entry yet. */
    OPEN,
    /** 整改中: a ledger entry tracks its rectification. */
    LEDGERED,
    /** 已销号: the task force verified the rectification. */
    CLOSED,
    /** 不予立项: the task force found on checking that it is no problem, with the reason. */
    DISMISSED;

    private static final Map<ProblemStatus, Set<ProblemStatus>> TRANSITIONS = Map.of(
            OPEN, EnumSet.of(LEDGERED, DISMISSED),
            LEDGERED, EnumSet.of(CLOSED),
            CLOSED, EnumSet.noneOf(ProblemStatus.class),
            DISMISSED, EnumSet.noneOf(ProblemStatus.class));

    public boolean canMoveTo(ProblemStatus next) {
        return TRANSITIONS.get(this).contains(next);
    }

    static Set<ProblemStatus> successors(ProblemStatus status) {
        return Set.copyOf(TRANSITIONS.get(status));
    }

    /** Still to be dealt with: the summary report lists these as open problems. */
    public boolean open() {
        return this == OPEN || this == LEDGERED;
    }
}
