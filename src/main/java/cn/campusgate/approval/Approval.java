package cn.campusgate.approval;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import cn.campusgate.core.Actor;
import cn.campusgate.core.BusinessRuleViolation;
import cn.campusgate.core.Formats;
import cn.campusgate.item.ItemRoute;
import org.jspecify.annotations.Nullable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * One item's way through its procedure. Owns the chain's invariants: only the open step's tasks can be
 * acted on, by their holders, never by the item's applicants nor by whoever acted on the step before
 * (four eyes); a countersigned step passes when all have approved; a return pauses the step's clock until
 * resubmission; the department may withdraw until a step acts on its latest submission.
 */
public final class Approval {

    /** What an action did to the chain; the service opens the next step or tells the item. */
    public enum Outcome { WAITING_FOR_OTHERS, NEXT_STEP, READY_FOR_WHITELIST, RETURNED, REJECTED }

    /** Whom the opened step waits for, found by the service; {@code assignees} only for countersigning. */
    public record StepAssignment(long organizationId, String organizationName, List<Long> assignees) {
        public StepAssignment {
            assignees = List.copyOf(assignees);
        }
    }

    static final int MAX_TEXT = 2000;

    private @Nullable Long id;
    private int version;
    private final long itemId;
    private final Procedure procedure;
    private final long departmentId;
    private String itemTitle;
    private final String departmentName;
    private final long jurisdictionId;
    private boolean exempt;
    private ItemScope scope;
    private ApprovalStatus status;
    private int currentStep;
    private @Nullable Integer pausedWorkingDays;
    private final Set<String> applicants;
    private Instant lastSubmittedAt;
    private boolean districtApproved;
    private final Instant startedAt;
    private Instant updatedAt;
    private @Nullable Instant finishedAt;
    private final List<ApprovalTask> tasks;
    private final List<TraceEntry> newTrace = new ArrayList<>();

    Approval(@Nullable Long id, int version, long itemId, Procedure procedure, long departmentId, String itemTitle,
             String departmentName, long jurisdictionId, boolean exempt, ItemScope scope, ApprovalStatus status,
             int currentStep, @Nullable Integer pausedWorkingDays, Set<String> applicants, Instant lastSubmittedAt,
             boolean districtApproved, Instant startedAt, Instant updatedAt, @Nullable Instant finishedAt,
             List<ApprovalTask> tasks) {
        this.id = id;
        this.version = version;
        this.itemId = itemId;
        this.procedure = procedure;
        this.departmentId = departmentId;
        this.itemTitle = itemTitle;
        this.departmentName = departmentName;
        this.jurisdictionId = jurisdictionId;
        this.exempt = exempt;
        this.scope = scope;
        this.status = status;
        this.currentStep = currentStep;
        this.pausedWorkingDays = pausedWorkingDays;
        this.applicants = new LinkedHashSet<>(applicants);
        this.lastSubmittedAt = lastSubmittedAt;
        this.districtApproved = districtApproved;
        this.startedAt = startedAt;
        this.updatedAt = updatedAt;
        this.finishedAt = finishedAt;
        this.tasks = new ArrayList<>(tasks);
    }

    /** A first submission starts the chain at its first step (which the service then opens). */
    static Approval start(long itemId, Procedure procedure, long departmentId, String itemTitle, String departmentName,
                          long jurisdictionId, boolean exempt, ItemScope scope, Set<String> applicants,
                          TraceEntry submission) {
        Approval approval = new Approval(null, 0, itemId, procedure, departmentId, itemTitle, departmentName,
                jurisdictionId, exempt, scope, ApprovalStatus.IN_PROGRESS, 0, null, applicants, submission.at(),
                false, submission.at(), submission.at(), null, List.of());
        approval.newTrace.add(submission);
        return approval;
    }

    /** Opens the current step: one task for the organisation, or one per member when countersigning. */
    void openCurrentStep(StepAssignment assignment, LocalDate dueOn, Instant now) {
        StepDefinition step = currentDefinition();
        if (step.quorum() == Quorum.ALL) {
            if (assignment.assignees().isEmpty()) {
                throw new BusinessRuleViolation("approval.nobodyHoldsStep", assignment.organizationName());
            }
            assignment.assignees().forEach(account -> tasks.add(ApprovalTask.open(currentStep, step.kind(),
                    assignment.organizationId(), step.role(), account, now, dueOn)));
        } else {
            tasks.add(ApprovalTask.open(currentStep, step.kind(), assignment.organizationId(), step.role(), null, now,
                    dueOn));
        }
        pausedWorkingDays = null;
        updatedAt = now;
        newTrace.add(new TraceEntry(TraceKind.STEP_OPENED, currentStep, assignment.organizationName(), "system", "",
                null, dueOn, now));
    }

    /**
     * The actor decides on their task of the open step.
     *
     * @param remainingWorkingDays the step's working days left today; kept when the item is returned
     * @param quotaOverride        the leadership group's reason for exceeding a cap, when it does
     */
    Outcome act(long taskId, Actor actor, Decision decision, @Nullable String text, int remainingWorkingDays,
                @Nullable String quotaOverride, Instant now) {
        return act(taskId, actor, decision, text, null, remainingWorkingDays, quotaOverride, now);
    }

    /** @param systemText the key behind {@code text} when the system worded it, for readers of other languages */
    Outcome act(long taskId, Actor actor, Decision decision, @Nullable String text,
                cn.campusgate.core.@Nullable SystemText systemText, int remainingWorkingDays,
                @Nullable String quotaOverride, Instant now) {
        ApprovalTask task = task(taskId);
        if (task.status() != TaskStatus.OPEN) {
            throw alreadyActed(task);
        }
        if (status != ApprovalStatus.IN_PROGRESS || task.stepNo() != currentStep) {
            throw new BusinessRuleViolation("approval.stepNotOpen");
        }
        if (!task.actionableBy(actor)) {
            throw new BusinessRuleViolation("approval.notYourTask");
        }
        fourEyesProblem(actor).ifPresent(key -> {
            throw new BusinessRuleViolation(key);
        });
        String reason = text == null ? null : text.strip();
        if (reason != null && reason.length() > MAX_TEXT) {
            throw new BusinessRuleViolation("approval.textTooLong", MAX_TEXT);
        }
        // Every decision carries its opinion (R-4: every step has a reason); a return or rejection its reason.
        if (reason == null || reason.isEmpty()) {
            throw new BusinessRuleViolation(decision == Decision.APPROVED ? "approval.opinionRequired"
                    : "approval.reasonRequired");
        }
        String organizationName = actor.organizationName();
        task.complete(decision, reason, actor, now, quotaOverride);
        updatedAt = now;
        if (quotaOverride != null) {
            newTrace.add(new TraceEntry(TraceKind.QUOTA_OVERRIDDEN, currentStep, organizationName, actor.username(),
                    actor.displayName(), quotaOverride, null, now));
        }
        newTrace.add(new TraceEntry(TraceKind.valueOf(decision.name()), currentStep, organizationName,
                actor.username(), actor.displayName(), task.opinion(), task.dueOn(), now, systemText));
        return switch (decision) {
            case APPROVED -> approved(now);
            case RETURNED -> {
                cancelOpenTasks();
                pausedWorkingDays = Math.max(1, remainingWorkingDays);
                move(ApprovalStatus.AWAITING_CORRECTION);
                yield Outcome.RETURNED;
            }
            case REJECTED -> {
                cancelOpenTasks();
                move(ApprovalStatus.REJECTED);
                finishedAt = now;
                yield Outcome.REJECTED;
            }
        };
    }

    private Outcome approved(Instant now) {
        if (openTasks().findAny().isPresent()) {
            return Outcome.WAITING_FOR_OTHERS;
        }
        if (currentDefinition().kind() == StepKind.DISTRICT_APPROVAL) {
            districtApproved = true;
        }
        if (procedure.isLast(currentStep)) {
            move(ApprovalStatus.READY_FOR_WHITELIST);
            finishedAt = now;
            newTrace.add(new TraceEntry(TraceKind.READY_FOR_WHITELIST, null, departmentName, "system", "", null, null,
                    now));
            return Outcome.READY_FOR_WHITELIST;
        }
        move(ApprovalStatus.IN_PROGRESS);
        currentStep++;
        return Outcome.NEXT_STEP;
    }

    /** The department resubmitted after a return: the chain resumes at the step that returned it. */
    void resume(ItemScope newScope, String newTitle, boolean nowExempt, TraceEntry resubmission) {
        if (status != ApprovalStatus.AWAITING_CORRECTION) {
            throw new IllegalStateException("approval " + id + " is " + status + ", not awaiting correction");
        }
        move(ApprovalStatus.IN_PROGRESS);
        scope = newScope;
        itemTitle = newTitle;
        exempt = nowExempt;
        applicants.add(resubmission.actor());
        lastSubmittedAt = resubmission.at();
        updatedAt = resubmission.at();
        newTrace.add(resubmission);
    }

    /** Why the department may not withdraw now, if it may not: a step has acted on its latest submission. */
    Optional<String> withdrawalProblem() {
        if (status == ApprovalStatus.AWAITING_CORRECTION) {
            return Optional.empty();
        }
        if (status != ApprovalStatus.IN_PROGRESS) {
            return Optional.of("approval.withdraw.finished");
        }
        boolean actedSince = tasks.stream().anyMatch(t -> t.actedAt() != null && !t.actedAt().isBefore(lastSubmittedAt));
        return actedSince ? Optional.of("approval.withdraw.alreadyActed") : Optional.empty();
    }

    void withdraw(Actor actor, Instant now) {
        withdrawalProblem().ifPresent(key -> {
            throw new BusinessRuleViolation(key);
        });
        cancelOpenTasks();
        move(ApprovalStatus.WITHDRAWN);
        finishedAt = now;
        updatedAt = now;
        newTrace.add(new TraceEntry(TraceKind.WITHDRAWN, null, actor.organizationName(), actor.username(),
                actor.displayName(), null, null, now));
    }

    /** The holder hands their task to a colleague of the same organisation who holds the step's role. */
    void transfer(long taskId, Actor actor, long colleagueId, String colleagueName, boolean colleagueEligible,
                  Instant now) {
        ApprovalTask task = openTaskOf(taskId, actor);
        if (!colleagueEligible || colleagueId == actor.accountId()) {
            throw new BusinessRuleViolation("approval.transfer.notEligible");
        }
        if (tasks.stream().anyMatch(t -> t.status() == TaskStatus.OPEN && Objects.equals(t.assigneeId(), colleagueId))) {
            throw new BusinessRuleViolation("approval.transfer.alreadyHolds", colleagueName);
        }
        task.assignTo(colleagueId);
        updatedAt = now;
        newTrace.add(new TraceEntry(TraceKind.TRANSFERRED, task.stepNo(), actor.organizationName(), actor.username(),
                actor.displayName(), colleagueName, task.dueOn(), now));
    }

    /** 抄送: the holder of the open step sends a copy to other organisations. */
    void recordCopy(Actor actor, List<String> organizationNames, Instant now) {
        if (tasks.stream().noneMatch(t -> t.actionableBy(actor))) {
            throw new BusinessRuleViolation("approval.notYourTask");
        }
        newTrace.add(new TraceEntry(TraceKind.COPIED, currentStep, actor.organizationName(), actor.username(),
                actor.displayName(), String.join("、", organizationNames), null, now));
        updatedAt = now;
    }

    /** 催办: every open task of the chain is reminded, at most once a day. Returns the reminded tasks. */
    List<ApprovalTask> remind(Actor actor, @Nullable String text, LocalDate today, Instant now,
                              java.time.ZoneId zone) {
        List<ApprovalTask> open = openTasks().toList();
        if (open.isEmpty()) {
            throw new BusinessRuleViolation("approval.remind.nothingOpen");
        }
        if (open.stream().anyMatch(t -> t.lastRemindedAt() != null
                && t.lastRemindedAt().atZone(zone).toLocalDate().equals(today))) {
            throw new BusinessRuleViolation("approval.remind.alreadyToday");
        }
        open.forEach(t -> t.remind(now));
        updatedAt = now;
        newTrace.add(new TraceEntry(TraceKind.REMINDED, currentStep, actor.organizationName(), actor.username(),
                actor.displayName(), text == null || text.isBlank() ? null : text.strip(), open.getFirst().dueOn(), now));
        return open;
    }

    /** Why this person may not act on the open step, if anything (four eyes). */
    public Optional<String> fourEyesProblem(Actor actor) {
        if (applicants.contains(actor.username())) {
            return Optional.of("approval.fourEyes.ownItem");
        }
        if (currentStep > 0 && actorsOfStep(currentStep - 1).contains(actor.username())) {
            return Optional.of("approval.fourEyes.consecutive");
        }
        return Optional.empty();
    }

    private Set<String> actorsOfStep(int stepNo) {
        Set<String> actors = new LinkedHashSet<>();
        tasks.stream().filter(t -> t.stepNo() == stepNo && t.outcome() == Decision.APPROVED && t.actedBy() != null)
                .forEach(t -> actors.add(t.actedBy()));
        return actors;
    }

    private ApprovalTask openTaskOf(long taskId, Actor actor) {
        ApprovalTask task = task(taskId);
        if (task.status() != TaskStatus.OPEN) {
            throw alreadyActed(task);
        }
        if (!task.actionableBy(actor)) {
            throw new BusinessRuleViolation("approval.notYourTask");
        }
        return task;
    }

    /** The other person of a race learns who was first, and when. */
    private static BusinessRuleViolation alreadyActed(ApprovalTask task) {
        if (task.status() == TaskStatus.CANCELLED) {
            return new BusinessRuleViolation("approval.taskCancelled");
        }
        return new BusinessRuleViolation("approval.alreadyActed", Objects.requireNonNullElse(task.actedByName(), "—"),
                Formats.dateTimeText(task.actedAt()));
    }

    private void cancelOpenTasks() {
        openTasks().toList().forEach(ApprovalTask::cancel);
    }

    private void move(ApprovalStatus next) {
        if (!status.canMoveTo(next)) {
            throw new BusinessRuleViolation("approval.illegalTransition",
                    new DefaultMessageSourceResolvable("approval.status." + status),
                    new DefaultMessageSourceResolvable("approval.status." + next));
        }
        status = next;
    }

    ApprovalTask task(long taskId) {
        return tasks.stream().filter(t -> !t.isNew() && t.id() == taskId).findFirst()
                .orElseThrow(() -> new cn.campusgate.core.NotFound("approvalTask", taskId));
    }

    public java.util.stream.Stream<ApprovalTask> openTasks() {
        return tasks.stream().filter(t -> t.status() == TaskStatus.OPEN);
    }

    public StepDefinition currentDefinition() {
        return procedure.step(currentStep);
    }

    List<TraceEntry> drainTrace() {
        List<TraceEntry> drained = List.copyOf(newTrace);
        newTrace.clear();
        return drained;
    }

    boolean isNew() { return id == null; }
    void assignId(long newId) { id = newId; }
    void bumpVersion() { version++; }

    public long id() { return Objects.requireNonNull(id, "not saved yet"); }
    public int version() { return version; }
    public long itemId() { return itemId; }
    public Procedure procedure() { return procedure; }
    public ItemRoute route() { return procedure.route(); }
    public long departmentId() { return departmentId; }
    public String itemTitle() { return itemTitle; }
    public String departmentName() { return departmentName; }
    public long jurisdictionId() { return jurisdictionId; }
    public int year() { return scope.startsOn().getYear(); }
    public boolean exempt() { return exempt; }
    public ItemScope scope() { return scope; }
    public ApprovalStatus status() { return status; }
    public int currentStep() { return currentStep; }
    public @Nullable Integer pausedWorkingDays() { return pausedWorkingDays; }
    public Set<String> applicants() { return Set.copyOf(applicants); }
    public Instant lastSubmittedAt() { return lastSubmittedAt; }
    public boolean districtApproved() { return districtApproved; }
    public Instant startedAt() { return startedAt; }
    public Instant updatedAt() { return updatedAt; }
    public @Nullable Instant finishedAt() { return finishedAt; }
    public List<ApprovalTask> tasks() { return List.copyOf(tasks); }
}
