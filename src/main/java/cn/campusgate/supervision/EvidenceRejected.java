package cn.campusgate.supervision;

import cn.campusgate.core.BusinessRuleViolation;

/** An evidence file refused before anything was stored: too large, of a type not taken, or one too many. */
public class EvidenceRejected extends BusinessRuleViolation {

    /** Why, so the API can answer 413 or 415. */
    public enum Reason { TOO_LARGE, TYPE, TOO_MANY, EMPTY }

    private final Reason reason;

    EvidenceRejected(Reason reason, String messageKey, Object... arguments) {
        super(messageKey, arguments);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
