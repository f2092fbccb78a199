package cn.campusgate.item.web;

import java.util.List;
import java.util.Set;

import cn.campusgate.core.NavigationContributor;
import cn.campusgate.core.NavigationEntry;
import cn.campusgate.core.Role;
import org.springframework.stereotype.Component;

@Component
class ItemNavigation implements NavigationContributor {

    @Override
    public List<NavigationEntry> navigation() {
        return List.of(new NavigationEntry("nav.items", "/items", "journal-text", 100,
                Set.of(Role.APPLICANT, Role.COMMISSION_REVIEWER)));
    }
}
