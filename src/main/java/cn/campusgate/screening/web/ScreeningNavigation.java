package cn.campusgate.screening.web;

import java.util.List;
import java.util.Set;

import cn.campusgate.core.NavigationContributor;
import cn.campusgate.core.NavigationEntry;
import cn.campusgate.core.Role;
import org.springframework.stereotype.Component;

@Component
class ScreeningNavigation implements NavigationContributor {

    @Override
    public List<NavigationEntry> navigation() {
        return List.of(new NavigationEntry("nav.screeningRules", "/screening/rules", "funnel", 300,
                Set.of(Role.APPLICANT, Role.COMMISSION_REVIEWER, Role.COMMITTEE_SECRETARY, Role.EXPERT, Role.SUPERVISOR,
                        Role.ADMINISTRATOR)));
    }
}
