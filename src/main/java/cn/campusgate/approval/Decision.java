package cn.campusgate.approval;

/** What the person acting on a step decides. */
public enum Decision {
    /** 同意 (with an opinion). */
    APPROVED,
    /** 退回补正: back to the department; the step's clock pauses until resubmission. */
    RETURNED,
    /** 不予通过 (reason required); ends the chain. */
    REJECTED
}
