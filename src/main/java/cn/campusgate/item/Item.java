package cn.campusgate.item;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import cn.campusgate.core.BusinessRuleViolation;
import org.jspecify.annotations.Nullable;

/**
 * A social-affair item of one department. Owns its lifecycle ({@link ItemStatus}): content changes only
 * while it is a draft or returned; a submission needs complete content and no refusing screening
 * finding, and becomes a new numbered version.
 */
public final class Item {

    private @Nullable Long id;
    private int version;
    private final long departmentId;
    private ItemStatus status;
    private ItemContent content;
    private int submittedVersions;
    private @Nullable String returnReason;
    private final String createdBy;
    private final Instant createdAt;
    private Instant updatedAt;

    Item(@Nullable Long id, int version, long departmentId, ItemStatus status, ItemContent content,
         int submittedVersions, @Nullable String returnReason, String createdBy, Instant createdAt, Instant updatedAt) {
        this.id = id;
        this.version = version;
        this.departmentId = departmentId;
        this.status = status;
        this.content = content;
        this.submittedVersions = submittedVersions;
        this.returnReason = returnReason;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    static Item draft(long departmentId, ItemContent content, String createdBy, Instant now) {
        if (content.title() == null) {
            throw new BusinessRuleViolation("item.titleRequiredForDraft");
        }
        return new Item(null, 0, departmentId, ItemStatus.DRAFT, content, 0, null, createdBy, now, now);
    }

    void saveDraft(ItemContent newContent, Instant now) {
        if (!status.editable()) {
            throw new BusinessRuleViolation("item.notEditable", new org.springframework.context.support
                    .DefaultMessageSourceResolvable("item.status." + status));
        }
        if (newContent.title() == null) {
            throw new BusinessRuleViolation("item.titleRequiredForDraft");
        }
        content = newContent;
        updatedAt = now;
    }

    /**
     * Submits the current content as the next version.
     *
     * @param refusals why screening refuses this content, as people read it; any blocks the submission
     */
    int submit(LocalDate today, List<String> refusals, Instant now) {
        move(ItemStatus.SUBMITTED);
        // What may never enter schools is said first: completing such an item would be wasted work.
        if (!refusals.isEmpty()) {
            throw new BusinessRuleViolation("item.refusedByScreening", String.join(
                    refusals.getFirst().endsWith(")") ? "; " : "；", refusals));
        }
        List<ItemContent.Problem> problems = content.problemsForSubmission(today);
        // A temporary item that starts too soon is refused by the rule, not as an unfinished form.
        for (ItemContent.Problem problem : problems) {
            if (problem.messageKey().equals("item.problem.temporaryLeadTime")) {
                throw new BusinessRuleViolation("item.refusedLeadTime", problem.arguments().toArray());
            }
        }
        if (!problems.isEmpty()) {
            throw new BusinessRuleViolation("item.incomplete");
        }
        status = ItemStatus.SUBMITTED;
        submittedVersions++;
        returnReason = null;
        updatedAt = now;
        return submittedVersions;
    }

    void returnForRevision(String reason, Instant now) {
        decide(ItemStatus.RETURNED, reason, now);
    }

    /** The last step of the approval chain passed: ready for the whitelist. */
    void approve(Instant now) {
        move(ItemStatus.APPROVED);
        status = ItemStatus.APPROVED;
        updatedAt = now;
    }

    void reject(String reason, Instant now) {
        decide(ItemStatus.REJECTED, reason, now);
    }

    /** A reviewer's return or rejection always carries its reason; the department reads it on the item. */
    private void decide(ItemStatus next, String reason, Instant now) {
        move(next);
        if (reason.isBlank()) {
            throw new BusinessRuleViolation("item.returnReasonRequired");
        }
        if (reason.strip().length() > 1000) {
            throw new BusinessRuleViolation("item.returnReasonTooLong", 1000);
        }
        status = next;
        returnReason = reason.strip();
        updatedAt = now;
    }

    void withdraw(Instant now) {
        move(ItemStatus.WITHDRAWN);
        status = ItemStatus.WITHDRAWN;
        updatedAt = now;
    }

    private void move(ItemStatus next) {
        if (!status.canMoveTo(next)) {
            throw new BusinessRuleViolation("item.illegalTransition",
                    new org.springframework.context.support.DefaultMessageSourceResolvable("item.status." + status),
                    new org.springframework.context.support.DefaultMessageSourceResolvable("item.status." + next));
        }
    }

    boolean isNew() {
        return id == null;
    }

    void assignId(long newId) {
        this.id = newId;
    }

    void bumpVersion() {
        version++;
    }

    public long id() {
        return Objects.requireNonNull(id, "not saved yet");
    }

    public int version() { return version; }
    public long departmentId() { return departmentId; }
    public ItemStatus status() { return status; }
    public ItemContent content() { return content; }
    public int submittedVersions() { return submittedVersions; }
    public @Nullable String returnReason() { return returnReason; }
    public String createdBy() { return createdBy; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }

    public String title() {
        return Objects.requireNonNullElse(content.title(), "");
    }
}
