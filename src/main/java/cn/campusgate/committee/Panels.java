package cn.campusgate.committee;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import cn.campusgate.approval.Approval;
import cn.campusgate.approval.ApprovalTask;
import cn.campusgate.approval.Approvals;
import cn.campusgate.approval.StepKind;
import cn.campusgate.calendar.WorkingCalendar;
import cn.campusgate.committee.CommitteeEvents.MemberRemoved;
import cn.campusgate.committee.CommitteeEvents.MemberReplaced;
import cn.campusgate.committee.CommitteeEvents.OpinionDrafted;
import cn.campusgate.committee.CommitteeEvents.OpinionEdited;
import cn.campusgate.committee.CommitteeEvents.OpinionSigned;
import cn.campusgate.committee.CommitteeEvents.PanelAdjusted;
import cn.campusgate.committee.CommitteeEvents.PanelConvened;
import cn.campusgate.committee.CommitteeEvents.PanelDeadlineExtended;
import cn.campusgate.committee.CommitteeEvents.PanelDrawn;
import cn.campusgate.committee.CommitteeEvents.PanelReminded;
import cn.campusgate.committee.CommitteeEvents.ReviewSetAside;
import cn.campusgate.core.Actor;
import cn.campusgate.core.Actors;
import cn.campusgate.core.BusinessRuleViolation;
import cn.campusgate.core.NotFound;
import cn.campusgate.core.Role;
import cn.campusgate.item.Item;
import cn.campusgate.item.Items;
import cn.campusgate.organization.Organizations;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The secretary's work on panels: propose one by a recorded draw, adjust it with reasons, convene it, follow
 * the members, draft and edit the opinion, and sign it, which decides the item's expert-opinion step. Every
 * action locks its panel first.
 */
@Service
public class Panels {

    private static final SecureRandom SEEDS = new SecureRandom();

    private final PanelRepository repository;
    private final Candidates candidates;
    private final Items items;
    private final Approvals approvals;
    private final Organizations organizations;
    private final OpinionWriter writer;
    private final CommitteeNotices notices;
    private final WorkingCalendar calendar;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int defaultSize;
    private final int reviewWorkingDays;

    Panels(PanelRepository repository, Candidates candidates, Items items, Approvals approvals,
           Organizations organizations, OpinionWriter writer, CommitteeNotices notices, WorkingCalendar calendar,
           ApplicationEventPublisher events, Clock clock,
           @Value("${campusgate.committee.panel-size:5}") int defaultSize,
           @Value("${campusgate.committee.review-working-days:5}") int reviewWorkingDays) {
        this.repository = repository;
        this.candidates = candidates;
        this.items = items;
        this.approvals = approvals;
        this.organizations = organizations;
        this.writer = writer;
        this.notices = notices;
        this.calendar = calendar;
        this.events = events;
        this.clock = clock;
        this.defaultSize = defaultSize;
        this.reviewWorkingDays = reviewWorkingDays;
    }

    /** The secretary's overview: panels to form, panels at work, opinions signed lately. */
    public record Docket(List<Panel> forming, List<Panel> convened, List<Panel> signed) {
    }

    /** What the panel page shows the secretary. */
    public record PanelPage(Panel panel, String departmentName, List<Candidate> candidates,
                            List<PanelChange> changes, List<SimilarPanel> similar, LocalDate suggestedDeadline,
                            @Nullable String signingProblem, boolean mayRemind, int defaultSize) {

        public @Nullable Candidate candidate(long accountId) {
            return candidates.stream().filter(c -> c.accountId() == accountId).findFirst().orElse(null);
        }

        public List<Candidate> addable() {
            return candidates.stream().filter(c -> c.drawable() && !panel.members().contains(c.accountId())).toList();
        }
    }

    /** The panel of an item of the same or a similar theme, which the draw may prefer. */
    public record SimilarPanel(long panelId, long itemId, String itemTitle, List<Long> members) {
    }

    /** One recorded draw and whether it replays. */
    public record Replay(PanelChange change, DrawRecord draw, List<Long> recomputed, boolean matches) {
    }

    // --- reading ---

    @Transactional(readOnly = true)
    public Docket docket() {
        Actor actor = Roster.requireSecretary();
        long committee = actor.organizationId();
        return new Docket(repository.ofCommittee(committee, List.of(PanelStatus.REQUESTED, PanelStatus.PROPOSED), 200),
                repository.ofCommittee(committee, List.of(PanelStatus.CONVENED), 200),
                repository.ofCommittee(committee, List.of(PanelStatus.SIGNED), 50).reversed());
    }

    /** How many of the secretary's panels wait to be formed, and how many have the quorum for an opinion. */
    public record Counts(long forming, long readyToSign) {
    }

    @Transactional(readOnly = true)
    public Counts counts() {
        long committee = Roster.requireSecretary().organizationId();
        return new Counts(repository.countOfCommittee(committee, PanelStatus.REQUESTED)
                + repository.countOfCommittee(committee, PanelStatus.PROPOSED),
                repository.countReadyToSign(committee, Panel.QUORUM));
    }

    /** The item's live (or latest) panel, as the secretary of its committee sees it. */
    @Transactional(readOnly = true)
    public PanelPage page(long itemId) {
        Actor actor = Roster.requireSecretary();
        Panel panel = repository.latestForItem(itemId).filter(p -> p.committeeId() == actor.organizationId())
                .orElseThrow(() -> new NotFound("panel", itemId));
        Item item = items.get(itemId);
        ItemFacts facts = candidates.facts(item);
        LocalDate today = today();
        List<Candidate> current = panel.status() == PanelStatus.SIGNED || panel.status() == PanelStatus.CLOSED
                ? List.of() : candidates.of(panel, facts, Set.of(), today);
        List<SimilarPanel> similar = panel.status().forming() ? similarPanels(itemId) : List.of();
        return new PanelPage(panel, organizations.get(item.departmentId()).name(), current,
                repository.changes(panel.id()), similar, defaultDeadline(panel.stepDueOn(), today),
                panel.status() == PanelStatus.CONVENED ? panel.signingProblem(today).orElse(null) : null,
                panel.status() == PanelStatus.CONVENED && panel.remindedRound() < panel.round()
                        && !panel.pendingReviews().isEmpty(), defaultSize);
    }

    /** Every recorded draw of the panel, drawn again from its recorded inputs (for the secretary or supervision). */
    @Transactional(readOnly = true)
    public List<Replay> replay(long panelId) {
        Actor actor = Actors.required();
        Panel panel = repository.find(panelId).orElseThrow(() -> new NotFound("panel", panelId));
        boolean secretary = actor.has(Role.COMMITTEE_SECRETARY) && panel.committeeId() == actor.organizationId();
        boolean supervision = actor.has(Role.SUPERVISOR) && organizations.scopeOf(actor).contains(panel.committeeId());
        if (!secretary && !supervision) {
            throw new NotFound("panel", panelId);
        }
        return repository.changes(panelId).stream().filter(c -> c.draw() != null).map(c -> {
            DrawRecord draw = Objects.requireNonNull(c.draw());
            List<Long> again = draw.recomputed();
            return new Replay(c, draw, again, again.equals(draw.chosen()));
        }).toList();
    }

    @Transactional(readOnly = true)
    public Panel get(long panelId) {
        return ownPanel(Roster.requireSecretary(), panelId, false);
    }

    // --- forming ---

    /**
     * Draws a panel for the item: every kind covered, nobody conflicted, matching expertise and lower load
     * first, ties broken by a fresh recorded seed.
     *
     * @param preferPanelId a similar item's panel whose members the draw should prefer, if any
     */
    @Transactional
    public Panel propose(long panelId, int size, @Nullable Long preferPanelId) {
        Actor actor = Roster.requireSecretary();
        Panel panel = ownPanel(actor, panelId, true);
        Item item = items.get(panel.itemId());
        ItemFacts facts = candidates.facts(item);
        panel.useFacts(facts);
        Set<Long> preferred = Set.of();
        if (preferPanelId != null) {
            preferred = similarPanels(panel.itemId()).stream().filter(s -> s.panelId() == preferPanelId).findFirst()
                    .map(s -> Set.copyOf(s.members()))
                    .orElseThrow(() -> new BusinessRuleViolation("committee.panel.notSimilar"));
        }
        List<Candidate> pool = candidates.of(panel, facts, preferred, today());
        DrawRecord draw = DrawRecord.panel(pool, size, SEEDS.nextLong());
        panel.propose(draw, actor, clock.instant());
        repository.save(panel);
        events.publishEvent(new PanelDrawn(actor.username(), panel.id(), panel.itemId(), draw.seed(), draw.chosen()));
        return panel;
    }

    @Transactional
    public Panel add(long panelId, long accountId, String reason) {
        Actor actor = Roster.requireSecretary();
        Panel panel = ownPanel(actor, panelId, true);
        Candidate candidate = currentCandidates(panel).stream().filter(c -> c.accountId() == accountId).findFirst()
                .orElseThrow(() -> new BusinessRuleViolation("committee.panel.notOnRoster"));
        panel.add(candidate, reason, actor, clock.instant());
        repository.save(panel);
        events.publishEvent(new PanelAdjusted(actor.username(), panel.id(), PanelChange.Kind.ADDED, accountId,
                reason.strip()));
        return panel;
    }

    @Transactional
    public Panel remove(long panelId, long accountId, String reason) {
        Actor actor = Roster.requireSecretary();
        Panel panel = ownPanel(actor, panelId, true);
        String name = nameOf(panel, accountId);
        panel.remove(accountId, name, reason, actor, clock.instant());
        repository.save(panel);
        events.publishEvent(new PanelAdjusted(actor.username(), panel.id(), PanelChange.Kind.REMOVED, accountId,
                reason.strip()));
        return panel;
    }

    @Transactional
    public Panel discard(long panelId, String reason) {
        Actor actor = Roster.requireSecretary();
        Panel panel = ownPanel(actor, panelId, true);
        panel.discard(reason, actor, clock.instant());
        repository.save(panel);
        events.publishEvent(new PanelAdjusted(actor.username(), panel.id(), PanelChange.Kind.DISCARDED, null,
                reason.strip()));
        return panel;
    }

    /** Confirms the proposal: conflicts are checked again, and every member is asked to declare. */
    @Transactional
    public Panel convene(long panelId, LocalDate deadline) {
        Actor actor = Roster.requireSecretary();
        Panel panel = ownPanel(actor, panelId, true);
        List<Review> drawn = panel.convene(currentCandidates(panel), deadline, today(), actor, clock.instant());
        repository.save(panel);
        events.publishEvent(new PanelConvened(actor.username(), panel.id(), panel.itemId(), panel.members(), deadline));
        notices.drawn(panel, drawn);
        return panel;
    }

    // --- following the members ---

    /** Replaces a member who has not reviewed (with a reason); a replacement is drawn at once. */
    @Transactional
    public Panel replaceMember(long panelId, long accountId, String reason) {
        Actor actor = Roster.requireSecretary();
        Panel panel = ownPanel(actor, panelId, true);
        Review removed = panel.replaceMember(accountId, reason, actor, clock.instant());
        events.publishEvent(new MemberRemoved(actor.username(), panel.id(), accountId, reason.strip()));
        drawReplacement(panel, removed);
        return panel;
    }

    /**
     * Draws someone for the seat the member left, from the candidates as they stand, of the same kind if
     * possible; records the draw, saves the panel and tells the new member and the secretary. Used by the
     * reviews too.
     */
    void drawReplacement(Panel panel, Review left) {
        ItemFacts facts = Objects.requireNonNull(panel.facts(), "a convened panel knows its item");
        List<Candidate> pool = candidates.of(panel, facts, Set.of(), today());
        // Whoever sat on the panel, and whoever the secretary took off it, is not drawn back.
        List<Long> excluded = new ArrayList<>(panel.everSeated());
        repository.changes(panel.id()).stream()
                .filter(c -> c.kind() == PanelChange.Kind.REMOVED && c.accountId() != null)
                .map(PanelChange::accountId).filter(id -> !excluded.contains(id)).forEach(excluded::add);
        DrawRecord draw = DrawRecord.replacement(pool, excluded, left.accountId(), SEEDS.nextLong());
        Optional<Candidate> chosen = draw.chosen().stream().findFirst()
                .flatMap(id -> pool.stream().filter(c -> c.accountId() == id).findFirst());
        Review seated = chosen.map(c -> panel.seat(c, draw, clock.instant())).orElse(null);
        if (seated == null) {
            panel.noReplacement(draw, clock.instant());
        }
        repository.save(panel);
        if (seated != null) {
            notices.drawn(panel, List.of(seated));
        }
        notices.seatFreed(panel, left, chosen.map(Candidate::name).orElse(null));
        events.publishEvent(new MemberReplaced(Actors.currentName(), panel.id(), left.accountId(),
                chosen.map(Candidate::accountId).orElse(0L), draw.seed()));
    }

    @Transactional
    public Panel setAside(long panelId, long reviewId, String reason) {
        Actor actor = Roster.requireSecretary();
        Panel panel = ownPanel(actor, panelId, true);
        panel.setAside(reviewId, reason, actor, clock.instant());
        repository.save(panel);
        events.publishEvent(new ReviewSetAside(actor.username(), panel.id(), reviewId, reason.strip()));
        return panel;
    }

    /** The one reminder of the round, sent by the secretary now rather than by the morning job. */
    @Transactional
    public Panel remind(long panelId) {
        Actor actor = Roster.requireSecretary();
        Panel panel = ownPanel(actor, panelId, true);
        List<Review> pending = panel.remind(actor.username(), actor.displayName(), clock.instant());
        repository.save(panel);
        events.publishEvent(new PanelReminded(actor.username(), panel.id(), panel.round(),
                pending.stream().map(Review::accountId).toList()));
        notices.remind(panel, pending);
        return panel;
    }

    /** The morning job: panels due within a working day get their one reminder. */
    @Transactional
    public int remindDue() {
        LocalDate by = calendar.addWorkingDays(today(), 1);
        int reminded = 0;
        for (long id : repository.dueForReminder(by)) {
            Panel panel = repository.lock(id).orElseThrow();
            if (panel.status() != PanelStatus.CONVENED || panel.remindedRound() >= panel.round()
                    || panel.pendingReviews().isEmpty()) {
                continue;
            }
            List<Review> pending = panel.remind(Actors.SYSTEM, "", clock.instant());
            repository.save(panel);
            events.publishEvent(new PanelReminded(Actors.SYSTEM, panel.id(), panel.round(),
                    pending.stream().map(Review::accountId).toList()));
            notices.remind(panel, pending);
            reminded++;
        }
        return reminded;
    }

    @Transactional
    public Panel extendDeadline(long panelId, LocalDate deadline, String reason) {
        Actor actor = Roster.requireSecretary();
        Panel panel = ownPanel(actor, panelId, true);
        panel.extendDeadline(deadline, reason, today(), actor, clock.instant());
        repository.save(panel);
        events.publishEvent(new PanelDeadlineExtended(actor.username(), panel.id(), deadline, reason.strip()));
        return panel;
    }

    // --- the opinion ---

    /** Generates (again) the draft opinion of the round from its valid reviews. */
    @Transactional
    public CommitteeOpinion draftOpinion(long panelId) {
        Actor actor = Roster.requireSecretary();
        Panel panel = ownPanel(actor, panelId, true);
        panel.requireOpinionPossible();
        OpinionSummary summary = summaryOf(panel);
        String text = writer.text(panel, summary, organizations.get(panel.committeeId()).name(),
                departmentName(panel));
        CommitteeOpinion opinion = panel.draftOpinion(summary, text, actor, clock.instant());
        repository.save(panel);
        events.publishEvent(new OpinionDrafted(actor.username(), panel.id(), panel.round(), summary.validReviews()));
        return opinion;
    }

    @Transactional
    public CommitteeOpinion editOpinion(long panelId, OpinionCommand command) {
        Actor actor = Roster.requireSecretary();
        Panel panel = ownPanel(actor, panelId, true);
        if (command.recommendation() == null) {
            throw new BusinessRuleViolation("committee.opinion.recommendationRequired");
        }
        CommitteeOpinion opinion = panel.editOpinion(Objects.requireNonNullElse(command.text(), ""),
                command.recommendation(), command.deviationReason(), actor, clock.instant());
        repository.save(panel);
        events.publishEvent(new OpinionEdited(actor.username(), panel.id(), panel.round(), opinion.recommendation()));
        return opinion;
    }

    /**
     * Signs the round's opinion: pending members lapse, the opinion is final, and the item's expert-opinion
     * step is decided as the opinion recommends (approve, return for the listed changes, or reject), by the
     * signing secretary.
     */
    @Transactional
    public CommitteeOpinion sign(long panelId) {
        Actor actor = Roster.requireSecretary();
        Panel panel = ownPanel(actor, panelId, true);
        ApprovalTask task = openStep(panel.itemId(), actor);
        CommitteeOpinion opinion = panel.sign(actor, today(), clock.instant());
        repository.save(panel);
        events.publishEvent(new OpinionSigned(actor.username(), panel.id(), panel.itemId(), opinion.id(),
                opinion.round(), opinion.recommendation()));
        approvals.decide(task.id(), opinion.recommendation().decision(), writer.chainSystemText(panel, opinion), null);
        notices.signed(panel, opinion);
        return opinion;
    }

    /** The summary of the round's valid reviews (what the draft is generated from). */
    OpinionSummary summaryOf(Panel panel) {
        List<ReviewContent> valid = panel.currentReviews().stream().filter(Review::valid)
                .map(r -> Objects.requireNonNull(r.content())).toList();
        int lapsed = (int) panel.currentReviews().stream().filter(r -> r.status().pending()).count();
        return OpinionSummary.of(valid, panel.seatedKinds(), lapsed);
    }

    private ApprovalTask openStep(long itemId, Actor actor) {
        Approval approval = approvals.forItem(itemId).orElseThrow(() -> new BusinessRuleViolation("committee.opinion.noOpenStep"));
        return approval.openTasks().filter(t -> t.stepKind() == StepKind.EXPERT_OPINION)
                .filter(t -> t.actionableBy(actor)).findFirst()
                .orElseThrow(() -> new BusinessRuleViolation("committee.opinion.noOpenStep"));
    }

    private List<Candidate> currentCandidates(Panel panel) {
        ItemFacts facts = panel.facts() != null ? panel.facts() : candidates.facts(items.get(panel.itemId()));
        return candidates.of(panel, facts, Set.of(), today());
    }

    private List<SimilarPanel> similarPanels(long itemId) {
        List<Long> similarItems = items.similarTo(itemId, 8).stream().map(t -> t.key())
                .filter(k -> k.startsWith("item:")).map(k -> Long.parseLong(k.substring(5))).toList();
        List<SimilarPanel> similar = new ArrayList<>();
        for (Panel other : repository.convenedForItems(similarItems)) {
            similar.add(new SimilarPanel(other.id(), other.itemId(), other.itemTitle(), other.currentReviews().stream()
                    .filter(r -> r.status().seated()).map(Review::accountId).toList()));
        }
        return similar;
    }

    /**
     * The panel's default deadline: {@code campusgate.committee.review-working-days} working days from today,
     * but a day before the step is due where that leaves at least one working day.
     */
    LocalDate defaultDeadline(LocalDate stepDueOn, LocalDate today) {
        LocalDate wanted = calendar.addWorkingDays(today, reviewWorkingDays);
        LocalDate beforeStep = stepDueOn.minusDays(1);
        LocalDate earliest = calendar.addWorkingDays(today, 1);
        LocalDate chosen = wanted.isAfter(beforeStep) ? beforeStep : wanted;
        return chosen.isBefore(earliest) ? earliest : chosen;
    }

    private String nameOf(Panel panel, long accountId) {
        DrawRecord draw = panel.draw();
        Candidate recorded = draw == null ? null : draw.candidate(accountId);
        return recorded != null ? recorded.name() : String.valueOf(accountId);
    }

    private String departmentName(Panel panel) {
        return panel.facts() != null ? panel.facts().departmentName()
                : organizations.get(items.get(panel.itemId()).departmentId()).name();
    }

    private Panel ownPanel(Actor actor, long panelId, boolean lock) {
        Optional<Panel> found = lock ? repository.lock(panelId) : repository.find(panelId);
        return found.filter(p -> p.committeeId() == actor.organizationId())
                .orElseThrow(() -> new NotFound("panel", panelId));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
