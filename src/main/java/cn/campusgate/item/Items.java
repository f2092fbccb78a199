package cn.campusgate.item;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import cn.campusgate.core.Actor;
import cn.campusgate.core.Actors;
import cn.campusgate.core.BusinessRuleViolation;
import cn.campusgate.core.NotFound;
import cn.campusgate.core.Role;
import cn.campusgate.item.ItemEvents.ItemApproved;
import cn.campusgate.item.ItemEvents.ItemDraftSaved;
import cn.campusgate.item.ItemEvents.ItemDrafted;
import cn.campusgate.item.ItemEvents.ItemRejected;
import cn.campusgate.item.ItemEvents.ItemReturned;
import cn.campusgate.item.ItemEvents.ItemSubmitted;
import cn.campusgate.item.ItemEvents.ItemWithdrawn;
import cn.campusgate.organization.Organizations;
import cn.campusgate.screening.Finding;
import cn.campusgate.screening.SimilarTheme;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Items as departments and reviewers work on them. A department sees and changes only its own items;
 * the education commission sees every submitted item of its district; whoever takes part in an item's
 * approval chain sees that item. The chain itself moves a submitted item on (return, approve, reject).
 */
@Service
public class Items {

    private final ItemRepository repository;
    private final ItemScreening screening;
    private final Organizations organizations;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ObjectProvider<ItemParticipation> participations;

    Items(ItemRepository repository, ItemScreening screening, Organizations organizations,
          ApplicationEventPublisher events, Clock clock, ObjectProvider<ItemParticipation> participations) {
        this.repository = repository;
        this.screening = screening;
        this.organizations = organizations;
        this.events = events;
        this.clock = clock;
        this.participations = participations;
    }

    /** A submitted version, as submitted. */
    public record Version(int number, ItemContent content, String submittedBy, java.time.Instant submittedAt) {
    }

    @Transactional
    public Item draft(ItemContent content) {
        Actor actor = requireApplicant();
        Item item = repository.save(Item.draft(actor.organizationId(), content, actor.username(), clock.instant()));
        events.publishEvent(new ItemDrafted(actor.username(), item.id(), item.departmentId(), item.title()));
        return item;
    }

    @Transactional
    public Item saveDraft(long id, int expectedVersion, ItemContent content) {
        Actor actor = requireApplicant();
        Item item = own(actor, id, expectedVersion);
        item.saveDraft(content, clock.instant());
        repository.save(item);
        events.publishEvent(new ItemDraftSaved(actor.username(), id));
        return item;
    }

    /** Submits the item's current content; refused when incomplete or when screening refuses it. */
    @Transactional
    public Item submit(long id, int expectedVersion) {
        Actor actor = requireApplicant();
        Item item = own(actor, id, expectedVersion);
        int number = item.submit(today(), screening.refusals(item.content(), LocaleContextHolder.getLocale()),
                clock.instant());
        repository.save(item);
        screening.index(item);
        repository.saveVersion(id, number, item.content(), actor.username(), clock.instant());
        events.publishEvent(new ItemSubmitted(actor.username(), id, item.departmentId(), number, item.title(),
                item.content(), item.createdBy()));
        return item;
    }

    @Transactional
    public Item withdraw(long id, int expectedVersion) {
        Actor actor = requireApplicant();
        Item item = own(actor, id, expectedVersion);
        participations.orderedStream().forEach(p -> p.checkWithdrawal(item));
        item.withdraw(clock.instant());
        repository.save(item);
        screening.forget(item);
        events.publishEvent(new ItemWithdrawn(actor.username(), id, item.departmentId()));
        return item;
    }

    /**
     * A step of the approval chain returns the item for correction (补正). Called by the approval chain,
     * which has already checked that the actor holds that step.
     */
    @Transactional
    public Item returnForCorrection(long id, String reason) {
        Item item = repository.findById(id).orElseThrow(() -> new NotFound("item", id));
        item.returnForRevision(reason, clock.instant());
        repository.save(item);
        events.publishEvent(new ItemReturned(Actors.currentName(), id, item.departmentId(),
                item.returnReason()));
        return item;
    }

    /** The approval chain's last step passed; called by the chain. */
    @Transactional
    public Item approve(long id) {
        Item item = repository.findById(id).orElseThrow(() -> new NotFound("item", id));
        item.approve(clock.instant());
        repository.save(item);
        events.publishEvent(new ItemApproved(Actors.currentName(), id, item.departmentId()));
        return item;
    }

    /** A step of the approval chain rejected the item; called by the chain. */
    @Transactional
    public Item reject(long id, String reason) {
        Item item = repository.findById(id).orElseThrow(() -> new NotFound("item", id));
        item.reject(reason, clock.instant());
        repository.save(item);
        events.publishEvent(new ItemRejected(Actors.currentName(), id, item.departmentId(),
                item.returnReason()));
        return item;
    }

    /** Sections other modules add to the item page for the actor. */
    public List<ItemParticipation.ItemPanel> panels(Item item) {
        Actor actor = Actors.required();
        return participations.orderedStream().flatMap(p -> p.panels(item, actor).stream()).toList();
    }

    /** An item the actor may see: their department's, or any in the district for the commission. */
    @Transactional(readOnly = true)
    public Item get(long id) {
        return visible(Actors.required(), id);
    }

    /** One item, whoever owns it: for listeners and system jobs, never for a person's view. */
    @Transactional(readOnly = true)
    public Item getForSystem(long id) {
        return repository.findById(id).orElseThrow(() -> new NotFound("item", id));
    }

    /** Every item in a status, whoever owns it: for system jobs, never for a person's view. */
    @Transactional(readOnly = true)
    public List<Item> inStatusForSystem(ItemStatus status) {
        return repository.findByStatus(status);
    }

    @Transactional(readOnly = true)
    public List<Item> visibleItems() {
        Actor actor = Actors.required();
        return repository.findByDepartments(visibleDepartments(actor)).stream()
                .filter(item -> mayRead(actor, item)).toList();
    }

    @Transactional(readOnly = true)
    public List<Version> versions(long id) {
        get(id);
        return repository.versions(id);
    }

    /** Screening findings for content being written (the item's own earlier text is not "similar"). */
    public List<Finding> screen(ItemContent content, @Nullable Long itemId) {
        if (itemId != null) {
            get(itemId);
        }
        return screening.findings(content, itemId, LocaleContextHolder.getLocale(), this::departmentOfTheme);
    }

    /** Items and whitelist entries of any department with the same or a similar theme. */
    @Transactional(readOnly = true)
    public List<SimilarTheme> similarTo(long id, int limit) {
        return screening.similarTo(get(id), limit);
    }

    /**
     * A similar theme with the department that owns it, so the department knows whom to ask about merging;
     * {@code own} when it is the reader's own department's.
     */
    public record Similar(SimilarTheme theme, @Nullable String departmentName, boolean own) {
    }

    /** The department owning a similar theme's item (by the theme's key), for the hint to name it. */
    private @Nullable String departmentOfTheme(String key) {
        if (!key.startsWith(ItemScreening.KEY_PREFIX)) {
            return null;
        }
        try {
            return repository.findById(Long.parseLong(key.substring(ItemScreening.KEY_PREFIX.length())))
                    .map(other -> organizations.get(other.departmentId()).name()).orElse(null);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** {@link #similarTo} with each item's department named (only the name: the item stays out of reach). */
    @Transactional(readOnly = true)
    public List<Similar> similarWithDepartments(long id, int limit) {
        Item item = get(id);
        return screening.similarTo(item, limit).stream().map(theme -> {
            Long otherId = theme.key().startsWith(ItemScreening.KEY_PREFIX)
                    ? Long.valueOf(theme.key().substring(ItemScreening.KEY_PREFIX.length())) : null;
            Item other = otherId == null ? null : repository.findById(otherId).orElse(null);
            return other == null ? new Similar(theme, null, false)
                    : new Similar(theme, organizations.get(other.departmentId()).name(),
                    other.departmentId() == item.departmentId());
        }).toList();
    }

    /** What the content still lacks before it can be submitted today. */
    public List<ItemContent.Problem> submissionProblems(ItemContent content) {
        return content.problemsForSubmission(today());
    }

    /** Whether the department may withdraw the item now: its state and the approval chain allow it. */
    public boolean mayWithdraw(Item item) {
        if (!mayWorkOn(item) || !item.status().canMoveTo(ItemStatus.WITHDRAWN)) {
            return false;
        }
        try {
            participations.orderedStream().forEach(p -> p.checkWithdrawal(item));
            return true;
        } catch (BusinessRuleViolation refused) {
            return false;
        }
    }

    /** Whether the actor may edit, submit or withdraw this item (their department's, in a state that allows it). */
    public boolean mayWorkOn(Item item) {
        Actor actor = Actors.required();
        return actor.has(Role.APPLICANT) && item.departmentId() == actor.organizationId();
    }

    private Item own(Actor actor, long id, int expectedVersion) {
        Item item = repository.findById(id).orElseThrow(() -> new NotFound("item", id));
        if (item.departmentId() != actor.organizationId()) {
            throw new NotFound("item", id);
        }
        checkVersion(item, expectedVersion);
        return item;
    }

    private Item visible(Actor actor, long id) {
        Item item = repository.findById(id).orElseThrow(() -> new NotFound("item", id));
        boolean ownOrReviewed = visibleDepartments(actor).contains(item.departmentId()) && mayRead(actor, item);
        if (!ownOrReviewed && !(item.submittedVersions() > 0
                && participations.orderedStream().anyMatch(p -> p.grantsRead(actor, item)))) {
            throw new NotFound("item", id);
        }
        return item;
    }

    /** A draft that was never submitted belongs to its department alone. */
    private static boolean mayRead(Actor actor, Item item) {
        return item.departmentId() == actor.organizationId() || item.submittedVersions() > 0;
    }

    private Set<Long> visibleDepartments(Actor actor) {
        if (actor.has(Role.COMMISSION_REVIEWER)) {
            return organizations.scopeOf(actor);
        }
        return actor.has(Role.APPLICANT) ? Set.of(actor.organizationId()) : Set.of();
    }

    private static void checkVersion(Item item, int expectedVersion) {
        if (item.version() != expectedVersion) {
            throw new BusinessRuleViolation("error.stale");
        }
    }

    private static Actor requireApplicant() {
        Actor actor = Actors.required();
        if (!actor.has(Role.APPLICANT)) {
            throw new AccessDeniedException("applying departments only");
        }
        return actor;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
