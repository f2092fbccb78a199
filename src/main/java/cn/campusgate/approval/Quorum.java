package cn.campusgate.approval;

/** How many of the step's organisation must act. */
public enum Quorum {
    /** 任一人办理: any member holding the role acts for the organisation. */
    ONE,
    /** 会签: every member holding the role approves; the first return or rejection decides. */
    ALL
}
