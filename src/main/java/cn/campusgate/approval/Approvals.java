package cn.campusgate.approval;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import cn.campusgate.approval.Approval.Outcome;
import cn.campusgate.approval.Approval.StepAssignment;
import cn.campusgate.approval.ApprovalEvents.ApprovalCopied;
import cn.campusgate.approval.ApprovalEvents.ApprovalResumed;
import cn.campusgate.approval.ApprovalEvents.ApprovalStarted;
import cn.campusgate.approval.ApprovalEvents.ApprovalWithdrawn;
import cn.campusgate.approval.ApprovalEvents.ItemReadyForWhitelist;
import cn.campusgate.approval.ApprovalEvents.QuotaOverridden;
import cn.campusgate.approval.ApprovalEvents.StepDecided;
import cn.campusgate.approval.ApprovalEvents.StepOpened;
import cn.campusgate.approval.ApprovalEvents.StepReminded;
import cn.campusgate.approval.ApprovalEvents.TaskTransferred;
import cn.campusgate.calendar.WorkingCalendar;
import cn.campusgate.core.Actor;
import cn.campusgate.core.Actors;
import cn.campusgate.core.BusinessRuleViolation;
import cn.campusgate.core.Formats;
import cn.campusgate.core.NotFound;
import cn.campusgate.core.Role;
import cn.campusgate.item.ItemContent;
import cn.campusgate.item.ItemEvents.ItemSubmitted;
import cn.campusgate.item.ItemEvents.ItemWithdrawn;
import cn.campusgate.item.ItemRoute;
import cn.campusgate.item.Items;
import cn.campusgate.organization.Account;
import cn.campusgate.organization.Accounts;
import cn.campusgate.organization.Organization;
import cn.campusgate.organization.OrganizationKind;
import cn.campusgate.organization.Organizations;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The approval chain at work. A submission starts (or, after a return, resumes) the item's chain; people
 * act on the open step's tasks; the item follows (returned, rejected, approved). Every action locks its
 * chain first, so two people acting on one step at once are served one after the other and the second
 * is told who was first.
 */
@Service
public class Approvals {

    private final ApprovalRepository repository;
    private final Items items;
    private final Organizations organizations;
    private final Accounts accounts;
    private final WorkingCalendar calendar;
    private final Quotas quotas;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ObjectProvider<StepDecisionGuard> guards;
    private final cn.campusgate.core.SystemTexts systemTexts;

    Approvals(ApprovalRepository repository, Items items, Organizations organizations, Accounts accounts,
              WorkingCalendar calendar, Quotas quotas, ApplicationEventPublisher events, Clock clock,
              ObjectProvider<StepDecisionGuard> guards, cn.campusgate.core.SystemTexts systemTexts) {
        this.systemTexts = systemTexts;
        this.repository = repository;
        this.items = items;
        this.organizations = organizations;
        this.accounts = accounts;
        this.calendar = calendar;
        this.quotas = quotas;
        this.events = events;
        this.clock = clock;
        this.guards = guards;
    }

    // --- reacting to the item ---

    /** In the submitting transaction: a refusal here (no one to act) refuses the submission itself. */
    @EventListener
    void on(ItemSubmitted submitted) {
        Organization department = organizations.get(submitted.departmentId());
        Optional<Approval> open = repository.lockOpenForItem(submitted.itemId());
        ItemContent content = submitted.content();
        TraceEntry entry = new TraceEntry(open.isPresent() ? TraceKind.RESUBMITTED : TraceKind.SUBMITTED, null,
                department.name(), submitted.actor(), displayName(submitted.actor()),
                String.valueOf(submitted.versionNumber()), null, clock.instant());
        boolean exempt = Boolean.TRUE.equals(content.exemptNational());
        Approval approval;
        if (open.isPresent()) {
            approval = open.get();
            approval.resume(ItemScope.of(content), submitted.title(), exempt, entry);
            openStep(approval, Objects.requireNonNullElse(approval.pausedWorkingDays(), 1));
            repository.save(approval);
            events.publishEvent(new ApprovalResumed(submitted.actor(), approval.id(), approval.itemId()));
        } else {
            Procedure procedure = repository.activeProcedure(Objects.requireNonNullElse(content.route(), ItemRoute.ANNUAL));
            long jurisdiction = Objects.requireNonNull(department.parentId(), "a department sits in a jurisdiction");
            java.util.Set<String> applicants = new java.util.LinkedHashSet<>(List.of(submitted.draftedBy(), submitted.actor()));
            approval = Approval.start(submitted.itemId(), procedure, department.id(), submitted.title(),
                    department.name(), jurisdiction, exempt, ItemScope.of(content), applicants, entry);
            openStep(approval, procedure.step(0).deadlineWorkingDays());
            repository.save(approval);
            events.publishEvent(new ApprovalStarted(submitted.actor(), approval.id(), approval.itemId(),
                    procedure.route(), procedure.revision()));
        }
        publishOpened(submitted.actor(), approval);
    }

    @EventListener
    void on(ItemWithdrawn withdrawn) {
        repository.lockOpenForItem(withdrawn.itemId()).ifPresent(approval -> {
            approval.withdraw(Actors.required(), clock.instant());
            repository.save(approval);
            events.publishEvent(new ApprovalWithdrawn(withdrawn.actor(), approval.id(), approval.itemId()));
        });
    }

    // --- acting on a step ---

    /**
     * Approve, return for correction or reject the task.
     *
     * @param quotaOverride the district leadership group's reason for approving beyond a cap
     */
    @Transactional
    public Approval decide(long taskId, Decision decision, @Nullable String text, @Nullable String quotaOverride) {
        return decide(taskId, decision, text, null, quotaOverride);
    }

    /**
     * A decision the system words (the expert committee's opinion): the Chinese text is what the chain keeps and
     * the department reads; the trace also keeps the key, so an English reader reads the line in English.
     */
    @Transactional
    public Approval decide(long taskId, Decision decision, cn.campusgate.core.SystemText text,
                           @Nullable String quotaOverride) {
        return decide(taskId, decision, systemTexts.render(text, null, java.util.Locale.SIMPLIFIED_CHINESE), text,
                quotaOverride);
    }

    private Approval decide(long taskId, Decision decision, @Nullable String text,
                            cn.campusgate.core.@Nullable SystemText systemText, @Nullable String quotaOverride) {
        Actor actor = Actors.required();
        Approval approval = lockedForTask(actor, taskId);
        ApprovalTask task = approval.task(taskId);
        if (task.status() == TaskStatus.OPEN) {
            guards.orderedStream().forEach(guard -> guard.check(task.stepKind(), approval.itemId(), decision));
        }
        String override = null;
        if (decision == Decision.APPROVED && task.stepKind() == StepKind.DISTRICT_APPROVAL
                && task.status() == TaskStatus.OPEN) {
            quotas.lock(approval.jurisdictionId(), approval.year());
            List<MessageSourceResolvable> exceeded = quotas.exceededBy(approval);
            if (!exceeded.isEmpty()) {
                if (quotaOverride == null || quotaOverride.isBlank()) {
                    throw new BusinessRuleViolation("approval.quotaExceeded", exceeded.getFirst());
                }
                if (quotaOverride.strip().length() > 1000) {
                    throw new BusinessRuleViolation("approval.textTooLong", 1000);
                }
                override = quotaOverride.strip();
            }
        }
        int remaining = calendar.workingDaysBetween(today(), task.dueOn());
        Outcome outcome = approval.act(taskId, actor, decision, text, systemText, remaining, override, clock.instant());
        String reason = Objects.requireNonNullElse(task.opinion(), "");
        switch (outcome) {
            case NEXT_STEP -> openStep(approval, approval.currentDefinition().deadlineWorkingDays());
            case READY_FOR_WHITELIST -> items.approve(approval.itemId());
            case RETURNED -> items.returnForCorrection(approval.itemId(), reason);
            case REJECTED -> items.reject(approval.itemId(), reason);
            case WAITING_FOR_OTHERS -> { }
        }
        repository.save(approval);
        events.publishEvent(new StepDecided(actor.username(), approval.id(), approval.itemId(), approval.itemTitle(),
                approval.departmentId(), task.stepKind(), decision, reason));
        if (override != null) {
            events.publishEvent(new QuotaOverridden(actor.username(), approval.id(), approval.itemId(), override));
        }
        if (outcome == Outcome.NEXT_STEP) {
            publishOpened(actor.username(), approval);
        } else if (outcome == Outcome.READY_FOR_WHITELIST) {
            events.publishEvent(new ItemReadyForWhitelist(actor.username(), approval.id(), approval.itemId(),
                    approval.itemTitle(), approval.departmentId(), approval.route(), approval.year(), approval.exempt()));
        }
        return approval;
    }

    /** Hands the task to a colleague of the same organisation who holds the step's role. */
    @Transactional
    public Approval transfer(long taskId, long colleagueId) {
        Actor actor = Actors.required();
        Approval approval = lockedForTask(actor, taskId);
        ApprovalTask task = approval.task(taskId);
        Account colleague = accounts.find(colleagueId).orElse(null);
        boolean eligible = colleague != null && colleague.active() && colleague.organizationId() == actor.organizationId()
                && colleague.roles().contains(task.role());
        approval.transfer(taskId, actor, colleagueId, colleague == null ? "" : colleague.displayName(), eligible,
                clock.instant());
        repository.save(approval);
        events.publishEvent(new TaskTransferred(actor.username(), approval.id(), taskId, approval.itemId(),
                approval.itemTitle(), colleagueId));
        return approval;
    }

    /** 抄送: the open step's holder sends a copy to organisations of the district, which may then follow the item. */
    @Transactional
    public Approval copy(long approvalId, List<Long> organizationIds) {
        Actor actor = Actors.required();
        Approval approval = repository.lock(approvalId).orElseThrow(() -> new NotFound("approval", approvalId));
        items.get(approval.itemId());
        // A blank or unreadable choice in the form arrives as a null id: it chooses nothing.
        organizationIds = organizationIds.stream().filter(java.util.Objects::nonNull).toList();
        if (organizationIds.isEmpty()) {
            throw new BusinessRuleViolation("approval.copy.noneChosen");
        }
        java.util.Set<Long> district = organizations.subtreeOf(approval.jurisdictionId());
        List<Organization> targets = new ArrayList<>();
        for (long id : organizationIds.stream().distinct().toList()) {
            Organization target = organizations.find(id).filter(Organization::active)
                    .filter(o -> district.contains(o.id()) && o.id() != actor.organizationId())
                    .orElseThrow(() -> new BusinessRuleViolation("approval.copy.notInDistrict"));
            targets.add(target);
        }
        approval.recordCopy(actor, targets.stream().map(Organization::name).toList(), clock.instant());
        List<Long> added = repository.addCopies(approval.id(), targets.stream().map(Organization::id).toList(),
                actor.username(), clock.instant());
        repository.save(approval);
        events.publishEvent(new ApprovalCopied(actor.username(), approval.id(), approval.itemId(),
                approval.itemTitle(), added));
        return approval;
    }

    /** 催办 by supervision (or the commission's task-force office) within its district. */
    @Transactional
    public Approval remind(long approvalId, @Nullable String text) {
        Actor actor = Actors.required();
        if (!mayRemind(actor)) {
            throw new AccessDeniedException("supervision only");
        }
        Approval approval = repository.lock(approvalId).orElseThrow(() -> new NotFound("approval", approvalId));
        if (!organizations.scopeOf(actor).contains(approval.jurisdictionId())) {
            throw new NotFound("approval", approvalId);
        }
        if (text != null && text.strip().length() > 500) {
            throw new BusinessRuleViolation("approval.textTooLong", 500);
        }
        if (approval.openTasks().anyMatch(t -> t.organizationId() == actor.organizationId())) {
            throw new BusinessRuleViolation("approval.remind.ownStep");
        }
        List<ApprovalTask> reminded = approval.remind(actor, text, today(), clock.instant(), Formats.ZONE);
        repository.save(approval);
        ApprovalTask first = reminded.getFirst();
        events.publishEvent(new StepReminded(actor.username(), approval.id(), approval.itemId(), approval.itemTitle(),
                first.organizationId(), first.role(), reminded.stream().map(ApprovalTask::assigneeId).filter(Objects::nonNull).toList(),
                first.dueOn()));
        return approval;
    }

    // --- reading ---

    /** The item's latest chain, for someone who may read the item. */
    @Transactional(readOnly = true)
    public Optional<Approval> forItem(long itemId) {
        items.get(itemId);
        return repository.latestForItem(itemId);
    }

    @Transactional(readOnly = true)
    public List<TraceEntry> trace(Approval approval) {
        return repository.trace(approval.id());
    }

    /** Colleagues the actor may hand this task to. */
    @Transactional(readOnly = true)
    public List<Account> colleaguesFor(ApprovalTask task) {
        Actor actor = Actors.required();
        return accounts.activeHolders(task.organizationId(), task.role()).stream()
                .filter(a -> a.id() != actor.accountId()).toList();
    }

    /** Organisations of the chain's district that can receive a copy. */
    @Transactional(readOnly = true)
    public List<Organization> copyTargets(Approval approval) {
        Actor actor = Actors.required();
        java.util.Set<Long> district = organizations.subtreeOf(approval.jurisdictionId());
        // As officials list them: the leadership group, the commission, the supervision office, the expert
        // committee, then the departments; by name (in Chinese order) within each kind.
        List<OrganizationKind> order = List.of(OrganizationKind.DISTRICT_LEADERSHIP_GROUP,
                OrganizationKind.EDUCATION_COMMISSION, OrganizationKind.SUPERVISION_OFFICE,
                OrganizationKind.EXPERT_COMMITTEE, OrganizationKind.DEPARTMENT);
        java.text.Collator chinese = java.text.Collator.getInstance(java.util.Locale.CHINA);
        return order.stream()
                .flatMap(kind -> organizations.ofKind(kind).stream()
                        .filter(o -> o.active() && district.contains(o.id()) && o.id() != actor.organizationId())
                        .sorted(java.util.Comparator.comparing(Organization::name, chinese)))
                .toList();
    }

    /** What approving now would exceed; shown before the leadership group (and the commission) decide. */
    @Transactional(readOnly = true)
    public List<MessageSourceResolvable> quotaWarnings(Approval approval) {
        return quotas.exceededBy(approval);
    }

    /** Where the step is decided instead of the item page's form, when another module decides it. */
    public Optional<String> decidedElsewhere(StepKind step, long itemId) {
        return guards.orderedStream().map(guard -> guard.decidedAt(step, itemId)).flatMap(Optional::stream)
                .findFirst();
    }

    public boolean mayRemind(Actor actor) {
        return actor.has(Role.SUPERVISOR) || actor.has(Role.COMMISSION_REVIEWER);
    }

    /** The chain that holds the task, locked; a task of another organisation does not exist for the actor. */
    private Approval lockedForTask(Actor actor, long taskId) {
        Approval approval = repository.lockForTask(taskId).orElseThrow(() -> new NotFound("approvalTask", taskId));
        if (approval.task(taskId).organizationId() != actor.organizationId()) {
            throw new NotFound("approvalTask", taskId);
        }
        return approval;
    }

    private void openStep(Approval approval, int workingDays) {
        StepDefinition step = approval.currentDefinition();
        Organization acting = actingOrganization(step.organizationKind(), approval.jurisdictionId());
        List<Long> assignees = step.quorum() == Quorum.ALL
                ? accounts.activeHolders(acting.id(), step.role()).stream().map(Account::id).toList()
                : List.of();
        approval.openCurrentStep(new StepAssignment(acting.id(), acting.name(), assignees),
                calendar.addWorkingDays(today(), workingDays), clock.instant());
    }

    private void publishOpened(String actor, Approval approval) {
        approval.openTasks().findFirst().ifPresent(task -> events.publishEvent(new StepOpened(actor, approval.id(),
                approval.itemId(), approval.itemTitle(), task.stepKind(), task.organizationId(), task.role(),
                approval.openTasks().map(ApprovalTask::assigneeId).filter(Objects::nonNull).toList(), task.dueOn())));
    }

    /** The organisation of that kind in the item's jurisdiction, or in the nearest one above it. */
    private Organization actingOrganization(OrganizationKind kind, long jurisdictionId) {
        List<Organization> candidates = organizations.ofKind(kind).stream().filter(Organization::active).toList();
        Long level = jurisdictionId;
        while (level != null) {
            long parent = level;
            Optional<Organization> found = candidates.stream()
                    .filter(o -> o.parentId() != null && o.parentId() == parent).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            level = organizations.get(parent).parentId();
        }
        throw new BusinessRuleViolation("approval.noActingOrganization",
                new org.springframework.context.support.DefaultMessageSourceResolvable("organization.kind." + kind));
    }

    /** Blank for the system itself (the trace then says 系统). */
    private String displayName(String username) {
        if (Actors.SYSTEM.equals(username)) {
            return "";
        }
        return accounts.findByUsername(username).map(Account::displayName).orElse(username);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
