package cn.campusgate.organization;

/** The four kinds of expert committee member. */
public enum MemberKind {
    /** 教育领域专家. */
    EDUCATION_EXPERT,
    /** 校长教师代表. */
    PRINCIPAL_TEACHER_REPRESENTATIVE,
    /** 人大代表. */
    NPC_DEPUTY,
    /** 政协委员. */
    CPPCC_MEMBER
}
