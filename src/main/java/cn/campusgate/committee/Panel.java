package cn.campusgate.committee;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import cn.campusgate.core.Actor;
import cn.campusgate.core.Actors;
import cn.campusgate.core.BusinessRuleViolation;
import cn.campusgate.organization.MemberKind;
import org.jspecify.annotations.Nullable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * The review panel of one item's expert-opinion step (专家论证组), round after round. Owns the rules: a
 * confirmed panel has at least {@value #QUORUM} members covering an education expert, a principal or
 * teacher and a deputy or member, none of them conflicted; every change to its composition has a reason;
 * members declare before they see the item and submit once; the opinion is signed only with at least
 * {@value #QUORUM} valid reviews, once every member has answered or the deadline has passed.
 */
public final class Panel {

    /** Valid reviews needed for an opinion. */
    public static final int QUORUM = 3;
    static final int MAX_SIZE = 9;
    static final int MAX_REASON = 500;

    private @Nullable Long id;
    private int version;
    private final long itemId;
    private final long approvalId;
    private final long committeeId;
    private String itemTitle;
    private PanelStatus status;
    private int round;
    private int size;
    private List<Long> members;
    private @Nullable DrawRecord draw;
    private @Nullable ItemFacts facts;
    private @Nullable LocalDate deadline;
    private LocalDate stepDueOn;
    private int remindedRound;
    private final Instant createdAt;
    private Instant updatedAt;
    private @Nullable Instant convenedAt;
    private final List<Review> reviews;
    private final List<CommitteeOpinion> opinions;
    private final List<PanelChange> newChanges = new ArrayList<>();

    Panel(@Nullable Long id, int version, long itemId, long approvalId, long committeeId, String itemTitle,
          PanelStatus status, int round, int size, List<Long> members, @Nullable DrawRecord draw,
          @Nullable ItemFacts facts, @Nullable LocalDate deadline, LocalDate stepDueOn, int remindedRound, Instant createdAt, Instant updatedAt,
          @Nullable Instant convenedAt, List<Review> reviews, List<CommitteeOpinion> opinions) {
        this.id = id;
        this.version = version;
        this.itemId = itemId;
        this.approvalId = approvalId;
        this.committeeId = committeeId;
        this.itemTitle = itemTitle;
        this.status = status;
        this.round = round;
        this.size = size;
        this.members = new ArrayList<>(members);
        this.draw = draw;
        this.facts = facts;
        this.deadline = deadline;
        this.stepDueOn = stepDueOn;
        this.remindedRound = remindedRound;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.convenedAt = convenedAt;
        this.reviews = new ArrayList<>(reviews);
        this.opinions = new ArrayList<>(opinions);
    }

    /** The item's expert-opinion step opened: the panel waits to be formed. */
    static Panel request(long itemId, long approvalId, long committeeId, String itemTitle, LocalDate stepDueOn,
                         int size, String actor, Instant now) {
        Panel panel = new Panel(null, 0, itemId, approvalId, committeeId, itemTitle, PanelStatus.REQUESTED, 0, size,
                List.of(), null, null, null, stepDueOn, 0, now, now, null, List.of(), List.of());
        panel.record(PanelChange.Kind.REQUESTED, null, null, null, null, actor, "", now);
        return panel;
    }

    // --- forming the panel ---

    /** What conflicts are checked against: the item as last submitted (kept for replacements drawn later). */
    void useFacts(ItemFacts current) {
        facts = current;
    }

    /** The system's proposal (or a fresh one): the drawn members replace any earlier proposal. */
    void propose(DrawRecord drawn, Actor actor, Instant now) {
        if (drawn.size() < QUORUM || drawn.size() > MAX_SIZE) {
            throw new BusinessRuleViolation("committee.panel.sizeRange", QUORUM, MAX_SIZE);
        }
        move(PanelStatus.PROPOSED);
        size = drawn.size();
        draw = drawn;
        members = new ArrayList<>(drawn.chosen());
        updatedAt = now;
        record(PanelChange.Kind.DRAWN, null, null, null, drawn, actor, now);
    }

    /** The secretary adds a member to the proposal, with a reason; never a conflicted or unavailable one. */
    void add(Candidate candidate, String reason, Actor actor, Instant now) {
        requireStatus(PanelStatus.PROPOSED);
        String why = reason(reason);
        if (members.contains(candidate.accountId())) {
            throw new BusinessRuleViolation("committee.panel.alreadyMember", candidate.name());
        }
        if (!candidate.drawable()) {
            throw new BusinessRuleViolation("committee.panel.notDrawable", candidate.name());
        }
        if (members.size() >= MAX_SIZE) {
            throw new BusinessRuleViolation("committee.panel.sizeRange", QUORUM, MAX_SIZE);
        }
        members.add(candidate.accountId());
        move(PanelStatus.PROPOSED);
        updatedAt = now;
        record(PanelChange.Kind.ADDED, candidate.accountId(), candidate.name(), why, null, actor, now);
    }

    /** The secretary takes a member off the proposal, with a reason. */
    void remove(long accountId, String name, String reason, Actor actor, Instant now) {
        requireStatus(PanelStatus.PROPOSED);
        String why = reason(reason);
        if (!members.remove(Long.valueOf(accountId))) {
            throw new BusinessRuleViolation("committee.panel.notMember", name);
        }
        move(PanelStatus.PROPOSED);
        updatedAt = now;
        record(PanelChange.Kind.REMOVED, accountId, name, why, null, actor, now);
    }

    /** The proposal is dropped; the item waits for a panel again. */
    void discard(String reason, Actor actor, Instant now) {
        String why = reason(reason);
        move(PanelStatus.REQUESTED);
        members = new ArrayList<>();
        draw = null;
        updatedAt = now;
        record(PanelChange.Kind.DISCARDED, null, null, why, null, actor, now);
    }

    /**
     * The secretary confirms the proposal: each member is asked to declare, with the panel's deadline.
     *
     * @param current every member as they stand now (conflicts are checked again: exclusions may have come in)
     */
    List<Review> convene(List<Candidate> current, LocalDate newDeadline, LocalDate today, Actor actor, Instant now) {
        requireStatus(PanelStatus.PROPOSED);
        List<Candidate> seated = members.stream().map(id -> current.stream().filter(c -> c.accountId() == id)
                .findFirst().orElseThrow(() -> new BusinessRuleViolation("committee.panel.memberGone"))).toList();
        for (Candidate member : seated) {
            if (!member.drawable()) {
                throw new BusinessRuleViolation("committee.panel.notDrawable", member.name());
            }
        }
        if (seated.size() < QUORUM) {
            throw new BusinessRuleViolation("committee.panel.tooSmall", QUORUM);
        }
        List<String> problems = PanelDraw.compositionProblems(seated.stream().map(Candidate::kind).toList());
        if (!problems.isEmpty()) {
            throw new BusinessRuleViolation("committee.panel.composition",
                    new DefaultMessageSourceResolvable(problems.getFirst()));
        }
        checkDeadline(newDeadline, today);
        move(PanelStatus.CONVENED);
        round = 1;
        remindedRound = 0;
        deadline = newDeadline;
        convenedAt = now;
        updatedAt = now;
        List<Review> drawn = seated.stream().map(c -> Review.drawn(round, c, now)).toList();
        reviews.addAll(drawn);
        record(PanelChange.Kind.CONVENED, null, null, null, null, actor, now);
        return drawn;
    }

    // --- members at work ---

    /** The member confirms having no conflict with the item; from now on they may read it. */
    Review confirmNoConflict(Actor member, Instant now) {
        requireStatus(PanelStatus.CONVENED);
        Review review = pendingReviewOf(member.accountId());
        review.confirmNoConflict(now);
        updatedAt = now;
        record(PanelChange.Kind.CLEARED, member.accountId(), member.displayName(), null, null, member, now);
        return review;
    }

    /** The member declares a conflict and leaves the panel; the service then draws a replacement. */
    Review declareConflict(Actor member, String reason, Instant now) {
        requireStatus(PanelStatus.CONVENED);
        String why = reason(reason);
        Review review = pendingReviewOf(member.accountId());
        review.recuse(why, now);
        members.remove(Long.valueOf(member.accountId()));
        updatedAt = now;
        record(PanelChange.Kind.RECUSED, member.accountId(), member.displayName(), why, null, member, now);
        return review;
    }

    /** The secretary replaces a member who has not reviewed yet (unreachable, fell ill), with a reason. */
    Review replaceMember(long accountId, String reason, Actor actor, Instant now) {
        requireStatus(PanelStatus.CONVENED);
        String why = reason(reason);
        Review review = pendingReviewOf(accountId);
        review.remove(why, now);
        members.remove(Long.valueOf(accountId));
        updatedAt = now;
        record(PanelChange.Kind.MEMBER_REPLACED, accountId, review.memberName(), why, null, actor, now);
        return review;
    }

    /** A replacement drawn for a seat that fell free takes it and is asked to declare. */
    Review seat(Candidate replacement, DrawRecord drawn, Instant now) {
        requireStatus(PanelStatus.CONVENED);
        if (!replacement.drawable() || members.contains(replacement.accountId())) {
            throw new IllegalStateException("replacement " + replacement.accountId() + " is not drawable");
        }
        members.add(replacement.accountId());
        Review review = Review.drawn(round, replacement, now);
        reviews.add(review);
        updatedAt = now;
        record(PanelChange.Kind.REPLACED, replacement.accountId(), replacement.name(), null, drawn, Actors.SYSTEM, "",
                now);
        return review;
    }

    /** No drawable member was left to take the seat: the secretary is told and the panel goes on smaller. */
    void noReplacement(DrawRecord drawn, Instant now) {
        record(PanelChange.Kind.NO_REPLACEMENT, drawn.replaced(), null, null, drawn, Actors.SYSTEM, "", now);
    }

    /**
     * The member submits the review; final once submitted.
     *
     * @return whether this review brought the round to its quorum
     */
    boolean submit(Actor member, ReviewContent content, Instant now) {
        requireStatus(PanelStatus.CONVENED);
        Review review = currentReviewOf(member.accountId())
                .orElseThrow(() -> new BusinessRuleViolation("committee.review.notOnPanel"));
        if (review.status() == ReviewStatus.AWAITING_DECLARATION) {
            throw new BusinessRuleViolation("committee.review.declareFirst");
        }
        if (review.status() == ReviewStatus.SUBMITTED) {
            throw new BusinessRuleViolation("committee.review.alreadySubmitted");
        }
        int before = validReviews();
        review.submit(content, now);
        updatedAt = now;
        record(PanelChange.Kind.SUBMITTED, member.accountId(), member.displayName(), null, null, member, now);
        return before < QUORUM && validReviews() >= QUORUM;
    }

    /** The secretary sets a submitted review aside (e.g. a conflict came to light), with a reason. */
    void setAside(long reviewId, String reason, Actor actor, Instant now) {
        requireStatus(PanelStatus.CONVENED);
        String why = reason(reason);
        Review review = reviews.stream().filter(r -> !r.isNew() && r.id() == reviewId && r.round() == round)
                .findFirst().orElseThrow(() -> new BusinessRuleViolation("committee.review.notFound"));
        review.setAside(why, now);
        updatedAt = now;
        record(PanelChange.Kind.SET_ASIDE, review.accountId(), review.memberName(), why, null, actor, now);
    }

    /** One reminder per round to the members who have not answered yet; returns them. */
    List<Review> remind(String actor, String actorName, Instant now) {
        requireStatus(PanelStatus.CONVENED);
        if (remindedRound >= round) {
            throw new BusinessRuleViolation("committee.panel.alreadyReminded");
        }
        List<Review> pending = pendingReviews();
        if (pending.isEmpty()) {
            throw new BusinessRuleViolation("committee.panel.nobodyPending");
        }
        remindedRound = round;
        updatedAt = now;
        record(PanelChange.Kind.REMINDED, null, null, null, null, actor, actorName, now);
        return pending;
    }

    void extendDeadline(LocalDate newDeadline, String reason, LocalDate today, Actor actor, Instant now) {
        requireStatus(PanelStatus.CONVENED);
        String why = reason(reason);
        if (deadline != null && !newDeadline.isAfter(deadline)) {
            throw new BusinessRuleViolation("committee.panel.deadlineNotLater");
        }
        checkDeadline(newDeadline, today);
        deadline = newDeadline;
        updatedAt = now;
        record(PanelChange.Kind.DEADLINE_EXTENDED, null, null, why + "（" + newDeadline + "）", null, actor, now);
    }

    // --- the opinion ---

    /** The draft opinion of this round from its valid reviews, made or made again. */
    CommitteeOpinion draftOpinion(OpinionSummary summary, String text, Actor actor, Instant now) {
        requireOpinionPossible();
        Optional<CommitteeOpinion> existing = opinionOf(round);
        CommitteeOpinion opinion;
        if (existing.isPresent()) {
            opinion = existing.get();
            opinion.regenerate(summary, text, actor, now);
        } else {
            opinion = CommitteeOpinion.draft(round, summary, text, actor, now);
            opinions.add(opinion);
        }
        updatedAt = now;
        record(PanelChange.Kind.OPINION_DRAFTED, null, null, null, null, actor, now);
        return opinion;
    }

    /** Checked before the opinion's text is written: without a quorum there is no majority to write about. */
    void requireOpinionPossible() {
        requireStatus(PanelStatus.CONVENED);
        if (validReviews() < QUORUM) {
            throw new BusinessRuleViolation("committee.opinion.noQuorum", QUORUM, validReviews());
        }
    }

    CommitteeOpinion editOpinion(String text, Recommendation recommendation, @Nullable String deviationReason,
                                 Actor actor, Instant now) {
        requireStatus(PanelStatus.CONVENED);
        CommitteeOpinion opinion = opinionOf(round).orElseThrow(() -> new BusinessRuleViolation("committee.opinion.none"));
        opinion.edit(text, recommendation, deviationReason, now);
        updatedAt = now;
        record(PanelChange.Kind.OPINION_EDITED, null, null, deviationReason, null, actor, now);
        return opinion;
    }

    /** Why the secretary may not sign now, if anything. */
    Optional<String> signingProblem(LocalDate today) {
        if (status != PanelStatus.CONVENED) {
            return Optional.of("committee.panel.notConvened");
        }
        if (validReviews() < QUORUM) {
            return Optional.of("committee.opinion.noQuorum");
        }
        if (!pendingReviews().isEmpty() && (deadline == null || !today.isAfter(deadline))) {
            return Optional.of("committee.opinion.waitingForMembers");
        }
        Optional<CommitteeOpinion> opinion = opinionOf(round);
        if (opinion.isEmpty()) {
            return Optional.of("committee.opinion.none");
        }
        if (opinion.get().summary().validReviews() != validReviews()) {
            return Optional.of("committee.opinion.outdated");
        }
        return Optional.empty();
    }

    /** The secretary signs: members still pending lapse, the opinion is final and the panel has spoken. */
    CommitteeOpinion sign(Actor actor, LocalDate today, Instant now) {
        signingProblem(today).ifPresent(key -> {
            throw new BusinessRuleViolation(key, QUORUM, validReviews());
        });
        CommitteeOpinion opinion = opinionOf(round).orElseThrow();
        pendingReviews().forEach(r -> r.lapse(now));
        opinion.sign(actor, now);
        move(PanelStatus.SIGNED);
        updatedAt = now;
        record(PanelChange.Kind.SIGNED, null, null, null, null, actor, now);
        return opinion;
    }

    /**
     * The department corrected and resubmitted the item the panel returned: the same panel reviews it again
     * in a new round. Members who served keep their declaration and review afresh.
     *
     * @return the reviews of the new round
     */
    List<Review> reopen(String newTitle, LocalDate newStepDueOn, LocalDate newDeadline, Instant now) {
        CommitteeOpinion last = opinionOf(round).orElseThrow(() -> new IllegalStateException("no signed opinion"));
        if (last.recommendation() != Recommendation.APPROVE_WITH_CHANGES) {
            throw new IllegalStateException("panel " + id + " did not return the item");
        }
        move(PanelStatus.CONVENED);
        // Who served (or was due to and did not answer) stays; a review set aside for a conflict does not.
        List<Review> previous = reviewsOf(round).stream()
                .filter(r -> r.status() == ReviewStatus.SUBMITTED || r.status() == ReviewStatus.LAPSED).toList();
        members = new ArrayList<>(previous.stream().map(Review::accountId).toList());
        round++;
        itemTitle = newTitle;
        stepDueOn = newStepDueOn;
        deadline = newDeadline;
        updatedAt = now;
        List<Review> next = previous.stream().map(r -> r.cleared() ? Review.again(round, r, now)
                : Review.drawn(round, new Candidate(r.accountId(), r.memberName(), r.kind(), 0, false, false, List.of()),
                now)).toList();
        reviews.addAll(next);
        record(PanelChange.Kind.REOPENED, null, null, null, null, Actors.SYSTEM, "", now);
        return next;
    }

    /** The chain ended without an opinion (the item was withdrawn). */
    List<Review> close(String actor, Instant now) {
        move(PanelStatus.CLOSED);
        List<Review> pending = pendingReviews();
        pending.forEach(r -> r.lapse(now));
        updatedAt = now;
        record(PanelChange.Kind.CLOSED, null, null, null, null, actor, "", now);
        return pending;
    }

    // --- reading ---

    public List<Review> reviewsOf(int whichRound) {
        return reviews.stream().filter(r -> r.round() == whichRound).toList();
    }

    public List<Review> currentReviews() {
        return reviewsOf(round);
    }

    public Optional<Review> currentReviewOf(long accountId) {
        return reviews.stream().filter(r -> r.round() == round && r.accountId() == accountId)
                .filter(r -> r.status() != ReviewStatus.RECUSED && r.status() != ReviewStatus.REMOVED)
                .reduce((first, second) -> second);
    }

    /** Every review the member had on this panel, newest round last. */
    public List<Review> reviewsBy(long accountId) {
        return reviews.stream().filter(r -> r.accountId() == accountId).toList();
    }

    public int validReviews() {
        return (int) reviewsOf(round).stream().filter(Review::valid).count();
    }

    public List<Review> pendingReviews() {
        return reviewsOf(round).stream().filter(r -> r.status().pending()).toList();
    }

    public Optional<CommitteeOpinion> opinionOf(int whichRound) {
        return opinions.stream().filter(o -> o.round() == whichRound).findFirst();
    }

    public Optional<CommitteeOpinion> currentOpinion() {
        return opinionOf(round);
    }

    public List<CommitteeOpinion> signedOpinions() {
        return opinions.stream().filter(CommitteeOpinion::signed).toList();
    }

    /** The kinds of everyone seated in the current round (the composition later steps see). */
    public List<MemberKind> seatedKinds() {
        return reviewsOf(round).stream().filter(r -> r.status().seated()).map(Review::kind).toList();
    }

    /** Who left this item's panel for a conflict: never drawn for it again. */
    public java.util.Set<Long> recused() {
        java.util.Set<Long> out = new java.util.HashSet<>();
        reviews.stream().filter(r -> r.status() == ReviewStatus.RECUSED).forEach(r -> out.add(r.accountId()));
        return out;
    }

    /** Everyone who has held a seat or been replaced (never drawn as a replacement again). */
    public List<Long> everSeated() {
        List<Long> all = new ArrayList<>(members);
        reviews.forEach(r -> {
            if (!all.contains(r.accountId())) {
                all.add(r.accountId());
            }
        });
        return all;
    }

    private Review pendingReviewOf(long accountId) {
        Review review = currentReviewOf(accountId)
                .orElseThrow(() -> new BusinessRuleViolation("committee.review.notOnPanel"));
        if (!review.status().pending()) {
            throw new BusinessRuleViolation("committee.review.notPending",
                    new DefaultMessageSourceResolvable("committee.reviewStatus." + review.status()));
        }
        return review;
    }

    private void checkDeadline(LocalDate newDeadline, LocalDate today) {
        if (!newDeadline.isAfter(today)) {
            throw new BusinessRuleViolation("committee.panel.deadlinePast");
        }
        // The panel works inside its step's time; only a step already due leaves no room to stay inside.
        if (stepDueOn.isAfter(today) && newDeadline.isAfter(stepDueOn)) {
            throw new BusinessRuleViolation("committee.panel.deadlineAfterStep",
                    cn.campusgate.core.Formats.dateText(stepDueOn));
        }
        if (newDeadline.isAfter(today.plusDays(60))) {
            throw new BusinessRuleViolation("committee.panel.deadlineTooFar", 60);
        }
    }

    private static String reason(@Nullable String reason) {
        if (reason == null || reason.isBlank()) {
            throw new BusinessRuleViolation("committee.reasonRequired");
        }
        if (reason.strip().length() > MAX_REASON) {
            throw new BusinessRuleViolation("committee.reasonTooLong", MAX_REASON);
        }
        return reason.strip();
    }

    private void requireStatus(PanelStatus required) {
        if (status != required) {
            throw new BusinessRuleViolation("committee.panel.wrongStatus",
                    new DefaultMessageSourceResolvable("committee.panelStatus." + status));
        }
    }

    private void move(PanelStatus next) {
        if (!status.canMoveTo(next)) {
            throw new BusinessRuleViolation("committee.panel.illegalTransition",
                    new DefaultMessageSourceResolvable("committee.panelStatus." + status),
                    new DefaultMessageSourceResolvable("committee.panelStatus." + next));
        }
        status = next;
    }

    private void record(PanelChange.Kind kind, @Nullable Long accountId, @Nullable String accountName,
                        @Nullable String reason, @Nullable DrawRecord drawn, Actor actor, Instant now) {
        record(kind, accountId, accountName, reason, drawn, actor.username(), actor.displayName(), now);
    }

    private void record(PanelChange.Kind kind, @Nullable Long accountId, @Nullable String accountName,
                        @Nullable String reason, @Nullable DrawRecord drawn, String actor, String actorName,
                        Instant now) {
        newChanges.add(new PanelChange(kind, round, accountId, accountName, reason, drawn, actor, actorName, now));
    }

    List<PanelChange> drainChanges() {
        List<PanelChange> drained = List.copyOf(newChanges);
        newChanges.clear();
        return drained;
    }

    boolean isNew() { return id == null; }
    void assignId(long newId) { id = newId; }
    void bumpVersion() { version++; }

    public long id() { return Objects.requireNonNull(id, "not saved yet"); }
    public int version() { return version; }
    public long itemId() { return itemId; }
    public long approvalId() { return approvalId; }
    public long committeeId() { return committeeId; }
    public String itemTitle() { return itemTitle; }
    public PanelStatus status() { return status; }
    public int round() { return round; }
    public int size() { return size; }
    public List<Long> members() { return List.copyOf(members); }
    public @Nullable DrawRecord draw() { return draw; }
    public @Nullable ItemFacts facts() { return facts; }
    public @Nullable LocalDate deadline() { return deadline; }
    public LocalDate stepDueOn() { return stepDueOn; }
    public int remindedRound() { return remindedRound; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public @Nullable Instant convenedAt() { return convenedAt; }
    public List<Review> reviews() { return List.copyOf(reviews); }
    public List<CommitteeOpinion> opinions() { return List.copyOf(opinions); }
}
