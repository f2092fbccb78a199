package cn.campusgate.delivery.web;

import java.util.List;
import java.util.Set;

import cn.campusgate.core.NavigationContributor;
import cn.campusgate.core.NavigationEntry;
import cn.campusgate.core.Role;
import org.springframework.stereotype.Component;

@Component
class DeliveryNavigation implements NavigationContributor {

    @Override
    public List<NavigationEntry> navigation() {
        return List.of(
                new NavigationEntry("nav.plans", "/plans", "calendar2-check", 110,
                        Set.of(Role.APPLICANT, Role.COMMISSION_REVIEWER, Role.SUPERVISOR, Role.DISTRICT_APPROVER)),
                new NavigationEntry("nav.schedule", "/schedule", "calendar3-week", 115,
                        Set.of(Role.SCHOOL_SENTINEL, Role.COMMISSION_REVIEWER, Role.SUPERVISOR, Role.TOWN_OFFICE)));
    }
}
