package cn.campusgate.screening;

/** How a finding weighs on the decision. */
public enum Severity {
    /** The policy does not let this enter schools as it stands: the applicant must remove it first. */
    REFUSE,
    /** Reviewers must look at it and the applicant should change it; it does not by itself block the item. */
    WARN
}
