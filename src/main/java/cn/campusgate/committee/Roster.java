package cn.campusgate.committee;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import cn.campusgate.committee.CommitteeEvents.RosterProfileUpdated;
import cn.campusgate.core.Actor;
import cn.campusgate.core.Actors;
import cn.campusgate.core.BusinessRuleViolation;
import cn.campusgate.core.NotFound;
import cn.campusgate.core.Role;
import cn.campusgate.organization.Account;
import cn.campusgate.organization.Accounts;
import cn.campusgate.organization.Organization;
import cn.campusgate.organization.OrganizationKind;
import cn.campusgate.organization.Organizations;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The committee's roster: its members (accounts holding the expert role in the committee, with their kind)
 * and what the secretary keeps about each: affiliation, topics, term, availability and declared conflicts.
 */
@Service
public class Roster {

    private final PanelRepository repository;
    private final Accounts accounts;
    private final Organizations organizations;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Roster(PanelRepository repository, Accounts accounts, Organizations organizations,
           ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.accounts = accounts;
        this.organizations = organizations;
        this.events = events;
        this.clock = clock;
    }

    /** Every active member of the committee, by kind and name. */
    @Transactional(readOnly = true)
    public List<CommitteeMember> members(long committeeId) {
        Map<Long, RosterProfile> profiles = repository.profiles(committeeId);
        return accounts.activeHolders(committeeId, Role.EXPERT).stream()
                .filter(a -> a.memberKind() != null)
                .map(a -> member(a, committeeId, profiles.getOrDefault(a.id(), RosterProfile.blank())))
                .sorted(Comparator.comparing(CommitteeMember::kind).thenComparing(CommitteeMember::name))
                .toList();
    }

    /** One member of the secretary's committee. */
    @Transactional(readOnly = true)
    public CommitteeMember member(long accountId) {
        Actor actor = requireSecretary();
        return members(actor.organizationId()).stream().filter(m -> m.accountId() == accountId).findFirst()
                .orElseThrow(() -> new NotFound("committee-member", accountId));
    }

    @Transactional
    public CommitteeMember update(long accountId, RosterCommand command) {
        Actor actor = requireSecretary();
        CommitteeMember member = member(accountId);
        RosterProfile profile = command.toProfile();
        if (profile.termStarts() != null && profile.termEnds() != null
                && profile.termEnds().isBefore(profile.termStarts())) {
            throw new BusinessRuleViolation("committee.roster.termOrder");
        }
        for (long organizationId : profile.conflictOrganizationIds()) {
            organizations.find(organizationId).orElseThrow(() -> new BusinessRuleViolation("committee.roster.unknownOrganization"));
        }
        if (profile.topics().stream().anyMatch(t -> t.length() > 20)) {
            throw new BusinessRuleViolation("committee.roster.topicTooLong", 20);
        }
        repository.saveProfile(accountId, member.committeeId(), profile, actor.username(), clock.instant());
        events.publishEvent(new RosterProfileUpdated(actor.username(), accountId, member.committeeId()));
        return member(accountId);
    }

    /** Organisations a member may declare ties with: the district's departments and commission. */
    @Transactional(readOnly = true)
    public List<Organization> declarableOrganizations() {
        return java.util.stream.Stream.of(OrganizationKind.DEPARTMENT, OrganizationKind.EDUCATION_COMMISSION)
                .flatMap(kind -> organizations.ofKind(kind).stream()).filter(Organization::active)
                .sorted(Comparator.comparing(Organization::name)).toList();
    }

    /** The names of the organisations a member declared. */
    List<ConflictPolicy.Named> declared(RosterProfile profile) {
        return profile.conflictOrganizationIds().stream().map(organizations::find).flatMap(java.util.Optional::stream)
                .map(o -> new ConflictPolicy.Named(o.id(), o.name(), o.shortName())).toList();
    }

    /** Sets a member's profile without an acting secretary: the demo seed. */
    @Transactional
    void seed(long accountId, long committeeId, RosterProfile profile) {
        repository.saveProfile(accountId, committeeId, profile, Actors.SYSTEM, clock.instant());
        events.publishEvent(new RosterProfileUpdated(Actors.SYSTEM, accountId, committeeId));
    }

    private static CommitteeMember member(Account account, long committeeId, RosterProfile profile) {
        return new CommitteeMember(account.id(), account.username(), account.displayName(),
                Objects.requireNonNull(account.memberKind()), account.active(), committeeId, profile);
    }

    static Actor requireSecretary() {
        Actor actor = Actors.required();
        if (!actor.has(Role.COMMITTEE_SECRETARY)) {
            throw new AccessDeniedException("committee secretaries only");
        }
        return actor;
    }
}
