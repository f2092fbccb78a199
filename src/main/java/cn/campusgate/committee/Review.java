package cn.campusgate.committee;

import java.time.Instant;
import java.util.Objects;

import cn.campusgate.core.BusinessRuleViolation;
import cn.campusgate.organization.MemberKind;
import org.jspecify.annotations.Nullable;

/** One member's review of one round of a panel. Changed only through its {@link Panel}. */
public final class Review {

    private @Nullable Long id;
    private final int round;
    private final long accountId;
    private final String memberName;
    private final MemberKind kind;
    private ReviewStatus status;
    private @Nullable ReviewContent content;
    private @Nullable String statusReason;
    private @Nullable Instant confirmedAt;
    private @Nullable Instant submittedAt;
    private Instant updatedAt;
    private boolean changed;

    Review(@Nullable Long id, int round, long accountId, String memberName, MemberKind kind, ReviewStatus status,
           @Nullable ReviewContent content, @Nullable String statusReason, @Nullable Instant confirmedAt,
           @Nullable Instant submittedAt, Instant updatedAt) {
        this.id = id;
        this.round = round;
        this.accountId = accountId;
        this.memberName = memberName;
        this.kind = kind;
        this.status = status;
        this.content = content;
        this.statusReason = statusReason;
        this.confirmedAt = confirmedAt;
        this.submittedAt = submittedAt;
        this.updatedAt = updatedAt;
    }

    /** A member drawn for a round: they first declare whether they have a conflict. */
    static Review drawn(int round, Candidate member, Instant now) {
        Review review = new Review(null, round, member.accountId(), member.name(), member.kind(),
                ReviewStatus.AWAITING_DECLARATION, null, null, null, null, now);
        review.changed = true;
        return review;
    }

    /** A member of the previous round reviews again; their declaration stands. */
    static Review again(int round, Review previous, Instant now) {
        Review review = new Review(null, round, previous.accountId, previous.memberName, previous.kind,
                ReviewStatus.IN_REVIEW, null, null, previous.confirmedAt, null, now);
        review.changed = true;
        return review;
    }

    void confirmNoConflict(Instant now) {
        move(ReviewStatus.IN_REVIEW, now);
        confirmedAt = now;
    }

    void recuse(String reason, Instant now) {
        move(ReviewStatus.RECUSED, now);
        statusReason = reason;
    }

    void remove(String reason, Instant now) {
        move(ReviewStatus.REMOVED, now);
        statusReason = reason;
    }

    void submit(ReviewContent submitted, Instant now) {
        move(ReviewStatus.SUBMITTED, now);
        content = submitted;
        submittedAt = now;
    }

    void lapse(Instant now) {
        move(ReviewStatus.LAPSED, now);
    }

    void setAside(String reason, Instant now) {
        move(ReviewStatus.SET_ASIDE, now);
        statusReason = reason;
    }

    private void move(ReviewStatus next, Instant now) {
        if (!status.canMoveTo(next)) {
            throw new BusinessRuleViolation("committee.review.illegalTransition",
                    new org.springframework.context.support.DefaultMessageSourceResolvable("committee.reviewStatus." + status),
                    new org.springframework.context.support.DefaultMessageSourceResolvable("committee.reviewStatus." + next));
        }
        status = next;
        updatedAt = now;
        changed = true;
    }

    /** Has confirmed having no conflict with the item (and so may read it). */
    public boolean cleared() {
        return confirmedAt != null;
    }

    public boolean valid() {
        return status == ReviewStatus.SUBMITTED;
    }

    boolean isNew() { return id == null; }
    void assignId(long newId) { id = newId; }
    boolean changed() { return changed; }
    void saved() { changed = false; }

    public long id() { return Objects.requireNonNull(id, "not saved yet"); }
    public int round() { return round; }
    public long accountId() { return accountId; }
    public String memberName() { return memberName; }
    public MemberKind kind() { return kind; }
    public ReviewStatus status() { return status; }
    public @Nullable ReviewContent content() { return content; }
    public @Nullable String statusReason() { return statusReason; }
    public @Nullable Instant confirmedAt() { return confirmedAt; }
    public @Nullable Instant submittedAt() { return submittedAt; }
    public Instant updatedAt() { return updatedAt; }
}
