package cn.campusgate.audit.web;

import java.util.List;
import java.util.Set;

import cn.campusgate.core.NavigationContributor;
import cn.campusgate.core.NavigationEntry;
import cn.campusgate.core.Role;
import org.springframework.stereotype.Component;

@Component
class AuditNavigation implements NavigationContributor {

    @Override
    public List<NavigationEntry> navigation() {
        return List.of(new NavigationEntry("nav.audit", "/admin/audit", "journal-check", 990, Set.of(Role.ADMINISTRATOR)));
    }
}
