package cn.campusgate.committee;

/**
 * Why a member may not sit on an item's panel, or is not available for it.
 *
 * @param kind   what kind of reason
 * @param detail the organisation, tie or reason concerned, as people read it
 */
public record Conflict(Kind kind, String detail) {

    public enum Kind {
        /** 与申请部门为同一单位. */
        SAME_ORGANISATION(true),
        /** 与协办单位存在关联. */
        CO_ORGANISER(true),
        /** 申报的商业或亲属关系. */
        DECLARED_TIE(true),
        /** 申请部门说明理由提出回避. */
        EXCLUDED_BY_APPLICANT(true),
        /** 本人曾就该事项声明利益冲突. */
        DECLARED_ON_ITEM(true),
        /** 账号已停用. */
        INACTIVE(false),
        /** 暂不能参加论证. */
        UNAVAILABLE(false),
        /** 不在任期内. */
        OUT_OF_TERM(false);

        private final boolean conflictOfInterest;

        Kind(boolean conflictOfInterest) {
            this.conflictOfInterest = conflictOfInterest;
        }

        /** A conflict of interest, as opposed to simply not being available. */
        public boolean conflictOfInterest() {
            return conflictOfInterest;
        }
    }
}
