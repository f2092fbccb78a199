package cn.campusgate.approval;

/** The acting steps of both routes, in the policy's words; the applying department's submission precedes them. */
public enum StepKind {
    /** 专家委员会论证意见. */
    EXPERT_OPINION,
    /** 区教委初审. */
    PRELIMINARY_REVIEW,
    /** 区委教育工作领导小组审核批准. */
    DISTRICT_APPROVAL,
    /** 市委教育工作领导小组备案. */
    MUNICIPAL_FILING
}
