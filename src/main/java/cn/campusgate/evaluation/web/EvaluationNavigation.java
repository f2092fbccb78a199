package cn.campusgate.evaluation.web;

import java.util.List;
import java.util.Set;

import cn.campusgate.core.NavigationContributor;
import cn.campusgate.core.NavigationEntry;
import cn.campusgate.core.Role;
import org.springframework.stereotype.Component;

@Component
class EvaluationNavigation implements NavigationContributor {

    @Override
    public List<NavigationEntry> navigation() {
        return List.of(
                new NavigationEntry("nav.evaluation", "/evaluation", "clipboard-data", 130,
                        Set.of(Role.SCHOOL_SENTINEL, Role.APPLICANT, Role.COMMISSION_REVIEWER, Role.DISTRICT_APPROVER,
                                Role.SUPERVISOR)),
                new NavigationEntry("nav.departmentReports", "/department-reports", "building-check", 131,
                        Set.of(Role.APPLICANT, Role.COMMISSION_REVIEWER, Role.DISTRICT_APPROVER, Role.SUPERVISOR)));
    }
}
