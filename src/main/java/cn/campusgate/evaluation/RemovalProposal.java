package cn.campusgate.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

import cn.campusgate.core.BusinessRuleViolation;
import org.jspecify.annotations.Nullable;

/**
 * A proposal to remove one whitelist entry (调整出白名单, R-5), with the evidence it rests on as it stood when
 * proposed. Owns its lifecycle ({@link RemovalStatus}): the department may respond until its window closes, the
 * district leadership group decides, and a removal is carried out through the whitelist's change process.
 */
public final class RemovalProposal {

    /** The evidence as it stood when the proposal was made; the numbers are those the figure was computed from. */
    public record Evidence(int score, long publicAnswers, long unfavourable, double dislikeBound, long schoolAnswers,
                           long complaints, long violations, boolean belowThreshold, boolean stronglyDisliked) {
    }

    /** The entry proposed for removal, as the proposal needs to know it. */
    public record Subject(long whitelistEntryId, long whitelistId, long itemId, String title, long departmentId,
                          String departmentName, long jurisdictionId) {
    }

    private @Nullable Long id;
    private int version;
    private final Subject subject;
    private final Evidence evidence;
    private RemovalStatus status;
    private final LocalDate proposedOn;
    private final LocalDate responseDueOn;
    private @Nullable String response;
    private @Nullable String respondedBy;
    private @Nullable String decisionNote;
    private @Nullable String decidedBy;
    private @Nullable LocalDate decidedOn;
    private @Nullable Integer whitelistVersion;
    private Instant updatedAt;

    RemovalProposal(@Nullable Long id, int version, Subject subject, Evidence evidence, RemovalStatus status,
                    LocalDate proposedOn, LocalDate responseDueOn, @Nullable String response,
                    @Nullable String respondedBy, @Nullable String decisionNote, @Nullable String decidedBy,
                    @Nullable LocalDate decidedOn, @Nullable Integer whitelistVersion, Instant updatedAt) {
        this.id = id;
        this.version = version;
        this.subject = subject;
        this.evidence = evidence;
        this.status = status;
        this.proposedOn = proposedOn;
        this.responseDueOn = responseDueOn;
        this.response = response;
        this.respondedBy = respondedBy;
        this.decisionNote = decisionNote;
        this.decidedBy = decidedBy;
        this.decidedOn = decidedOn;
        this.whitelistVersion = whitelistVersion;
        this.updatedAt = updatedAt;
    }

    static RemovalProposal propose(Subject subject, Evidence evidence, LocalDate today, LocalDate responseDueOn,
                                   Instant now) {
        return new RemovalProposal(null, 0, subject, evidence, RemovalStatus.AWAITING_RESPONSE, today, responseDueOn,
                null, null, null, null, null, null, now);
    }

    /** 部门说明: the department's response, which closes its window. */
    void respond(@Nullable String text, String by, LocalDate today, Instant now) {
        move(RemovalStatus.AWAITING_DECISION);
        if (today.isAfter(responseDueOn)) {
            throw new BusinessRuleViolation("evaluation.removal.windowClosed");
        }
        response = Texts.required(text, 2000, "evaluation.removal.responseRequired");
        respondedBy = by;
        status = RemovalStatus.AWAITING_DECISION;
        updatedAt = now;
    }

    /** The window passed without a response: the decision is due. */
    void closeWindow(LocalDate today, Instant now) {
        move(RemovalStatus.AWAITING_DECISION);
        if (!today.isAfter(responseDueOn)) {
            throw new BusinessRuleViolation("evaluation.removal.windowOpen");
        }
        status = RemovalStatus.AWAITING_DECISION;
        updatedAt = now;
    }

    /** 领导小组决定: remove (carried out by the commission) or keep; either way with the reason. */
    void decide(boolean remove, @Nullable String note, String by, LocalDate today, Instant now) {
        RemovalStatus next = remove ? RemovalStatus.REMOVAL_DECIDED : RemovalStatus.KEPT;
        move(next);
        decisionNote = Texts.required(note, 1000, "evaluation.removal.decisionRequired");
        decidedBy = by;
        decidedOn = today;
        status = next;
        updatedAt = now;
    }

    /** The whitelist carried the removal out; {@code version} is the published version without the entry (0: a draft). */
    void carriedOut(int version, Instant now) {
        move(RemovalStatus.REMOVED);
        whitelistVersion = version;
        status = RemovalStatus.REMOVED;
        updatedAt = now;
    }

    void withdraw(@Nullable String reason, String by, LocalDate today, Instant now) {
        move(RemovalStatus.WITHDRAWN);
        decisionNote = Texts.required(reason, 1000, "evaluation.removal.reasonRequired");
        decidedBy = by;
        decidedOn = today;
        status = RemovalStatus.WITHDRAWN;
        updatedAt = now;
    }

    private void move(RemovalStatus next) {
        if (!status.canMoveTo(next)) {
            throw new BusinessRuleViolation("evaluation.removal.notNow");
        }
    }

    void assignId(long newId) {
        id = newId;
    }

    void incrementVersion() {
        version++;
    }

    public Long id() { return Objects.requireNonNull(id, "not saved yet"); }
    public int version() { return version; }
    public Subject subject() { return subject; }
    public Evidence evidence() { return evidence; }
    public RemovalStatus status() { return status; }
    public LocalDate proposedOn() { return proposedOn; }
    public LocalDate responseDueOn() { return responseDueOn; }
    public @Nullable String response() { return response; }
    public @Nullable String respondedBy() { return respondedBy; }
    public @Nullable String decisionNote() { return decisionNote; }
    public @Nullable String decidedBy() { return decidedBy; }
    public @Nullable LocalDate decidedOn() { return decidedOn; }
    public @Nullable Integer whitelistVersion() { return whitelistVersion; }
    public Instant updatedAt() { return updatedAt; }
}
