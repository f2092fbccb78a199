package cn.campusgate.committee;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.campusgate.committee.CommitteeEvents.ExclusionRequested;
import cn.campusgate.committee.CommitteeEvents.ExclusionWithdrawn;
import cn.campusgate.core.Actor;
import cn.campusgate.core.Actors;
import cn.campusgate.core.BusinessRuleViolation;
import cn.campusgate.core.Role;
import cn.campusgate.item.Item;
import cn.campusgate.item.Items;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 回避申请: the applying department names committee members who should not review its item, each with a
 * reason, while the item's panel is still being formed. The draw treats them as conflicted; the secretary
 * sees the reasons.
 */
@Service
public class Exclusions {

    private final PanelRepository repository;
    private final Items items;
    private final Roster roster;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int maxPerItem;

    Exclusions(PanelRepository repository, Items items, Roster roster, ApplicationEventPublisher events, Clock clock,
               @Value("${campusgate.committee.max-exclusions:3}") int maxPerItem) {
        this.repository = repository;
        this.items = items;
        this.roster = roster;
        this.events = events;
        this.clock = clock;
        this.maxPerItem = maxPerItem;
    }

    /** A member the department asked to exclude, and why. */
    public record Exclusion(long accountId, String name, String kindKey, String reason) {
    }

    /** The item's exclusions, for whoever may read the item. */
    @Transactional(readOnly = true)
    public List<Exclusion> of(long itemId) {
        Item item = items.get(itemId);
        Map<Long, String> reasons = repository.exclusions(item.id());
        Optional<Panel> panel = repository.latestForItem(item.id());
        List<CommitteeMember> members = panel.map(p -> roster.members(p.committeeId())).orElse(List.of());
        return reasons.entrySet().stream().map(e -> {
            CommitteeMember member = members.stream().filter(m -> m.accountId() == e.getKey()).findFirst().orElse(null);
            return new Exclusion(e.getKey(), member == null ? String.valueOf(e.getKey()) : member.name(),
                    member == null ? "" : "account.memberKind." + member.kind(), e.getValue());
        }).toList();
    }

    /** Members the department may still name: the committee's roster, while the panel is being formed. */
    @Transactional(readOnly = true)
    public List<CommitteeMember> excludable(Item item) {
        if (!mayExclude(item)) {
            return List.of();
        }
        Map<Long, String> already = repository.exclusions(item.id());
        return repository.latestForItem(item.id()).map(p -> roster.members(p.committeeId())).orElse(List.of())
                .stream().filter(m -> !already.containsKey(m.accountId())).toList();
    }

    /** How many members one item may exclude. */
    public int maxPerItem() {
        return maxPerItem;
    }

    /** Whether the actor's department may change the item's exclusions now. */
    public boolean mayExclude(Item item) {
        Actor actor = Actors.required();
        return actor.has(Role.APPLICANT) && item.departmentId() == actor.organizationId()
                && repository.latestForItem(item.id()).map(p -> p.status().forming()).orElse(false);
    }

    @Transactional
    public void exclude(long itemId, long accountId, String reason) {
        Item item = ownItem(itemId);
        Panel panel = repository.lockLiveForItem(itemId).filter(p -> p.status().forming())
                .orElseThrow(() -> new BusinessRuleViolation("committee.exclusion.panelFormed"));
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new BusinessRuleViolation("committee.exclusion.reasonRequired");
        }
        if (why.length() > Panel.MAX_REASON) {
            throw new BusinessRuleViolation("committee.reasonTooLong", Panel.MAX_REASON);
        }
        if (roster.members(panel.committeeId()).stream().noneMatch(m -> m.accountId() == accountId)) {
            throw new BusinessRuleViolation("committee.exclusion.notAMember");
        }
        if (repository.exclusions(item.id()).size() >= maxPerItem) {
            throw new BusinessRuleViolation("committee.exclusion.tooMany", maxPerItem);
        }
        if (!repository.addExclusion(item.id(), accountId, why, Actors.required().username(), clock.instant())) {
            throw new BusinessRuleViolation("committee.exclusion.already");
        }
        events.publishEvent(new ExclusionRequested(Actors.required().username(), item.id(), accountId, why));
    }

    @Transactional
    public void withdraw(long itemId, long accountId) {
        Item item = ownItem(itemId);
        repository.lockLiveForItem(itemId).filter(p -> p.status().forming())
                .orElseThrow(() -> new BusinessRuleViolation("committee.exclusion.panelFormed"));
        if (!repository.removeExclusion(item.id(), accountId)) {
            throw new BusinessRuleViolation("committee.exclusion.none");
        }
        events.publishEvent(new ExclusionWithdrawn(Actors.required().username(), item.id(), accountId));
    }

    private Item ownItem(long itemId) {
        Actor actor = Actors.required();
        Item item = items.get(itemId);
        if (!actor.has(Role.APPLICANT) || item.departmentId() != actor.organizationId()) {
            throw new AccessDeniedException("the applying department only");
        }
        return item;
    }
}
