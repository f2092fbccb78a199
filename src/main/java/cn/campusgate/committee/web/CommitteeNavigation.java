package cn.campusgate.committee.web;

import java.util.List;
import java.util.Set;

import cn.campusgate.core.NavigationContributor;
import cn.campusgate.core.NavigationEntry;
import cn.campusgate.core.Role;
import org.springframework.stereotype.Component;

@Component
class CommitteeNavigation implements NavigationContributor {

    @Override
    public List<NavigationEntry> navigation() {
        return List.of(
                new NavigationEntry("nav.committee", "/committee", "people", 85, Set.of(Role.COMMITTEE_SECRETARY)),
                new NavigationEntry("nav.committeeReviews", "/committee/reviews", "clipboard-check", 86,
                        Set.of(Role.EXPERT)),
                new NavigationEntry("nav.committeeRoster", "/committee/roster", "person-vcard", 87,
                        Set.of(Role.COMMITTEE_SECRETARY)));
    }
}
