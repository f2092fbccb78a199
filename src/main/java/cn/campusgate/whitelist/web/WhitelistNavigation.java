package cn.campusgate.whitelist.web;

import java.util.List;
import java.util.Set;

import cn.campusgate.core.NavigationContributor;
import cn.campusgate.core.NavigationEntry;
import cn.campusgate.core.Role;
import org.springframework.stereotype.Component;

@Component
class WhitelistNavigation implements NavigationContributor {

    @Override
    public List<NavigationEntry> navigation() {
        return List.of(new NavigationEntry("nav.whitelists", "/whitelists", "list-check", 100,
                Set.of(Role.COMMISSION_REVIEWER, Role.DISTRICT_APPROVER, Role.SUPERVISOR)));
    }
}
