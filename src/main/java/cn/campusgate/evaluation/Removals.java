package cn.campusgate.evaluation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import cn.campusgate.calendar.WorkingCalendar;
import cn.campusgate.core.Actor;
import cn.campusgate.core.Actors;
import cn.campusgate.core.BusinessRuleViolation;
import cn.campusgate.core.NotFound;
import cn.campusgate.core.Role;
import cn.campusgate.evaluation.EvaluationEvents.RemovalCarriedOut;
import cn.campusgate.evaluation.EvaluationEvents.RemovalDecided;
import cn.campusgate.evaluation.EvaluationEvents.RemovalProposed;
import cn.campusgate.evaluation.EvaluationEvents.RemovalResponded;
import cn.campusgate.evaluation.EvaluationEvents.RemovalWindowClosed;
import cn.campusgate.evaluation.EvaluationEvents.RemovalWithdrawn;
import cn.campusgate.notification.Notice;
import cn.campusgate.notification.Notifications;
import cn.campusgate.organization.Organization;
import cn.campusgate.organization.OrganizationKind;
import cn.campusgate.organization.Organizations;
import cn.campusgate.whitelist.Whitelist;
import cn.campusgate.whitelist.Whitelists;
import cn.campusgate.core.SystemText;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Removal proposals (调整出白名单, R-5): made with their evidence for entries whose effectiveness calls for it; the
 * department is notified and may respond within its window (working days); the district leadership group decides;
 * the commission carries a removal out through the whitelist's change process ({@link Whitelists#remove}), which puts
 * it in the public change log. Every move publishes an audited event, scoped to the actor's organisation.
 */
@Service
public class Removals {

    private final EvaluationRepository repository;
    private final EffectivenessReport report;
    private final Whitelists whitelists;
    private final Organizations organizations;
    private final Notifications notifications;
    private final WorkingCalendar calendar;
    private final EvaluationSettings settings;
    private final Scope scope;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Removals(EvaluationRepository repository, EffectivenessReport report, Whitelists whitelists,
             Organizations organizations, Notifications notifications, WorkingCalendar calendar,
             EvaluationSettings settings, Scope scope, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.report = report;
        this.whitelists = whitelists;
        this.organizations = organizations;
        this.notifications = notifications;
        this.calendar = calendar;
        this.settings = settings;
        this.scope = scope;
        this.events = events;
        this.clock = clock;
    }

    // --- proposing ---

    /** The commission re-assesses its jurisdiction now; returns the proposals made. */
    @Transactional
    public List<RemovalProposal> assess() {
        Actor actor = Scope.require(Role.COMMISSION_REVIEWER);
        return propose(report.linesIn(scope.jurisdictions(actor)), actor.username());
    }

    /** The daily assessment of every jurisdiction, by the system. */
    @Transactional
    public List<RemovalProposal> assessAll() {
        repository.serialiseJob("evaluation.assess"); // a second node waits, then finds the open proposals
        Set<Long> all = new java.util.HashSet<>();
        organizations.ofKind(OrganizationKind.JURISDICTION).forEach(j -> all.add(j.id()));
        return propose(report.linesIn(all), Actors.SYSTEM);
    }

    private List<RemovalProposal> propose(Collection<EffectivenessReport.Line> lines, String actor) {
        List<RemovalProposal> made = new ArrayList<>();
        for (EffectivenessReport.Line line : lines) {
            if (!line.figure().callsForRemoval() || line.removed() || line.openProposal() != null
                    || !newEvidenceSinceLastProposal(line)) {
                continue;
            }
            made.add(propose(line, actor));
        }
        return made;
    }

    /** A kept or withdrawn entry is proposed again only on more evidence than the last proposal had. */
    private boolean newEvidenceSinceLastProposal(EffectivenessReport.Line line) {
        return repository.latestProposalFor(line.whitelistEntryId()).map(last -> {
            RemovalProposal.Evidence e = last.evidence();
            return line.evidence().publicAnswers() + line.evidence().schoolAnswers() + line.evidence().complaints()
                    > e.publicAnswers() + e.schoolAnswers() + e.complaints();
        }).orElse(true);
    }

    private RemovalProposal propose(EffectivenessReport.Line line, String actor) {
        Effectiveness.Figure f = line.figure();
        Effectiveness.Evidence e = line.evidence();
        LocalDate today = today();
        RemovalProposal proposal = RemovalProposal.propose(new RemovalProposal.Subject(line.whitelistEntryId(),
                        line.whitelistId(), line.itemId(), line.title(), line.departmentId(), line.departmentName(),
                        line.jurisdictionId()),
                new RemovalProposal.Evidence(f.score(), e.publicAnswers(), e.unfavourable(), f.dislikeBound(),
                        e.schoolAnswers(), e.complaints(), e.violations(), f.belowThreshold(), f.stronglyDisliked()),
                today, calendar.addWorkingDays(today, settings.responseWorkingDays()), clock.instant());
        repository.insertProposal(proposal);
        events.publishEvent(new RemovalProposed(actor, proposal.id(), line.whitelistEntryId(), line.departmentId(),
                line.title(), f.score(), f.stronglyDisliked(), proposal.responseDueOn()));
        notifications.sendToRole(line.departmentId(), Role.APPLICANT, new Notice("notice.removal.proposed",
                List.of(line.title(), String.valueOf(settings.responseWorkingDays())), link(proposal)));
        toDistrict(proposal, OrganizationKind.EDUCATION_COMMISSION, Role.COMMISSION_REVIEWER, "notice.removal.proposedCommission");
        return proposal;
    }

    // --- moves ---

    /** 部门说明: the department's response within its window. */
    @Transactional
    public RemovalProposal respond(long id, int expectedVersion, @Nullable String text) {
        Actor actor = Scope.require(Role.APPLICANT);
        RemovalProposal proposal = locked(id, expectedVersion, p -> p.subject().departmentId() == actor.organizationId());
        proposal.respond(text, actor.username(), today(), clock.instant());
        repository.saveProposal(proposal);
        events.publishEvent(new RemovalResponded(actor.username(), proposal.id(), proposal.subject().departmentId()));
        toDistrict(proposal, OrganizationKind.DISTRICT_LEADERSHIP_GROUP, Role.DISTRICT_APPROVER, "notice.removal.decisionDue");
        return proposal;
    }

    /** Windows that passed without a response move on to the decision (daily, by the system). */
    @Transactional
    public int closePassedWindows() {
        int closed = 0;
        for (long id : repository.windowsPassed(today())) {
            RemovalProposal proposal = repository.lockProposal(id).orElseThrow();
            if (proposal.status() != RemovalStatus.AWAITING_RESPONSE) {
                continue; // answered meanwhile, or closed by the same job on another node
            }
            proposal.closeWindow(today(), clock.instant());
            repository.saveProposal(proposal);
            events.publishEvent(new RemovalWindowClosed(Actors.currentName(), proposal.id(), proposal.responseDueOn()));
            toDistrict(proposal, OrganizationKind.DISTRICT_LEADERSHIP_GROUP, Role.DISTRICT_APPROVER,
                    "notice.removal.decisionDue");
            closed++;
        }
        return closed;
    }

    /** 领导小组决定: remove or keep, with the reason. */
    @Transactional
    public RemovalProposal decide(long id, int expectedVersion, boolean remove, @Nullable String note) {
        Actor actor = Scope.require(Role.DISTRICT_APPROVER);
        RemovalProposal proposal = locked(id, expectedVersion, p -> inJurisdiction(actor, p));
        proposal.decide(remove, note, actor.username(), today(), clock.instant());
        repository.saveProposal(proposal);
        events.publishEvent(new RemovalDecided(actor.username(), proposal.id(), remove,
                Objects.requireNonNull(proposal.decisionNote())));
        notifications.sendToRole(proposal.subject().departmentId(), Role.APPLICANT, new Notice(
                remove ? "notice.removal.decidedRemove" : "notice.removal.decidedKeep", List.of(proposal.subject().title()),
                link(proposal)));
        if (remove) {
            toDistrict(proposal, OrganizationKind.EDUCATION_COMMISSION, Role.COMMISSION_REVIEWER,
                    "notice.removal.carryOut");
        }
        return proposal;
    }

    /**
     * The commission carries a decided removal out through the whitelist's change process: on a list in force a new
     * published version, with the reason and the decision in the public change log.
     */
    @Transactional
    public RemovalProposal carryOut(long id, int expectedVersion, @Nullable String documentNumber) {
        Actor actor = Scope.require(Role.COMMISSION_REVIEWER);
        RemovalProposal proposal = locked(id, expectedVersion, p -> inJurisdiction(actor, p));
        if (proposal.status() != RemovalStatus.REMOVAL_DECIDED) {
            throw new BusinessRuleViolation("evaluation.removal.notNow");
        }
        RemovalProposal.Subject s = proposal.subject();
        Whitelist list = whitelists.get(s.whitelistId());
        RemovalProposal.Evidence e = proposal.evidence();
        // Kept as keys: the public change log reads them in the reader's language, the date as officials write it.
        SystemText reason = SystemText.of("whitelist.change.text.evaluationRemoval", e.score(), e.publicAnswers(),
                e.schoolAnswers(), e.complaints(), e.violations());
        SystemText decision = SystemText.of("whitelist.change.text.removalDecided",
                Objects.requireNonNull(proposal.decidedOn()), Objects.requireNonNullElse(proposal.decisionNote(), ""));
        Whitelist after = whitelists.remove(s.whitelistEntryId(), list.version(), reason, decision,
                documentNumber == null || documentNumber.isBlank() ? null : documentNumber.strip());
        int version = after.status().inForce() ? after.publishedVersion() : 0;
        proposal.carriedOut(version, clock.instant());
        repository.saveProposal(proposal);
        events.publishEvent(new RemovalCarriedOut(actor.username(), proposal.id(), s.whitelistId(), s.whitelistEntryId(),
                version));
        notifications.sendToRole(s.departmentId(), Role.APPLICANT, new Notice("notice.removal.removed",
                List.of(s.title()), link(proposal)));
        return proposal;
    }

    /** The commission withdraws a proposal before the decision, with the reason. */
    @Transactional
    public RemovalProposal withdraw(long id, int expectedVersion, @Nullable String reason) {
        Actor actor = Scope.require(Role.COMMISSION_REVIEWER);
        RemovalProposal proposal = locked(id, expectedVersion, p -> inJurisdiction(actor, p));
        proposal.withdraw(reason, actor.username(), today(), clock.instant());
        repository.saveProposal(proposal);
        events.publishEvent(new RemovalWithdrawn(actor.username(), proposal.id(),
                Objects.requireNonNull(proposal.decisionNote())));
        notifications.sendToRole(proposal.subject().departmentId(), Role.APPLICANT, new Notice(
                "notice.removal.withdrawn", List.of(proposal.subject().title()), link(proposal)));
        return proposal;
    }

    // --- reading ---

    @Transactional(readOnly = true)
    public RemovalProposal get(long id) {
        Actor actor = Scope.requireReader();
        return repository.proposal(id).filter(p -> mayRead(actor, p)).orElseThrow(() -> new NotFound("removal", id));
    }

    @Transactional(readOnly = true)
    public List<RemovalProposal> visible() {
        Actor actor = Scope.requireReader();
        if (Scope.districtStaff(actor)) {
            return repository.proposalsIn(scope.jurisdictions(actor));
        }
        return repository.proposalsOfDepartment(actor.organizationId());
    }

    /** What waits for the actor: a department's responses, the leadership group's decisions, the commission's removals. */
    @Transactional(readOnly = true)
    public long waitingFor(Actor actor, RemovalStatus status) {
        return switch (status) {
            case AWAITING_RESPONSE -> actor.has(Role.APPLICANT)
                    ? repository.countProposalsOfDepartment(actor.organizationId(), status) : 0;
            case AWAITING_DECISION -> actor.has(Role.DISTRICT_APPROVER)
                    ? repository.countProposals(scope.jurisdictions(actor), status) : 0;
            case REMOVAL_DECIDED -> actor.has(Role.COMMISSION_REVIEWER)
                    ? repository.countProposals(scope.jurisdictions(actor), status) : 0;
            default -> 0;
        };
    }

    /** Whether the actor may take the proposal's next step now (pages offer only that). */
    public boolean mayRespond(Actor actor, RemovalProposal p) {
        return actor.has(Role.APPLICANT) && p.subject().departmentId() == actor.organizationId()
                && p.status() == RemovalStatus.AWAITING_RESPONSE && !today().isAfter(p.responseDueOn());
    }

    public boolean mayDecide(Actor actor, RemovalProposal p) {
        return actor.has(Role.DISTRICT_APPROVER) && p.status() == RemovalStatus.AWAITING_DECISION && inJurisdiction(actor, p);
    }

    public boolean mayCarryOut(Actor actor, RemovalProposal p) {
        return actor.has(Role.COMMISSION_REVIEWER) && p.status() == RemovalStatus.REMOVAL_DECIDED && inJurisdiction(actor, p);
    }

    public boolean mayWithdraw(Actor actor, RemovalProposal p) {
        return actor.has(Role.COMMISSION_REVIEWER) && p.status().canMoveTo(RemovalStatus.WITHDRAWN)
                && inJurisdiction(actor, p);
    }

    // --- helpers ---

    private RemovalProposal locked(long id, int expectedVersion, java.util.function.Predicate<RemovalProposal> allowed) {
        RemovalProposal proposal = repository.lockProposal(id).filter(allowed)
                .orElseThrow(() -> new NotFound("removal", id));
        if (proposal.version() != expectedVersion) {
            throw new BusinessRuleViolation("error.stale");
        }
        return proposal;
    }

    private boolean mayRead(Actor actor, RemovalProposal p) {
        return scope.covers(actor, p.subject().jurisdictionId(), p.subject().departmentId());
    }

    private boolean inJurisdiction(Actor actor, RemovalProposal p) {
        return scope.jurisdictions(actor).contains(p.subject().jurisdictionId());
    }

    private void toDistrict(RemovalProposal p, OrganizationKind kind, Role role, String key) {
        for (Organization o : organizations.ofKind(kind)) {
            if (o.active() && Objects.equals(o.parentId(), p.subject().jurisdictionId())) {
                notifications.sendToRole(o.id(), role, new Notice(key, List.of(p.subject().title()), link(p)));
            }
        }
    }

    private static String link(RemovalProposal p) {
        return "/evaluation/proposals/" + p.id();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
