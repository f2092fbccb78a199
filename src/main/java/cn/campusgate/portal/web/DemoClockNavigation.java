package cn.campusgate.portal.web;

import java.util.List;
import java.util.Set;

import cn.campusgate.core.NavigationContributor;
import cn.campusgate.core.NavigationEntry;
import cn.campusgate.core.Role;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

@Component
@ConditionalOnProperty(name = "campusgate.demo.enabled", havingValue = "true")
class DemoClockNavigation implements NavigationContributor {

    @Override
    public List<NavigationEntry> navigation() {
        return List.of(new NavigationEntry("nav.demoClock", "/admin/demo-clock", "clock-history", 960,
                Set.of(Role.ADMINISTRATOR)));
    }
}
