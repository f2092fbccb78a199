package cn.campusgate.calendar.web;

import java.util.List;
import java.util.Set;

import cn.campusgate.core.NavigationContributor;
import cn.campusgate.core.NavigationEntry;
import cn.campusgate.core.Role;
import org.springframework.stereotype.Component;

@Component
class CalendarNavigation implements NavigationContributor {

    @Override
    public List<NavigationEntry> navigation() {
        return List.of(new NavigationEntry("nav.calendar", "/admin/calendar", "calendar3", 950, Set.of(Role.ADMINISTRATOR)));
    }
}
