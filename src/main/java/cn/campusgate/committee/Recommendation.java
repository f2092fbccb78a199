package cn.campusgate.committee;

import cn.campusgate.approval.Decision;

/** A review's (and the opinion's) overall recommendation, and what it decides on the approval step. */
public enum Recommendation {
    /** 同意（建议通过）. */
    APPROVE(Decision.APPROVED, 0),
    /** 修改后通过: back to the department for correction, listing the changes. */
    APPROVE_WITH_CHANGES(Decision.RETURNED, 1),
    /** 不予通过. */
    REJECT(Decision.REJECTED, 2);

    private final Decision decision;
    private final int strictness;

    Recommendation(Decision decision, int strictness) {
        this.decision = decision;
        this.strictness = strictness;
    }

    /** What signing an opinion with this recommendation decides on the expert-opinion step. */
    public Decision decision() {
        return decision;
    }

    /** Higher is stricter; a tie between recommendations goes to the stricter one. */
    public int strictness() {
        return strictness;
    }
}
