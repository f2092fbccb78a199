package cn.campusgate.supervision;

import java.util.List;

import cn.campusgate.core.Role;
import cn.campusgate.notification.Notice;
import cn.campusgate.notification.Notifications;
import cn.campusgate.organization.Organization;
import cn.campusgate.organization.OrganizationKind;
import cn.campusgate.supervision.SupervisionEvents.CaseOverdue;
import cn.campusgate.supervision.SupervisionEvents.ComplainantWrote;
import cn.campusgate.supervision.SupervisionEvents.ComplaintFiled;
import cn.campusgate.supervision.SupervisionEvents.ExtensionRequested;
import cn.campusgate.supervision.SupervisionEvents.SanctionAnswered;
import cn.campusgate.supervision.SupervisionEvents.SanctionIssued;
import cn.campusgate.supervision.SupervisionEvents.SanctionResponseOverdue;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Who is told what, in the transaction of the change. Notices name the case number and the kind of thing, never
 * the complainant nor the complaint's own words.
 */
@Component
class SupervisionNotices {

    private final Notifications notifications;
    private final Bodies bodies;

    SupervisionNotices(Notifications notifications, Bodies bodies) {
        this.notifications = notifications;
        this.bodies = bodies;
    }

    @EventListener
    void on(ComplaintFiled filed) {
        supervisors(filed.jurisdictionId(), new Notice(filed.grouped() ? "notice.supervision.grouped" : "notice.supervision.filed",
                List.of(filed.caseNumber()), "/supervision/cases/" + filed.caseId()));
    }

    @EventListener
    void on(ComplainantWrote wrote) {
        supervisors(wrote.jurisdictionId(), new Notice("notice.supervision.complainantWrote", List.of(wrote.caseNumber()),
                "/supervision/cases/" + wrote.caseId()));
    }

    @EventListener
    void on(ExtensionRequested requested) {
        Notice notice = new Notice("notice.supervision.extensionRequested",
                List.of(requested.caseNumber(), String.valueOf(requested.workingDays())), "/supervision/extensions");
        to(requested.jurisdictionId(), OrganizationKind.EDUCATION_COMMISSION, Role.COMMISSION_REVIEWER, notice);
    }

    @EventListener
    void on(SanctionIssued issued) {
        Organization target = bodies.get(issued.targetId());
        Role role = target.kind() == OrganizationKind.DEPARTMENT ? Role.APPLICANT : Role.TOWN_OFFICE;
        notifications.sendToRole(target.id(), role, new Notice("notice.supervision.sanction." + issued.kind(),
                List.of(issued.caseNumber()), "/supervision/measures"));
        if (issued.kind() == SanctionKind.WHITELIST_REMOVAL) {
            to(bodies.districtOf(target), OrganizationKind.EDUCATION_COMMISSION, Role.COMMISSION_REVIEWER,
                    new Notice("notice.supervision.removal", List.of(issued.caseNumber()), "/supervision/measures"));
        }
    }

    @EventListener
    void on(SanctionAnswered answered) {
        supervisors(answered.jurisdictionId(), new Notice("notice.supervision.answered",
                List.of(answered.caseNumber()), "/supervision/cases/" + answered.caseId()));
    }

    @EventListener
    void on(SanctionResponseOverdue late) {
        Notice notice = new Notice("notice.supervision.responseOverdue", List.of(late.caseNumber()),
                "/supervision/cases/" + late.caseId());
        supervisors(late.jurisdictionId(), notice);
        Organization target = bodies.get(late.targetId());
        Role role = target.kind() == OrganizationKind.DEPARTMENT ? Role.APPLICANT : Role.TOWN_OFFICE;
        notifications.sendToRole(target.id(), role, new Notice("notice.supervision.responseOverdueTarget",
                List.of(late.caseNumber()), "/supervision/measures"));
    }

    @EventListener
    void on(CaseOverdue overdue) {
        Notice notice = new Notice("notice.supervision.overdue",
                List.of(overdue.caseNumber(), String.valueOf(overdue.escalationLevel())),
                "/supervision/cases/" + overdue.caseId());
        supervisors(overdue.jurisdictionId(), notice);
        Notice escalated = new Notice("notice.supervision.overdueEscalated",
                List.of(overdue.caseNumber(), String.valueOf(overdue.escalationLevel())), "/supervision/report");
        to(overdue.jurisdictionId(), OrganizationKind.EDUCATION_COMMISSION, Role.COMMISSION_REVIEWER, escalated);
        if (overdue.escalationLevel() >= 2) {
            to(overdue.jurisdictionId(), OrganizationKind.DISTRICT_LEADERSHIP_GROUP, Role.DISTRICT_APPROVER, escalated);
        }
    }

    private void supervisors(long districtId, Notice notice) {
        to(districtId, OrganizationKind.SUPERVISION_OFFICE, Role.SUPERVISOR, notice);
        to(districtId, OrganizationKind.EDUCATION_COMMISSION, Role.SUPERVISOR, notice);
    }

    private void to(long districtId, OrganizationKind kind, Role role, Notice notice) {
        for (Organization organization : bodies.inDistrict(kind, districtId)) {
            notifications.sendToRole(organization.id(), role, notice);
        }
    }
}
