package cn.campusgate.approval;

/** The kinds of entries in a chain's trace. */
public enum TraceKind {
    SUBMITTED, RESUBMITTED, STEP_OPENED, APPROVED, RETURNED, REJECTED, WITHDRAWN, TRANSFERRED, COPIED, REMINDED,
    QUOTA_OVERRIDDEN, OVERDUE, READY_FOR_WHITELIST
}
