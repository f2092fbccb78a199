package cn.campusgate.monitoring;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Where an alert stands. The table below is the only place that says which moves exist. */
public enum AlertStatus {
    /** 新预警: raised, nobody at the commission has looked at it yet. */
    NEW,
    /** 已知悉: the commission has seen it and is looking into it. */
    ACKNOWLEDGED,
    /** 已排除: dismissed, with the reason kept. */
    DISMISSED,
    /** 已转督办: turned into a supervision case. */
    CASE_OPENED;

    private static final Map<AlertStatus, Set<AlertStatus>> TRANSITIONS = Map.of(
            NEW, EnumSet.of(ACKNOWLEDGED, DISMISSED, CASE_OPENED),
            ACKNOWLEDGED, EnumSet.of(DISMISSED, CASE_OPENED),
            DISMISSED, EnumSet.noneOf(AlertStatus.class),
            CASE_OPENED, EnumSet.noneOf(AlertStatus.class));

    public boolean canMoveTo(AlertStatus next) {
        return TRANSITIONS.get(this).contains(next);
    }

    static Set<AlertStatus> successors(AlertStatus status) {
        return Set.copyOf(TRANSITIONS.get(status));
    }

    public boolean open() {
        return !TRANSITIONS.get(this).isEmpty();
    }
}
