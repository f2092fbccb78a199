package cn.campusgate.approval;

import java.util.Optional;

/**
 * How a later module takes over deciding a step (the expert committee signs its opinion instead of the
 * secretary deciding on the item page) without the approval module depending on it.
 * {@link Approvals#decide} asks every guard before it acts.
 */
public interface StepDecisionGuard {

    /**
     * Throws a {@link cn.campusgate.core.BusinessRuleViolation} (with a message key) when this decision on
     * the item's open step may not be taken now.
     */
    void check(StepKind step, long itemId, Decision decision);

    /**
     * Where the step is decided instead of the item page's decision form, if it is: an app-relative link
     * that the item page offers to the step's holder in place of the form.
     */
    default Optional<String> decidedAt(StepKind step, long itemId) {
        return Optional.empty();
    }
}
