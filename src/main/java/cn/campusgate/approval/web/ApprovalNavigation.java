package cn.campusgate.approval.web;

import java.util.List;
import java.util.Set;

import cn.campusgate.core.NavigationContributor;
import cn.campusgate.core.NavigationEntry;
import cn.campusgate.core.Role;
import org.springframework.stereotype.Component;

@Component
class ApprovalNavigation implements NavigationContributor {

    @Override
    public List<NavigationEntry> navigation() {
        return List.of(
                new NavigationEntry("nav.approvals", "/approvals", "inbox", 90, Set.of(Role.APPLICANT,
                        Role.COMMITTEE_SECRETARY, Role.COMMISSION_REVIEWER, Role.DISTRICT_APPROVER,
                        Role.MUNICIPAL_FILER, Role.SUPERVISOR)),
                new NavigationEntry("nav.approvalReport", "/approvals/report", "alarm", 95, Set.of(Role.SUPERVISOR,
                        Role.COMMISSION_REVIEWER, Role.DISTRICT_APPROVER)),
                new NavigationEntry("nav.procedures", "/admin/procedures", "signpost-split", 910, Set.of(Role.ADMINISTRATOR)),
                new NavigationEntry("nav.quotas", "/admin/quotas", "speedometer2", 920, Set.of(Role.ADMINISTRATOR)));
    }
}
