package cn.campusgate.committee;

import java.util.List;
import java.util.Optional;

import cn.campusgate.core.Actor;
import cn.campusgate.core.Role;
import cn.campusgate.item.Item;
import cn.campusgate.item.ItemParticipation;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The committee's part in an item: members who confirmed having no conflict may read it, and the item page
 * shows the panel's composition by kind and its signed opinions to everyone who follows the item.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class CommitteeParticipation implements ItemParticipation {

    private final PanelRepository repository;
    private final Exclusions exclusions;

    CommitteeParticipation(PanelRepository repository, Exclusions exclusions) {
        this.repository = repository;
        this.exclusions = exclusions;
    }

    @Override
    public boolean grantsRead(Actor actor, Item item) {
        return actor.has(Role.EXPERT) && repository.clearedFor(item.id(), actor.accountId());
    }

    @Override
    public List<ItemPanel> panels(Item item, Actor actor) {
        Optional<Panel> latest = repository.latestForItem(item.id());
        if (latest.isEmpty()) {
            return List.of();
        }
        Panel panel = latest.get();
        boolean secretary = actor.has(Role.COMMITTEE_SECRETARY) && actor.organizationId() == panel.committeeId();
        boolean department = actor.has(Role.APPLICANT) && actor.organizationId() == item.departmentId();
        Long myReview = panel.reviewsBy(actor.accountId()).stream().filter(r -> r.round() == panel.round())
                .filter(r -> r.status() != ReviewStatus.RECUSED && r.status() != ReviewStatus.REMOVED)
                .map(Review::id).reduce((a, b) -> b).orElse(null);
        CommitteeSection section = new CommitteeSection(panel, OpinionWriter.byKind(panel.status().forming()
                ? List.of() : panel.seatedKinds()), panel.signedOpinions().reversed(),
                department || secretary ? exclusions.of(item.id()) : List.of(),
                department ? exclusions.excludable(item) : List.of(), department && exclusions.mayExclude(item),
                exclusions.maxPerItem(), secretary, myReview);
        return List.of(new ItemPanel("committee/item-section", "section", section));
    }
}
