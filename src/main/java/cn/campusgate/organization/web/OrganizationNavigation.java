package cn.campusgate.organization.web;

import java.util.List;
import java.util.Set;

import cn.campusgate.core.NavigationContributor;
import cn.campusgate.core.NavigationEntry;
import cn.campusgate.core.Role;
import org.springframework.stereotype.Component;

@Component
class OrganizationNavigation implements NavigationContributor {

    @Override
    public List<NavigationEntry> navigation() {
        return List.of(
                new NavigationEntry("nav.organizations", "/admin/organizations", "diagram-3", 900, Set.of(Role.ADMINISTRATOR)),
                new NavigationEntry("nav.accounts", "/admin/accounts", "people", 910, Set.of(Role.ADMINISTRATOR)));
    }
}
