package cn.campusgate.supervision;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import cn.campusgate.calendar.WorkingCalendar;
import cn.campusgate.core.Actor;
import cn.campusgate.core.Actors;
import cn.campusgate.core.BusinessRuleViolation;
import cn.campusgate.core.NotFound;
import cn.campusgate.core.Role;
import cn.campusgate.organization.Organization;
import cn.campusgate.supervision.SupervisionEvents.CaseClosed;
import cn.campusgate.supervision.SupervisionEvents.CaseMoved;
import cn.campusgate.supervision.SupervisionEvents.CaseVerified;
import cn.campusgate.supervision.SupervisionEvents.ExposurePublished;
import cn.campusgate.supervision.SupervisionEvents.ExtensionDecided;
import cn.campusgate.supervision.SupervisionEvents.ExtensionRequested;
import cn.campusgate.supervision.SupervisionEvents.RemovalCarriedOut;
import cn.campusgate.supervision.SupervisionEvents.SanctionAnswered;
import cn.campusgate.supervision.SupervisionEvents.SanctionIssued;
import cn.campusgate.whitelist.Whitelist;
import cn.campusgate.whitelist.WhitelistEntry;
import cn.campusgate.whitelist.Whitelists;
import cn.campusgate.core.SystemText;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cases at work. Supervisors of the district take complaints up, verify them, apply measures, follow up with
 * the complainant and close; each stage has a deadline in working days, extended only when someone else
 * approves. The body a measure is addressed to reads what verification established (never who complained)
 * and responds; the education commission carries out removals from the whitelist through the whitelist's own
 * change process and decides extensions. Every action locks its case first.
 */
@Service
public class Cases {

    private final SupervisionRepository repository;
    private final Complaints complaints;
    private final Bodies bodies;
    private final Whitelists whitelists;
    private final WorkingCalendar calendar;
    private final SupervisionSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Cases(SupervisionRepository repository, Complaints complaints, Bodies bodies, Whitelists whitelists,
          WorkingCalendar calendar, SupervisionSettings settings, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.complaints = complaints;
        this.bodies = bodies;
        this.whitelists = whitelists;
        this.calendar = calendar;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    /** Which cases a list shows. */
    public enum Filter { OPEN, OVERDUE, CLOSED }

    /** What the body a measure is addressed to reads: the case's facts as verified, never the complaint itself. */
    public record Addressed(Sanction sanction, String caseNumber, ComplaintCategory category, String schoolName,
                            @Nullable String findings) {
    }

    /** A removal from the whitelist waiting for the education commission. */
    public record RemovalRequest(Sanction sanction, long caseId, String caseNumber, @Nullable String findings) {
    }

    /** A whitelist entry a removal may concern. */
    public record EntryChoice(long whitelistId, long entryId, String title, int year) {
    }

    // --- reading ---

    @Transactional(readOnly = true)
    public List<SupervisionCase> list(Filter filter, @Nullable CaseStatus status) {
        Actor actor = Complaints.requireSupervisor();
        return repository.cases(bodies.scopeOf(actor), filter == Filter.CLOSED ? null : status,
                filter == Filter.OVERDUE, filter == Filter.CLOSED);
    }

    @Transactional(readOnly = true)
    public SupervisionCase get(long id) {
        Actor actor = Complaints.requireSupervisor();
        return visible(actor, repository.find(id).orElseThrow(() -> new NotFound("case", id)));
    }

    @Transactional(readOnly = true)
    public List<TraceEntry> trace(long id) {
        return repository.trace(get(id).id());
    }

    /** Counts for the supervisor's home page: open cases waiting to be taken up, and overdue ones. */
    @Transactional(readOnly = true)
    public long[] openAndOverdue() {
        Actor actor = Complaints.requireSupervisor();
        List<SupervisionCase> open = repository.cases(bodies.scopeOf(actor), null, false, false);
        return new long[]{open.stream().filter(c -> c.status() == CaseStatus.RECEIVED).count(),
                open.stream().filter(SupervisionCase::overdue).count()};
    }

    /** The next rung of the ladder for this body, from every measure it has received. */
    @Transactional(readOnly = true)
    public SanctionKind suggestedFor(long targetId) {
        Complaints.requireSupervisor();
        List<SanctionKind> earlier = new ArrayList<>();
        for (SupervisionRepository.AddressedSanction a : repository.sanctionsTo(targetId)) {
            repository.find(a.caseId()).ifPresent(c -> earlier.add(c.sanction(a.sanctionId()).kind()));
        }
        return EscalationLadder.suggest(earlier);
    }

    /** Departments and towns of the case's district, to address a measure to. */
    @Transactional(readOnly = true)
    public List<Organization> targetsFor(SupervisionCase kase) {
        return java.util.stream.Stream.concat(bodies.departments().stream(), bodies.towns().stream())
                .filter(o -> bodies.districtOf(o) == kase.jurisdictionId()).toList();
    }

    /** Whitelist entries (not removed) of a department, for a removal measure. */
    @Transactional(readOnly = true)
    public List<EntryChoice> entriesOf(long departmentId) {
        Complaints.requireSupervisor();
        List<EntryChoice> choices = new ArrayList<>();
        for (Whitelists.Summary summary : whitelists.managed()) {
            Whitelist list = summary.list();
            if (list.status() == cn.campusgate.whitelist.WhitelistStatus.ARCHIVED) {
                continue;
            }
            for (WhitelistEntry entry : whitelists.entries(list, true)) {
                if (entry.departmentId() == departmentId && !entry.removed()) {
                    choices.add(new EntryChoice(list.id(), entry.id(), entry.title(), list.year()));
                }
            }
        }
        return choices;
    }

    // --- the closed loop ---

    @Transactional
    public SupervisionCase accept(long id, int expectedVersion) {
        return act(id, expectedVersion, (kase, actor, today, now) ->
                kase.accept(actor, today, due(today, CaseStatus.VERIFICATION), now));
    }

    /** 不予受理: the reason is the reply every complainant of the case reads. */
    @Transactional
    public SupervisionCase refuse(long id, int expectedVersion, @Nullable String reason) {
        String text = Complaints.requireText(reason, 1000);
        protectInReplyToAll(id, text, "supervision.action.refuseReason");
        SupervisionCase kase = act(id, expectedVersion, (c, actor, today, now) -> c.refuse(actor, text, today, now));
        replyToAll(kase, text);
        events.publishEvent(new CaseClosed(Actors.currentName(), kase.id(), kase.number(), CaseOutcome.NOT_ACCEPTED));
        return kase;
    }

    /** 核查结论 with the facts established; the facts are what the body concerned will read. */
    @Transactional
    public SupervisionCase verify(long id, int expectedVersion, @Nullable CaseOutcome outcome, @Nullable String findings) {
        if (outcome == null) {
            throw new BusinessRuleViolation("supervision.outcome.required");
        }
        String facts = Complaints.requireText(findings, 2000);
        protect(id, facts, "supervision.field.findings", ComplainantProtection.Audience.BODY);
        CaseStatus next = outcome == CaseOutcome.SUBSTANTIATED ? CaseStatus.HANDLING : CaseStatus.FOLLOW_UP;
        SupervisionCase kase = act(id, expectedVersion, (c, actor, today, now) ->
                c.verify(actor, outcome, facts, today, due(today, next), now));
        events.publishEvent(new CaseVerified(Actors.currentName(), kase.id(), kase.number(), outcome));
        return kase;
    }

    @Transactional
    public SupervisionCase concludeHandling(long id, int expectedVersion, @Nullable String note) {
        String text = note == null || note.isBlank() ? null : Complaints.requireText(note, 1000);
        return act(id, expectedVersion, (c, actor, today, now) ->
                c.concludeHandling(actor, text, today, due(today, CaseStatus.FOLLOW_UP), now));
    }

    @Transactional
    public SupervisionCase returnTo(long id, int expectedVersion, @Nullable CaseStatus target, @Nullable String reason) {
        if (target == null) {
            throw new BusinessRuleViolation("supervision.return.target");
        }
        String text = Complaints.requireText(reason, 1000);
        return act(id, expectedVersion, (c, actor, today, now) ->
                c.returnTo(target, actor, text, today, due(today, target), now));
    }

    /** 办结: the reply goes to every complainant of the case. */
    @Transactional
    public SupervisionCase close(long id, int expectedVersion, @Nullable String reply) {
        String text = Complaints.requireText(reply, 1000);
        protectInReplyToAll(id, text, "supervision.field.reply");
        SupervisionCase kase = act(id, expectedVersion, (c, actor, today, now) -> c.close(actor, text, today, now));
        replyToAll(kase, text);
        events.publishEvent(new CaseClosed(Actors.currentName(), kase.id(), kase.number(),
                Objects.requireNonNull(kase.outcome())));
        return kase;
    }

    @Transactional
    public SupervisionCase requestExtension(long id, int expectedVersion, @Nullable Integer days, @Nullable String reason) {
        if (days == null) {
            throw new BusinessRuleViolation("supervision.extension.days", 1, Extension.MAX_DAYS);
        }
        String text = Complaints.requireText(reason, 1000);
        protect(id, text, "supervision.extension.reason", ComplainantProtection.Audience.COMMISSION);
        SupervisionCase kase = act(id, expectedVersion, (c, actor, today, now) -> c.requestExtension(actor, days, text, now));
        events.publishEvent(new ExtensionRequested(Actors.currentName(), kase.id(), kase.number(), kase.jurisdictionId(),
                days, text));
        return kase;
    }

    /** Another supervisor, or the commission's task-force office, grants or refuses an extension. */
    @Transactional
    public SupervisionCase decideExtension(long id, long extensionId, boolean approve, @Nullable String note) {
        Actor actor = Actors.required();
        if (!actor.has(Role.SUPERVISOR) && !actor.has(Role.COMMISSION_REVIEWER)) {
            throw new AccessDeniedException("supervisors and the commission only");
        }
        SupervisionCase kase = visible(actor, repository.lock(id).orElseThrow(() -> new NotFound("case", id)));
        Extension pending = kase.pendingExtension().filter(e -> e.id() == extensionId)
                .orElseThrow(() -> new BusinessRuleViolation("supervision.extension.decided"));
        String text = note == null || note.isBlank() ? null : Complaints.requireText(note, 1000);
        if (!approve && text == null) {
            throw new BusinessRuleViolation("supervision.extension.refusalReason");
        }
        LocalDate extended = calendar.addWorkingDays(kase.dueOn(), pending.workingDays());
        kase.decideExtension(extensionId, actor, approve, text, extended, clock.instant());
        repository.save(kase);
        events.publishEvent(new ExtensionDecided(actor.username(), kase.id(), kase.number(), approve,
                pending.requestedBy(), kase.dueOn()));
        return kase;
    }

    /** Extensions waiting for the actor's decision (not their own requests). */
    @Transactional(readOnly = true)
    public List<SupervisionCase> awaitingExtensionDecision() {
        Actor actor = Actors.required();
        if (!actor.has(Role.SUPERVISOR) && !actor.has(Role.COMMISSION_REVIEWER)) {
            return List.of();
        }
        return repository.casesWithPendingExtensions(bodies.scopeOf(actor)).stream()
                .map(repository::find).flatMap(java.util.Optional::stream)
                .filter(c -> c.pendingExtension().map(e -> !e.requestedBy().equals(actor.username())).orElse(false))
                .toList();
    }

    // --- measures ---

    /**
     * Issues a measure in handling. A removal from the whitelist names the entry; it is then carried out by the
     * commission. The response window defaults to the configured working days.
     */
    @Transactional
    public Sanction issue(long id, int expectedVersion, @Nullable SanctionKind kind, @Nullable Long targetId,
                          @Nullable String basis, @Nullable String notice, @Nullable Integer responseDays,
                          @Nullable Long entryId) {
        if (kind == null) {
            throw new BusinessRuleViolation("supervision.sanction.kind");
        }
        if (targetId == null) {
            throw new BusinessRuleViolation("supervision.sanction.target");
        }
        String why = Complaints.requireText(basis, 1000);
        String text = Complaints.requireText(notice, 2000);
        int days = responseDays == null ? settings.responseDays() : responseDays;
        if (days < 1 || days > 60) {
            throw new BusinessRuleViolation("supervision.sanction.responseDays", 1, 60);
        }
        Actor actor = Complaints.requireSupervisor();
        SupervisionCase kase = locked(actor, id, expectedVersion);
        List<ComplainantIdentity> identities = complaints.identitiesOfCase(kase.id());
        ComplainantProtection.check(why, "supervision.field.basis", ComplainantProtection.Audience.BODY, identities);
        ComplainantProtection.check(text, "supervision.field.notice", ComplainantProtection.Audience.BODY, identities);
        Organization target = bodies.body(targetId, kase.jurisdictionId());
        Sanction.Entry entry = null;
        if (kind == SanctionKind.WHITELIST_REMOVAL) {
            if (entryId == null) {
                throw new BusinessRuleViolation("supervision.sanction.entryRequired");
            }
            EntryChoice choice = entriesOf(target.id()).stream().filter(e -> e.entryId() == entryId).findFirst()
                    .orElseThrow(() -> new BusinessRuleViolation("supervision.sanction.entryUnknown"));
            entry = new Sanction.Entry(choice.whitelistId(), choice.entryId(), choice.title());
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate responseDue = calendar.addWorkingDays(today, days);
        Sanction sanction = kase.issue(kind, target.id(), target.name(), why, text, responseDue, entry, actor,
                clock.instant());
        repository.save(kase);
        events.publishEvent(new SanctionIssued(actor.username(), kase.id(), kase.number(), sanction.id(), kind,
                target.id(), responseDue));
        return sanction;
    }

    /** Publishes an exposure on the public page, once its summary passes the redaction check. */
    @Transactional
    public Sanction publishExposure(long id, int expectedVersion, long sanctionId, @Nullable String summary) {
        String text = Complaints.requireText(summary, 1000);
        Actor actor = Complaints.requireSupervisor();
        SupervisionCase kase = locked(actor, id, expectedVersion);
        List<String> problems = ExposureRedaction.problems(text, complaints.identitiesOfCase(kase.id()));
        if (!problems.isEmpty()) {
            throw new BusinessRuleViolation(problems.getFirst());
        }
        Sanction sanction = kase.publishExposure(sanctionId, text, actor, clock.instant());
        repository.save(kase);
        events.publishEvent(new ExposurePublished(actor.username(), kase.id(), kase.number(), sanctionId,
                sanction.targetId()));
        return sanction;
    }

    /** Measures addressed to the actor's organisation (a department or a town/street). */
    @Transactional(readOnly = true)
    public List<Addressed> addressedToMe() {
        Actor actor = Actors.required();
        List<Addressed> addressed = new ArrayList<>();
        for (SupervisionRepository.AddressedSanction a : repository.sanctionsTo(actor.organizationId())) {
            SupervisionCase kase = repository.find(a.caseId()).orElseThrow();
            addressed.add(new Addressed(kase.sanction(a.sanctionId()), kase.number(), kase.category(),
                    kase.schoolName(), kase.findings()));
        }
        return addressed;
    }

    /** The body concerned responds to a measure. */
    @Transactional
    public Sanction respond(long sanctionId, @Nullable String response) {
        Actor actor = Actors.required();
        String text = Complaints.requireText(response, 2000);
        long caseId = repository.caseOfSanction(sanctionId).orElseThrow(() -> new NotFound("sanction", sanctionId));
        SupervisionCase kase = repository.lock(caseId).orElseThrow();
        Sanction sanction = kase.sanction(sanctionId);
        if (sanction.targetId() != actor.organizationId()) {
            throw new NotFound("sanction", sanctionId);
        }
        kase.respond(sanctionId, actor, text, clock.instant());
        repository.save(kase);
        events.publishEvent(new SanctionAnswered(actor.username(), kase.id(), kase.number(), kase.jurisdictionId(),
                sanctionId, sanction.kind()));
        return sanction;
    }

    /** Removals from the whitelist waiting for the commission of the actor's district. */
    @Transactional(readOnly = true)
    public List<RemovalRequest> removalsAwaiting() {
        Actor actor = Actors.required();
        if (!actor.has(Role.COMMISSION_REVIEWER)) {
            return List.of();
        }
        return repository.removalsAwaiting(bodies.scopeOf(actor)).stream().map(a -> {
            SupervisionCase kase = repository.find(a.caseId()).orElseThrow();
            return new RemovalRequest(kase.sanction(a.sanctionId()), kase.id(), kase.number(), kase.findings());
        }).toList();
    }

    /**
     * The commission carries out a removal through the whitelist's change process ({@link Whitelists#remove}):
     * on a list in force it becomes a new published version with the reason in the public change log.
     */
    @Transactional
    public Sanction carryOutRemoval(long sanctionId, @Nullable String documentNumber) {
        Actor actor = Actors.required();
        if (!actor.has(Role.COMMISSION_REVIEWER)) {
            throw new AccessDeniedException("the education commission only");
        }
        long caseId = repository.caseOfSanction(sanctionId).orElseThrow(() -> new NotFound("sanction", sanctionId));
        SupervisionCase kase = visible(actor, repository.lock(caseId).orElseThrow());
        Sanction sanction = kase.sanction(sanctionId);
        if (!sanction.awaitingRemoval()) {
            throw new BusinessRuleViolation("supervision.sanction.removalNotPending");
        }
        // The basis and notice become the public change log's reason: checked again (a measure issued before the
        // check existed may still name a complainant).
        List<ComplainantIdentity> identities = complaints.identitiesOfCase(kase.id());
        ComplainantProtection.check(sanction.basis(), "supervision.field.basis", ComplainantProtection.Audience.PUBLIC,
                identities);
        ComplainantProtection.check(sanction.notice(), "supervision.field.notice", ComplainantProtection.Audience.PUBLIC,
                identities);
        long whitelistId = Objects.requireNonNull(sanction.whitelistId());
        Whitelist list = whitelists.get(whitelistId);
        Whitelist after = whitelists.remove(Objects.requireNonNull(sanction.whitelistEntryId()), list.version(),
                SystemText.of("whitelist.change.text.typed", sanction.basis()),
                SystemText.of("whitelist.change.text.supervisionRemoval", kase.number(), sanction.notice()),
                documentNumber == null || documentNumber.isBlank() ? null : documentNumber.strip());
        kase.recordRemoval(sanctionId, after.publishedVersion(), actor, clock.instant());
        repository.save(kase);
        events.publishEvent(new RemovalCarriedOut(actor.username(), kase.id(), kase.number(), sanctionId, whitelistId,
                sanction.whitelistEntryId(), after.publishedVersion()));
        return sanction;
    }

    // --- helpers ---

    @FunctionalInterface
    private interface Move {
        void apply(SupervisionCase kase, Actor actor, LocalDate today, Instant now);
    }

    private SupervisionCase act(long id, int expectedVersion, Move move) {
        Actor actor = Complaints.requireSupervisor();
        SupervisionCase kase = locked(actor, id, expectedVersion);
        CaseStatus from = kase.status();
        move.apply(kase, actor, LocalDate.now(clock), clock.instant());
        repository.save(kase);
        if (from != kase.status()) {
            events.publishEvent(new CaseMoved(actor.username(), kase.id(), kase.number(), kase.jurisdictionId(), from,
                    kase.status(), kase.dueOn()));
        }
        return kase;
    }

    private SupervisionCase locked(Actor actor, long id, int expectedVersion) {
        SupervisionCase kase = visible(actor, repository.lock(id).orElseThrow(() -> new NotFound("case", id)));
        if (kase.version() != expectedVersion) {
            throw new BusinessRuleViolation("error.stale");
        }
        return kase;
    }

    private SupervisionCase visible(Actor actor, SupervisionCase kase) {
        Set<Long> scope = bodies.scopeOf(actor);
        if (!scope.contains(kase.jurisdictionId())) {
            throw new NotFound("case", kase.id());
        }
        return kase;
    }

    private void replyToAll(SupervisionCase kase, String text) {
        Instant now = clock.instant();
        for (Complaint complaint : repository.complaintsOf(kase.id())) {
            repository.insertMessage(complaint.id(), ComplaintMessage.Direction.TO_COMPLAINANT, text,
                    Actors.currentName(), now);
        }
    }

    /** Refuses a text others will read when it names a complainant of the case (the case must be visible). */
    private void protect(long caseId, String text, String fieldKey, ComplainantProtection.Audience audience) {
        Actor actor = Complaints.requireSupervisor();
        SupervisionCase kase = visible(actor, repository.find(caseId).orElseThrow(() -> new NotFound("case", caseId)));
        ComplainantProtection.check(text, fieldKey, audience, complaints.identitiesOfCase(kase.id()));
    }

    /**
     * A reply sent to every complainant of the case: with more than one complaint, naming one complainant tells the
     * others who they are.
     */
    private void protectInReplyToAll(long caseId, String text, String fieldKey) {
        Actor actor = Complaints.requireSupervisor();
        SupervisionCase kase = visible(actor, repository.find(caseId).orElseThrow(() -> new NotFound("case", caseId)));
        if (repository.complaintsOf(kase.id()).size() > 1) {
            ComplainantProtection.check(text, fieldKey, ComplainantProtection.Audience.COMPLAINANTS,
                    complaints.identitiesOfCase(kase.id()));
        }
    }

    private LocalDate due(LocalDate today, CaseStatus stage) {
        return calendar.addWorkingDays(today, settings.daysFor(stage));
    }
}
