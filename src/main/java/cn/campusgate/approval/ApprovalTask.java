package cn.campusgate.approval;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

import cn.campusgate.core.Actor;
import cn.campusgate.core.Role;
import org.jspecify.annotations.Nullable;

/**
 * One organisation's share of a step, or one person's (countersigning, or after a transfer). Changed only
 * through its {@link Approval}.
 */
public final class ApprovalTask {

    private @Nullable Long id;
    private final int stepNo;
    private final StepKind stepKind;
    private final long organizationId;
    private final Role role;
    private @Nullable Long assigneeId;
    private TaskStatus status;
    private @Nullable Decision outcome;
    private @Nullable String opinion;
    private @Nullable String actedBy;
    private @Nullable String actedByName;
    private @Nullable Instant actedAt;
    private final Instant openedAt;
    private final LocalDate dueOn;
    private int reminders;
    private @Nullable Instant lastRemindedAt;
    private @Nullable String quotaOverride;
    private boolean changed;

    ApprovalTask(@Nullable Long id, int stepNo, StepKind stepKind, long organizationId, Role role,
                 @Nullable Long assigneeId, TaskStatus status, @Nullable Decision outcome, @Nullable String opinion,
                 @Nullable String actedBy, @Nullable String actedByName, @Nullable Instant actedAt, Instant openedAt,
                 LocalDate dueOn, int reminders, @Nullable Instant lastRemindedAt, @Nullable String quotaOverride) {
        this.id = id;
        this.stepNo = stepNo;
        this.stepKind = stepKind;
        this.organizationId = organizationId;
        this.role = role;
        this.assigneeId = assigneeId;
        this.status = status;
        this.outcome = outcome;
        this.opinion = opinion;
        this.actedBy = actedBy;
        this.actedByName = actedByName;
        this.actedAt = actedAt;
        this.openedAt = openedAt;
        this.dueOn = dueOn;
        this.reminders = reminders;
        this.lastRemindedAt = lastRemindedAt;
        this.quotaOverride = quotaOverride;
    }

    static ApprovalTask open(int stepNo, StepKind kind, long organizationId, Role role, @Nullable Long assigneeId,
                             Instant now, LocalDate dueOn) {
        ApprovalTask task = new ApprovalTask(null, stepNo, kind, organizationId, role, assigneeId, TaskStatus.OPEN,
                null, null, null, null, null, now, dueOn, 0, null, null);
        task.changed = true;
        return task;
    }

    /** Whether this person may act on the task now: their organisation and role, and theirs if assigned. */
    public boolean actionableBy(Actor actor) {
        return status == TaskStatus.OPEN && organizationId == actor.organizationId() && actor.has(role)
                && (assigneeId == null || assigneeId == actor.accountId());
    }

    void complete(Decision decision, @Nullable String text, Actor actor, Instant now, @Nullable String override) {
        move(TaskStatus.DONE);
        outcome = decision;
        opinion = text;
        actedBy = actor.username();
        actedByName = actor.displayName();
        actedAt = now;
        quotaOverride = override;
    }

    void cancel() {
        move(TaskStatus.CANCELLED);
    }

    void assignTo(long accountId) {
        assigneeId = accountId;
        changed = true;
    }

    void remind(Instant now) {
        reminders++;
        lastRemindedAt = now;
        changed = true;
    }

    private void move(TaskStatus next) {
        if (!status.canMoveTo(next)) {
            throw new IllegalStateException("task " + id + " " + status + " → " + next);
        }
        status = next;
        changed = true;
    }

    boolean isNew() { return id == null; }
    void assignId(long newId) { id = newId; }
    boolean changed() { return changed; }
    void saved() { changed = false; }

    public long id() { return Objects.requireNonNull(id, "not saved yet"); }
    public int stepNo() { return stepNo; }
    public StepKind stepKind() { return stepKind; }
    public long organizationId() { return organizationId; }
    public Role role() { return role; }
    public @Nullable Long assigneeId() { return assigneeId; }
    public TaskStatus status() { return status; }
    public @Nullable Decision outcome() { return outcome; }
    public @Nullable String opinion() { return opinion; }
    public @Nullable String actedBy() { return actedBy; }
    public @Nullable String actedByName() { return actedByName; }
    public @Nullable Instant actedAt() { return actedAt; }
    public Instant openedAt() { return openedAt; }
    public LocalDate dueOn() { return dueOn; }
    public int reminders() { return reminders; }
    public @Nullable Instant lastRemindedAt() { return lastRemindedAt; }
    public @Nullable String quotaOverride() { return quotaOverride; }
}
