package cn.campusgate.approval;

import cn.campusgate.core.BusinessRuleViolation;
import cn.campusgate.core.Role;
import cn.campusgate.organization.OrganizationKind;

/**
 * One step of a procedure: who acts (a role within an organisation of a kind, found in the item's own
 * jurisdiction or the nearest one above it), within how many working days, and how many must act.
 */
public record StepDefinition(StepKind kind, OrganizationKind organizationKind, Role role, int deadlineWorkingDays,
                             Quorum quorum) {

    public static final int MAX_DEADLINE = 60;

    public StepDefinition {
        if (!organizationKind.allows(role)) {
            throw new BusinessRuleViolation("procedure.roleNotInOrganization");
        }
        if (deadlineWorkingDays < 1 || deadlineWorkingDays > MAX_DEADLINE) {
            throw new BusinessRuleViolation("procedure.deadlineRange", 1, MAX_DEADLINE);
        }
    }
}
