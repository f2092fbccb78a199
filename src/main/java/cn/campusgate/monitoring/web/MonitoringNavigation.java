package cn.campusgate.monitoring.web;

import java.util.List;
import java.util.Set;

import cn.campusgate.core.NavigationContributor;
import cn.campusgate.core.NavigationEntry;
import cn.campusgate.core.Role;
import org.springframework.stereotype.Component;

@Component
class MonitoringNavigation implements NavigationContributor {

    @Override
    public List<NavigationEntry> navigation() {
        return List.of(
                new NavigationEntry("nav.sentinel", "/sentinel", "broadcast-pin", 20, Set.of(Role.SCHOOL_SENTINEL)),
                new NavigationEntry("nav.alerts", "/alerts", "exclamation-octagon", 120,
                        Set.of(Role.COMMISSION_REVIEWER, Role.SUPERVISOR)));
    }
}
