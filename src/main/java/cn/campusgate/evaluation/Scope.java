package cn.campusgate.evaluation;

import java.util.Set;

import cn.campusgate.approval.Quotas;
import cn.campusgate.core.Actor;
import cn.campusgate.core.Actors;
import cn.campusgate.core.Role;
import cn.campusgate.organization.Organizations;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/** Who may read what: district staff their jurisdiction and below, a department its own, a school its own. */
@Component
class Scope {

    private final Organizations organizations;
    private final Quotas quotas;

    Scope(Organizations organizations, Quotas quotas) {
        this.organizations = organizations;
        this.quotas = quotas;
    }

    static boolean districtStaff(Actor actor) {
        return actor.has(Role.COMMISSION_REVIEWER) || actor.has(Role.DISTRICT_APPROVER) || actor.has(Role.SUPERVISOR);
    }

    Set<Long> jurisdictions(Actor actor) {
        return organizations.subtreeOf(quotas.jurisdictionOf(actor));
    }

    boolean covers(Actor actor, long jurisdictionId, long departmentId) {
        if (districtStaff(actor) && jurisdictions(actor).contains(jurisdictionId)) {
            return true;
        }
        return actor.has(Role.APPLICANT) && actor.organizationId() == departmentId;
    }

    static Actor require(Role role) {
        Actor actor = Actors.required();
        if (!actor.has(role)) {
            throw new AccessDeniedException(role + " only");
        }
        return actor;
    }

    static Actor requireReader() {
        Actor actor = Actors.required();
        if (!districtStaff(actor) && !actor.has(Role.APPLICANT)) {
            throw new AccessDeniedException("district staff or departments only");
        }
        return actor;
    }
}
