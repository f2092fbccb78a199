package cn.campusgate.committee;

import java.time.Instant;
import java.util.Objects;

import cn.campusgate.core.Actor;
import cn.campusgate.core.BusinessRuleViolation;
import org.jspecify.annotations.Nullable;

/**
 * The committee opinion (论证意见) of one round: generated from the valid reviews, edited and signed by the
 * secretary. Its recommendation follows the majority unless the secretary states why not. Changed only
 * through its {@link Panel}.
 */
public final class CommitteeOpinion {

    static final int MAX_TEXT = 8000;

    private @Nullable Long id;
    private final int round;
    private OpinionStatus status;
    private OpinionSummary summary;
    private Recommendation recommendation;
    private @Nullable String deviationReason;
    private String text;
    private String draftedBy;
    private Instant draftedAt;
    private Instant updatedAt;
    private @Nullable String signedBy;
    private @Nullable String signedByName;
    private @Nullable Instant signedAt;
    private boolean changed;

    CommitteeOpinion(@Nullable Long id, int round, OpinionStatus status, OpinionSummary summary,
                     Recommendation recommendation, @Nullable String deviationReason, String text, String draftedBy,
                     Instant draftedAt, Instant updatedAt, @Nullable String signedBy, @Nullable String signedByName,
                     @Nullable Instant signedAt) {
        this.id = id;
        this.round = round;
        this.status = status;
        this.summary = summary;
        this.recommendation = recommendation;
        this.deviationReason = deviationReason;
        this.text = text;
        this.draftedBy = draftedBy;
        this.draftedAt = draftedAt;
        this.updatedAt = updatedAt;
        this.signedBy = signedBy;
        this.signedByName = signedByName;
        this.signedAt = signedAt;
    }

    static CommitteeOpinion draft(int round, OpinionSummary summary, String text, Actor actor, Instant now) {
        CommitteeOpinion opinion = new CommitteeOpinion(null, round, OpinionStatus.DRAFT, summary,
                Objects.requireNonNull(summary.majority(), "a draft needs reviews"), null, text, actor.username(), now,
                now, null, null, null);
        opinion.changed = true;
        return opinion;
    }

    /** The reviews changed (another came in): a fresh text from them, replacing the secretary's edits. */
    void regenerate(OpinionSummary fresh, String freshText, Actor actor, Instant now) {
        move(OpinionStatus.DRAFT);
        summary = fresh;
        recommendation = Objects.requireNonNull(fresh.majority());
        deviationReason = null;
        text = freshText;
        draftedBy = actor.username();
        draftedAt = now;
        updatedAt = now;
    }

    void edit(String newText, Recommendation chosen, @Nullable String deviation, Instant now) {
        move(OpinionStatus.DRAFT);
        String body = newText.strip();
        if (body.isEmpty()) {
            throw new BusinessRuleViolation("committee.opinion.textRequired");
        }
        if (body.length() > MAX_TEXT) {
            throw new BusinessRuleViolation("committee.opinion.textTooLong", MAX_TEXT);
        }
        String why = deviation == null || deviation.isBlank() ? null : deviation.strip();
        if (chosen != summary.majority() && why == null) {
            throw new BusinessRuleViolation("committee.opinion.deviationReasonRequired");
        }
        if (why != null && why.length() > 500) {
            throw new BusinessRuleViolation("committee.opinion.deviationTooLong", 500);
        }
        if (chosen == Recommendation.APPROVE_WITH_CHANGES && summary.requiredChanges().isEmpty() && why == null) {
            throw new BusinessRuleViolation("committee.opinion.changesMissing");
        }
        text = body;
        recommendation = chosen;
        deviationReason = chosen == summary.majority() ? null : why;
        updatedAt = now;
    }

    void sign(Actor actor, Instant now) {
        move(OpinionStatus.SIGNED);
        signedBy = actor.username();
        signedByName = actor.displayName();
        signedAt = now;
        updatedAt = now;
    }

    private void move(OpinionStatus next) {
        if (!status.canMoveTo(next)) {
            throw new BusinessRuleViolation("committee.opinion.alreadySigned");
        }
        status = next;
        changed = true;
    }

    public boolean signed() {
        return status == OpinionStatus.SIGNED;
    }

    boolean isNew() { return id == null; }
    void assignId(long newId) { id = newId; }
    boolean changed() { return changed; }
    void saved() { changed = false; }

    public long id() { return Objects.requireNonNull(id, "not saved yet"); }
    public int round() { return round; }
    public OpinionStatus status() { return status; }
    public OpinionSummary summary() { return summary; }
    public Recommendation recommendation() { return recommendation; }
    public @Nullable String deviationReason() { return deviationReason; }
    public String text() { return text; }
    public String draftedBy() { return draftedBy; }
    public Instant draftedAt() { return draftedAt; }
    public Instant updatedAt() { return updatedAt; }
    public @Nullable String signedBy() { return signedBy; }
    public @Nullable String signedByName() { return signedByName; }
    public @Nullable Instant signedAt() { return signedAt; }
}
