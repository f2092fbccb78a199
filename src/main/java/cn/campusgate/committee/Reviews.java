package cn.campusgate.committee;

import java.time.Clock;
import java.util.List;
import java.util.Objects;

import cn.campusgate.committee.CommitteeEvents.MemberCleared;
import cn.campusgate.committee.CommitteeEvents.MemberRecused;
import cn.campusgate.committee.CommitteeEvents.ReviewSubmitted;
import cn.campusgate.committee.PanelRepository.ReviewEntry;
import cn.campusgate.core.Actor;
import cn.campusgate.core.Actors;
import cn.campusgate.core.BusinessRuleViolation;
import cn.campusgate.core.NotFound;
import cn.campusgate.core.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member's work on the panels they were drawn for: declare (no conflict, or a conflict and leave), then
 * review and submit once. Independence: a member reads what the others wrote only after submitting their
 * own review of that round; before, the service refuses.
 */
@Service
public class Reviews {

    private final PanelRepository repository;
    private final Panels panels;
    private final CommitteeNotices notices;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Reviews(PanelRepository repository, Panels panels, CommitteeNotices notices, ApplicationEventPublisher events,
            Clock clock) {
        this.repository = repository;
        this.panels = panels;
        this.notices = notices;
        this.events = events;
        this.clock = clock;
    }

    /** A line of the member's list: their review and the panel it belongs to. */
    public record Entry(long reviewId, long panelId, int round, ReviewStatus status, long itemId, String itemTitle,
                        java.time.@Nullable LocalDate deadline, PanelStatus panelStatus,
                        java.time.@Nullable Instant submittedAt) {
    }

    /**
     * What a member's review page shows. Before the declaration only what a conflict check needs (title,
     * department, co-organisers); the item itself opens once they confirmed.
     */
    public record ReviewPage(Panel panel, Review review, String departmentName, @Nullable String coOrganisers,
                             boolean mayDeclare, boolean mayReview, @Nullable OpinionSummary peers) {
    }

    @Transactional(readOnly = true)
    public List<Entry> mine() {
        Actor actor = requireMember();
        return repository.reviewsOf(actor.accountId()).stream().map(Reviews::entry).toList();
    }

    @Transactional(readOnly = true)
    public long pendingCount() {
        return repository.pendingReviewsOf(Actors.required().accountId());
    }

    @Transactional(readOnly = true)
    public ReviewPage page(long reviewId) {
        Actor actor = requireMember();
        Panel panel = panelOf(reviewId, false);
        Review review = own(panel, reviewId, actor);
        ItemFacts facts = panel.facts();
        boolean current = review.round() == panel.round() && panel.status() == PanelStatus.CONVENED;
        boolean mayDeclare = current && review.status() == ReviewStatus.AWAITING_DECLARATION;
        boolean mayReview = current && review.status() == ReviewStatus.IN_REVIEW;
        OpinionSummary peers = review.status() == ReviewStatus.SUBMITTED ? summaryOfRound(panel, review.round()) : null;
        return new ReviewPage(panel, review, facts == null ? "" : facts.departmentName(),
                facts == null ? null : facts.coOrganisers(), mayDeclare, mayReview, peers);
    }

    /** The member confirms having no conflict: they may now read the item and review it. */
    @Transactional
    public Review confirmNoConflict(long reviewId) {
        Actor actor = requireMember();
        Panel panel = panelOf(reviewId, true);
        own(panel, reviewId, actor);
        Review review = panel.confirmNoConflict(actor, clock.instant());
        repository.save(panel);
        events.publishEvent(new MemberCleared(actor.username(), panel.id(), reviewId));
        return review;
    }

    /** The member declares a conflict and leaves the panel; a replacement is drawn for the seat. */
    @Transactional
    public Review declareConflict(long reviewId, String reason) {
        Actor actor = requireMember();
        Panel panel = panelOf(reviewId, true);
        own(panel, reviewId, actor);
        Review review = panel.declareConflict(actor, reason, clock.instant());
        events.publishEvent(new MemberRecused(actor.username(), panel.id(), reviewId, Objects.requireNonNull(review.statusReason())));
        panels.drawReplacement(panel, review);
        return review;
    }

    /** Submits the review; refused with the first problem when the form is incomplete. Final once submitted. */
    @Transactional
    public Review submit(long reviewId, ReviewCommand command) {
        Actor actor = requireMember();
        Panel panel = panelOf(reviewId, true);
        Review review = own(panel, reviewId, actor);
        if (review.round() != panel.round()) {
            throw new BusinessRuleViolation("committee.review.oldRound");
        }
        List<ReviewCommand.Problem> problems = command.problems();
        if (!problems.isEmpty()) {
            throw new BusinessRuleViolation("committee.review.incomplete", problems.size());
        }
        ReviewContent content = command.toContent();
        boolean quorumReached = panel.submit(actor, content, clock.instant());
        repository.save(panel);
        events.publishEvent(new ReviewSubmitted(actor.username(), panel.id(), reviewId, review.round(),
                content.recommendation()));
        if (quorumReached) {
            notices.quorum(panel);
        }
        return review;
    }

    /**
     * What the panel's members wrote in a round, without names: only for a member who has submitted their
     * own review of that round (independence), or the secretary of the committee.
     */
    @Transactional(readOnly = true)
    public OpinionSummary peers(long reviewId) {
        Actor actor = Actors.required();
        Panel panel = panelOf(reviewId, false);
        Review review = panel.reviews().stream().filter(r -> r.id() == reviewId).findFirst()
                .orElseThrow(() -> new NotFound("review", reviewId));
        boolean secretary = actor.has(Role.COMMITTEE_SECRETARY) && panel.committeeId() == actor.organizationId();
        if (!secretary) {
            if (review.accountId() != actor.accountId()) {
                throw new NotFound("review", reviewId);
            }
            if (review.status() != ReviewStatus.SUBMITTED) {
                throw new BusinessRuleViolation("committee.review.independence");
            }
        }
        return summaryOfRound(panel, review.round());
    }

    private OpinionSummary summaryOfRound(Panel panel, int round) {
        List<ReviewContent> valid = panel.reviewsOf(round).stream().filter(Review::valid)
                .map(r -> Objects.requireNonNull(r.content())).toList();
        return OpinionSummary.of(valid, panel.reviewsOf(round).stream().filter(r -> r.status().seated())
                .map(Review::kind).toList(), 0);
    }

    private Panel panelOf(long reviewId, boolean lock) {
        long panelId = repository.panelOfReview(reviewId).orElseThrow(() -> new NotFound("review", reviewId));
        return (lock ? repository.lock(panelId) : repository.find(panelId))
                .orElseThrow(() -> new NotFound("review", reviewId));
    }

    private static Review own(Panel panel, long reviewId, Actor actor) {
        return panel.reviews().stream().filter(r -> r.id() == reviewId && r.accountId() == actor.accountId())
                .findFirst().orElseThrow(() -> new NotFound("review", reviewId));
    }

    private static Actor requireMember() {
        Actor actor = Actors.required();
        if (!actor.has(Role.EXPERT)) {
            throw new AccessDeniedException("committee members only");
        }
        return actor;
    }

    private static Entry entry(ReviewEntry e) {
        return new Entry(e.reviewId(), e.panelId(), e.round(), e.status(), e.itemId(), e.itemTitle(), e.deadline(),
                e.panelStatus(), e.submittedAt());
    }
}
