package cn.campusgate.committee;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import cn.campusgate.item.Item;
import cn.campusgate.item.ItemContent;
import cn.campusgate.organization.Organization;
import cn.campusgate.organization.Organizations;
import org.springframework.stereotype.Component;

/** The roster as a draw for one item sees it: each member's conflicts, expertise match and panel load. */
@Component
class Candidates {

    private final Roster roster;
    private final PanelRepository repository;
    private final Organizations organizations;

    Candidates(Roster roster, PanelRepository repository, Organizations organizations) {
        this.roster = roster;
        this.repository = repository;
        this.organizations = organizations;
    }

    /** What conflicts and expertise are checked against. */
    ItemFacts facts(Item item) {
        Organization department = organizations.get(item.departmentId());
        ItemContent content = item.content();
        String text = Stream.of(content.title(), content.theme(), content.content(), content.form(), content.place())
                .filter(Objects::nonNull).collect(Collectors.joining("\n"));
        return new ItemFacts(item.id(), department.id(), department.name(), department.shortName(),
                content.coOrganisers(), text);
    }

    /**
     * Every member of the panel's committee as a candidate for it.
     *
     * @param preferred members the secretary asked to prefer (the panel of a similar item)
     */
    List<Candidate> of(Panel panel, ItemFacts facts, Set<Long> preferred, LocalDate today) {
        List<CommitteeMember> members = roster.members(panel.committeeId());
        Map<Long, String> exclusions = repository.exclusions(panel.itemId());
        Set<Long> recused = panel.recused();
        LocalDate yearStart = today.withDayOfYear(1);
        Map<Long, LocalDate> since = members.stream().collect(Collectors.toMap(CommitteeMember::accountId,
                m -> m.profile().termStarts() != null ? m.profile().termStarts() : yearStart));
        Map<Long, Integer> loads = repository.loads(members.stream().map(CommitteeMember::accountId).toList(), since);
        return members.stream().map(m -> new Candidate(m.accountId(), m.name(), m.kind(),
                loads.getOrDefault(m.accountId(), 0), ConflictPolicy.matchesExpertise(m.profile(), facts),
                preferred.contains(m.accountId()),
                ConflictPolicy.reasons(m, roster.declared(m.profile()), facts, exclusions, recused, today))).toList();
    }
}
