package cn.campusgate.campaign.web;

import java.util.List;
import java.util.Set;

import cn.campusgate.core.NavigationContributor;
import cn.campusgate.core.NavigationEntry;
import cn.campusgate.core.Role;
import org.springframework.stereotype.Component;

@Component
class CampaignNavigation implements NavigationContributor {

    @Override
    public List<NavigationEntry> navigation() {
        return List.of(new NavigationEntry("nav.campaigns", "/campaigns", "flag", 110,
                Set.of(Role.COMMISSION_REVIEWER, Role.DISTRICT_APPROVER, Role.SUPERVISOR, Role.APPLICANT,
                        Role.SCHOOL_SENTINEL, Role.TOWN_OFFICE)));
    }
}
