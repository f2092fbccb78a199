package cn.campusgate.organization;

import java.time.Clock;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import cn.campusgate.core.Actor;
import cn.campusgate.core.Actors;
import cn.campusgate.core.BusinessRuleViolation;
import cn.campusgate.core.NotFound;
import cn.campusgate.core.Role;
import cn.campusgate.organization.OrganizationEvents.OrganizationCreated;
import cn.campusgate.organization.OrganizationEvents.OrganizationDeactivated;
import cn.campusgate.organization.OrganizationEvents.OrganizationReactivated;
import cn.campusgate.organization.OrganizationEvents.OrganizationUpdated;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organisation directory: what other modules ask about organisations, and the administrator's
 * changes to it. An administrator manages the organisations inside their own jurisdiction only.
 */
@Service
public class Organizations {

    private final OrganizationRepository repository;
    private final AccountRepository accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Organizations(OrganizationRepository repository, AccountRepository accounts, ApplicationEventPublisher events,
                  Clock clock) {
        this.repository = repository;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<Organization> find(long id) {
        return repository.findById(id);
    }

    @Transactional(readOnly = true)
    public Organization get(long id) {
        return repository.findById(id).orElseThrow(() -> new NotFound("organization", id));
    }

    @Transactional(readOnly = true)
    public Optional<Organization> findByCode(String code) {
        return repository.findByCode(code);
    }

    @Transactional(readOnly = true)
    public List<Organization> ofKind(OrganizationKind kind) {
        return repository.findByKindOrderByNameAsc(kind);
    }

    /** Active towns and streets, streets first as the district lists them. */
    @Transactional(readOnly = true)
    public List<Organization> towns() {
        return repository.findByKindOrderByNameAsc(OrganizationKind.JURISDICTION).stream()
                .filter(o -> o.active() && o.jurisdictionLevel() == JurisdictionLevel.TOWN)
                .sorted(Comparator.comparing((Organization o) -> o.townKind() == TownKind.TOWN).thenComparing(Organization::id))
                .toList();
    }

    /** The organisations an administrator may see and manage: their jurisdiction and all below it. */
    @Transactional(readOnly = true)
    public Set<Long> scopeOf(Actor actor) {
        return new HashSet<>(repository.subtreeIds(scopeRoot(actor)));
    }

    /** An organisation and everything below it, e.g. a district's towns, schools and departments. */
    @Transactional(readOnly = true)
    public Set<Long> subtreeOf(long rootId) {
        return new HashSet<>(repository.subtreeIds(rootId));
    }

    /** Organisations in the actor's scope, filtered by kind and a text in name or code. */
    @Transactional(readOnly = true)
    public List<Organization> search(Actor actor, @Nullable OrganizationKind kind, String text, boolean includeInactive) {
        Set<Long> scope = scopeOf(actor);
        String needle = text.strip().toLowerCase(Locale.ROOT);
        return repository.findAllById(scope).stream()
                .filter(o -> kind == null || o.kind() == kind)
                .filter(o -> includeInactive || o.active())
                .filter(o -> needle.isEmpty() || o.name().toLowerCase(Locale.ROOT).contains(needle)
                        || o.code().toLowerCase(Locale.ROOT).contains(needle))
                .sorted(Comparator.comparing(Organization::kind).thenComparing(Organization::id))
                .toList();
    }

    @Transactional
    public Organization create(OrganizationCommand command) {
        Actor actor = requireAdministrator();
        Organization parent = parentInScope(actor, command.parentId());
        Organization organization = Organization.create(command, parent, generatedCode(command.kind()), clock.instant());
        organization = save(organization);
        events.publishEvent(new OrganizationCreated(actor.username(), organization.id(), organization.kind(),
                organization.name()));
        return organization;
    }

    @Transactional
    public Organization update(long id, int expectedVersion, OrganizationCommand command) {
        Actor actor = requireAdministrator();
        Organization organization = inScope(actor, id);
        checkVersion(organization.version(), expectedVersion);
        Organization parent = parentInScope(actor, command.parentId());
        organization.update(command, parent, clock.instant());
        organization = save(organization);
        events.publishEvent(new OrganizationUpdated(actor.username(), id, organization.name()));
        return organization;
    }

    /** Deactivates an organisation that has no active organisations or accounts below it. */
    @Transactional
    public Organization deactivate(long id) {
        Actor actor = requireAdministrator();
        Organization organization = inScope(actor, id);
        if (organization.id() == actor.organizationId()) {
            throw new BusinessRuleViolation("organization.deactivate.own");
        }
        if (repository.countActiveChildren(id) > 0) {
            throw new BusinessRuleViolation("organization.deactivate.hasChildren", organization.name());
        }
        if (accounts.countActiveByOrganization(id) > 0) {
            throw new BusinessRuleViolation("organization.deactivate.hasAccounts", organization.name());
        }
        organization.deactivate(clock.instant());
        organization = repository.save(organization);
        events.publishEvent(new OrganizationDeactivated(actor.username(), id, organization.name()));
        return organization;
    }

    @Transactional
    public Organization reactivate(long id) {
        Actor actor = requireAdministrator();
        Organization organization = inScope(actor, id);
        if (organization.parentId() != null && !get(organization.parentId()).active()) {
            throw new BusinessRuleViolation("organization.parent.inactive", get(organization.parentId()).name());
        }
        organization.reactivate(clock.instant());
        organization = save(organization);
        events.publishEvent(new OrganizationReactivated(actor.username(), id, organization.name()));
        return organization;
    }

    /** Saves, turning a clash with an existing active name or code into a message the user can act on. */
    Organization save(Organization organization) {
        try {
            return repository.save(organization);
        } catch (DuplicateKeyException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("code")) {
                throw new BusinessRuleViolation("organization.code.taken", organization.code());
            }
            throw new BusinessRuleViolation("organization.name.taken", organization.name());
        }
    }

    /** An organisation the signed-in administrator manages; outside their scope it does not exist. */
    @Transactional(readOnly = true)
    public Organization getManaged(long id) {
        return inScope(requireAdministrator(), id);
    }

    Organization inScope(Actor actor, long id) {
        Organization organization = get(id);
        if (!scopeOf(actor).contains(id)) {
            throw new NotFound("organization", id); // outside the actor's jurisdiction: as if it did not exist
        }
        return organization;
    }

    private @Nullable Organization parentInScope(Actor actor, @Nullable Long parentId) {
        if (parentId == null) {
            return null;
        }
        Organization parent = get(parentId);
        if (!scopeOf(actor).contains(parentId)) {
            throw new BusinessRuleViolation("organization.parent.outOfScope", parent.name());
        }
        return parent;
    }

    private long scopeRoot(Actor actor) {
        Organization own = get(actor.organizationId());
        if (own.kind() == OrganizationKind.JURISDICTION || own.parentId() == null) {
            return own.id();
        }
        return own.parentId();
    }

    private String generatedCode(OrganizationKind kind) {
        String prefix = switch (kind) {
            case JURISDICTION -> "J";
            case SCHOOL -> "S";
            case DEPARTMENT -> "D";
            case EDUCATION_COMMISSION -> "E";
            case EXPERT_COMMITTEE -> "C";
            case SUPERVISION_OFFICE -> "V";
            case DISTRICT_LEADERSHIP_GROUP, MUNICIPAL_LEADERSHIP_GROUP -> "L";
        };
        return prefix + repository.nextCodeNumber();
    }

    static void checkVersion(int actual, int expected) {
        if (actual != expected) {
            throw new BusinessRuleViolation("error.stale");
        }
    }

    static Actor requireAdministrator() {
        Actor actor = Actors.required();
        if (!actor.has(Role.ADMINISTRATOR)) {
            throw new org.springframework.security.access.AccessDeniedException("administrator only");
        }
        return actor;
    }
}
