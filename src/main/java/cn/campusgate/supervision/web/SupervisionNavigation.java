package cn.campusgate.supervision.web;

import java.util.List;
import java.util.Set;

import cn.campusgate.core.NavigationContributor;
import cn.campusgate.core.NavigationEntry;
import cn.campusgate.core.Role;
import org.springframework.stereotype.Component;

@Component
class SupervisionNavigation implements NavigationContributor {

    @Override
    public List<NavigationEntry> navigation() {
        return List.of(
                new NavigationEntry("nav.supervision", "/supervision/cases", "shield-exclamation", 110, Set.of(Role.SUPERVISOR)),
                new NavigationEntry("nav.supervisionMeasures", "/supervision/measures", "envelope-exclamation", 111,
                        Set.of(Role.APPLICANT, Role.TOWN_OFFICE, Role.COMMISSION_REVIEWER)),
                new NavigationEntry("nav.supervisionExtensions", "/supervision/extensions", "hourglass-split", 112,
                        Set.of(Role.SUPERVISOR, Role.COMMISSION_REVIEWER)),
                new NavigationEntry("nav.supervisionReport", "/supervision/report", "bar-chart-line", 113,
                        Set.of(Role.SUPERVISOR, Role.COMMISSION_REVIEWER, Role.DISTRICT_APPROVER)));
    }
}
