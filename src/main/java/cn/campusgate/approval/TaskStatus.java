package cn.campusgate.approval;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** A task's own small lifecycle: it is acted on once, or cancelled when its step is decided otherwise. */
public enum TaskStatus {
    OPEN,
    DONE,
    CANCELLED;

    private static final Map<TaskStatus, Set<TaskStatus>> TRANSITIONS = Map.of(
            OPEN, EnumSet.of(DONE, CANCELLED),
            DONE, EnumSet.noneOf(TaskStatus.class),
            CANCELLED, EnumSet.noneOf(TaskStatus.class));

    public boolean canMoveTo(TaskStatus next) {
        return TRANSITIONS.get(this).contains(next);
    }
}
