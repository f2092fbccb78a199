package cn.campusgate.campaign;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.campusgate.campaign.CampaignEvents.AffairsSurveyed;
import cn.campusgate.campaign.CampaignEvents.CampaignOpened;
import cn.campusgate.campaign.CampaignEvents.MilestoneMoved;
import cn.campusgate.campaign.CampaignEvents.MilestoneRescheduled;
import cn.campusgate.campaign.CampaignEvents.ProblemDismissed;
import cn.campusgate.campaign.CampaignEvents.RectificationAssigned;
import cn.campusgate.campaign.CampaignEvents.RectificationMoved;
import cn.campusgate.campaign.CampaignEvents.ReportTextsSaved;
import cn.campusgate.campaign.CampaignEvents.SurveyedAffair;
import cn.campusgate.campaign.CampaignEvents.TypicalCaseChosen;
import cn.campusgate.core.Actor;
import cn.campusgate.core.Actors;
import cn.campusgate.core.BusinessRuleViolation;
import cn.campusgate.core.NotFound;
import cn.campusgate.core.Role;
import cn.campusgate.organization.JurisdictionLevel;
import cn.campusgate.organization.Organization;
import cn.campusgate.organization.OrganizationKind;
import cn.campusgate.organization.Organizations;
import cn.campusgate.screening.Finding;
import cn.campusgate.screening.RuleFamily;
import cn.campusgate.screening.Screening;
import cn.campusgate.screening.ScreeningInput;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The campaign as the task force (专班, the education commission's reviewers) runs it and as departments, towns and
 * schools take part: milestones, the baseline survey by form, the problem list, the rectification ledger, typical
 * cases and the summary report's figures. Every change is checked against its state machine, scoped to the actor's
 * organisation and published as an audited event in the same transaction.
 */
@Service
public class Campaigns {

    /** Who may read every affair, problem and ledger line of their district's campaigns. */
    public static final List<Role> OVERSEER_ROLES = List.of(Role.COMMISSION_REVIEWER, Role.DISTRICT_APPROVER, Role.SUPERVISOR);
    /** Who reports affairs of their own and rectifies what they own. */
    static final List<Role> PARTICIPANTS = List.of(Role.APPLICANT, Role.SCHOOL_SENTINEL, Role.TOWN_OFFICE);

    private final CampaignRepository repository;
    private final Organizations organizations;
    private final Screening screening;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Campaigns(CampaignRepository repository, Organizations organizations, Screening screening,
              ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.organizations = organizations;
        this.screening = screening;
        this.events = events;
        this.clock = clock;
    }

    /** A problem with its affair and, once ledgered, its ledger line. */
    public record ProblemView(Problem problem, SurveyAffair affair, @Nullable LedgerEntry entry) {
    }

    /** The campaign's figures as the workspace and the summary report show them. */
    public record Figures(long affairs, long reporters, long unapproved, double classHours, long problems, long open,
                          long ledgered, long closed, long dismissed, long overdueEntries,
                          Map<AffairKind, Long> affairsByKind, Map<RuleFamily, Long> problemsByFamily,
                          Map<String, Long> problemsByDepartment) {
        /** Closed among the problems that count (not dismissed), in per cent. */
        public int closedPercent() {
            long counted = problems - dismissed;
            return counted == 0 ? 0 : (int) Math.round(closed * 100.0 / counted);
        }
    }

    public record OpenCampaignCommand(@Nullable Integer year, @Nullable String title,
                                      @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE)
                                      @Nullable LocalDate surveySince) {
    }

    public record LedgerCommand(@Nullable Long ownerId, @Nullable String measure,
                                @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE)
                                @Nullable LocalDate deadline) {
    }

    // --- campaigns and milestones ---

    /** Campaigns of the actor's district, newest first. */
    @Transactional(readOnly = true)
    public List<Campaign> visible() {
        Actor actor = reader();
        return repository.campaigns(districtOf(actor.organizationId()));
    }

    @Transactional(readOnly = true)
    public Campaign get(long id) {
        Actor actor = reader();
        return scoped(actor, id);
    }

    @Transactional(readOnly = true)
    public String jurisdictionName(Campaign campaign) {
        return organizations.get(campaign.jurisdictionId()).name();
    }

    /** 安排部署: the task force opens its district's campaign of a year, with the plan's five milestones. */
    @Transactional
    public Campaign open(OpenCampaignCommand command) {
        Actor actor = taskForce();
        long district = districtOf(actor.organizationId());
        int year = Objects.requireNonNullElse(command.year(), 0);
        if (year < 2020 || year > 2100) {
            throw new BusinessRuleViolation("campaign.open.year");
        }
        if (command.title() == null || command.title().isBlank() || command.title().strip().length() > 200) {
            throw new BusinessRuleViolation("campaign.open.title");
        }
        if (command.surveySince() == null || command.surveySince().getYear() > year) {
            throw new BusinessRuleViolation("campaign.open.since", year);
        }
        if (repository.campaignExists(district, year)) {
            throw new BusinessRuleViolation("campaign.open.exists", year);
        }
        Instant now = clock.instant();
        long id = repository.insertCampaign(district, year, command.title().strip(), command.surveySince(),
                SummaryTexts.MEASURES, SummaryTexts.OUTLOOK, actor.username(), now);
        for (MilestoneKind kind : MilestoneKind.values()) {
            repository.insertMilestone(id, kind, kind.defaultDueIn(year));
        }
        events.publishEvent(new CampaignOpened(actor.username(), id, district, year, command.title().strip()));
        return repository.campaign(id).orElseThrow();
    }

    @Transactional(readOnly = true)
    public List<Milestone> milestones(long campaignId) {
        get(campaignId);
        return repository.milestones(campaignId);
    }

    @Transactional
    public Milestone moveMilestone(long milestoneId, int expectedVersion, MilestoneStatus next, @Nullable String note) {
        Actor actor = taskForce();
        Milestone milestone = repository.lockMilestone(milestoneId).orElseThrow(() -> new NotFound("milestone", milestoneId));
        scoped(actor, milestone.campaignId());
        stale(milestone.version(), expectedVersion);
        String text = note == null ? "" : note.strip();
        if (text.length() > 1000) {
            throw new BusinessRuleViolation("campaign.textTooLong", 1000);
        }
        Milestone moved = repository.save(milestone.moveTo(next, today(), text));
        events.publishEvent(new MilestoneMoved(actor.username(), milestone.campaignId(), milestoneId, milestone.kind(),
                milestone.status(), next, text));
        return moved;
    }

    @Transactional
    public Milestone reschedule(long milestoneId, int expectedVersion, @Nullable LocalDate dueOn) {
        Actor actor = taskForce();
        Milestone milestone = repository.lockMilestone(milestoneId).orElseThrow(() -> new NotFound("milestone", milestoneId));
        scoped(actor, milestone.campaignId());
        stale(milestone.version(), expectedVersion);
        if (dueOn == null && milestone.kind() != MilestoneKind.CONTINUING_SUPERVISION) {
            throw new BusinessRuleViolation("campaign.milestone.dueRequired");
        }
        Milestone moved = repository.save(milestone.reschedule(dueOn));
        events.publishEvent(new MilestoneRescheduled(actor.username(), milestone.campaignId(), milestoneId,
                milestone.kind(), String.valueOf(dueOn)));
        return moved;
    }

    // --- the baseline survey ---

    /** Affairs the actor may see: all for the task force and overseers, else those their organisation reported. */
    @Transactional(readOnly = true)
    public List<SurveyAffair> affairs(long campaignId) {
        Actor actor = reader();
        scoped(actor, campaignId);
        return repository.affairs(campaignId, overseer(actor) ? null : actor.organizationId());
    }

    /**
     * One affair by form; screened at once, every finding a problem. Refused with the field's message when a rule is
     * broken, or when the same affair was reported already.
     */
    @Transactional
    public SurveyAffair record(long campaignId, SurveyCommand command) {
        Actor actor = reporter();
        Campaign campaign = scoped(actor, campaignId);
        List<SurveyRules.Violation> violations = SurveyRules.check(command, campaign.surveySince(), today());
        if (!violations.isEmpty()) {
            throw new SurveyRejected(violations);
        }
        Organization reporter = organizations.get(actor.organizationId());
        Resolver resolver = resolver();
        Instant now = clock.instant();
        Optional<Long> id = repository.insertAffair(campaignId, reporter.id(), reporter.name(),
                SurveyKeys.naturalKey(reporter.id(), command), command, resolver.department(command.department()),
                resolver.school(command.school(), reporter), null, actor.username(), now);
        if (id.isEmpty()) {
            throw new BusinessRuleViolation("campaign.survey.duplicate");
        }
        SurveyAffair affair = repository.affair(id.get()).orElseThrow();
        List<RuleFamily> found = screen(affair, now);
        events.publishEvent(new AffairsSurveyed(actor.username(), campaignId, campaign.jurisdictionId(), reporter.id(),
                null, List.of(surveyed(affair, found)), found.size()));
        return affair;
    }

    /** The form's rules were broken: field → message key, for the page to show next to the field. */
    public static final class SurveyRejected extends BusinessRuleViolation {
        private final transient List<SurveyRules.Violation> violations;

        SurveyRejected(List<SurveyRules.Violation> violations) {
            super("form.checkFields");
            this.violations = List.copyOf(violations);
        }

        /** field → (message key, arguments). */
        public Map<String, Map.Entry<String, Object[]>> byField() {
            Map<String, Map.Entry<String, Object[]>> fields = new LinkedHashMap<>();
            violations.forEach(v -> fields.putIfAbsent(v.field(), Map.entry(v.messageKey(), v.arguments().toArray())));
            return fields;
        }
    }

    /** Screens the affair with the screening module; each finding not yet on the list becomes a problem. */
    List<RuleFamily> screen(SurveyAffair affair, Instant now) {
        String content = affair.content() == null ? "" : affair.content();
        if (!affair.approved()) {
            content = content + "（未经审批报备进入校园）";
        }
        ScreeningInput input = new ScreeningInput(affair.title(), null, content,
                affair.kind() == AffairKind.SECONDMENT ? "抽调借用教师" : null, null, affair.schoolName(), null, null,
                affair.teachersLeaveCampus() ? Boolean.TRUE : null, affair.chargesStudents() ? Boolean.TRUE : null, null,
                null, null, null);
        List<RuleFamily> found = new ArrayList<>();
        for (Finding finding : screening.check(input, Locale.SIMPLIFIED_CHINESE)) {
            if (repository.insertProblem(affair.campaignId(), affair.id(), finding, now)) {
                found.add(finding.family());
            }
        }
        return found;
    }

    static SurveyedAffair surveyed(SurveyAffair a, List<RuleFamily> findings) {
        return new SurveyedAffair(a.id(), a.title(), a.departmentId(), a.departmentName(), a.schoolId(), a.kind(),
                a.occurredOn(), a.classHours(), a.approved(), findings);
    }

    /** Names as written matched to the district's departments and schools, for the read side's figures. */
    Resolver resolver() {
        Map<String, Long> departments = new HashMap<>();
        for (OrganizationKind kind : List.of(OrganizationKind.DEPARTMENT, OrganizationKind.EDUCATION_COMMISSION)) {
            for (Organization o : organizations.ofKind(kind)) {
                departments.putIfAbsent(SurveyKeys.norm(o.name()), o.id());
                if (o.shortName() != null) {
                    departments.putIfAbsent(SurveyKeys.norm(o.shortName()), o.id());
                }
            }
        }
        Map<String, Long> schools = organizations.ofKind(OrganizationKind.SCHOOL).stream()
                .collect(Collectors.toMap(o -> SurveyKeys.norm(o.name()), Organization::id, (a, b) -> a));
        return new Resolver(departments, schools);
    }

    record Resolver(Map<String, Long> departments, Map<String, Long> schools) {
        @Nullable Long department(@Nullable String name) {
            return departments.get(SurveyKeys.norm(name));
        }

        @Nullable Long school(@Nullable String name, Organization reporter) {
            if ((name == null || name.isBlank()) && reporter.kind() == OrganizationKind.SCHOOL) {
                return reporter.id();
            }
            return schools.get(SurveyKeys.norm(name));
        }
    }

    /** The district's departments by name, for the template's drop-down. */
    @Transactional(readOnly = true)
    public List<String> departmentNames() {
        return organizations.ofKind(OrganizationKind.DEPARTMENT).stream().filter(Organization::active)
                .map(Organization::name).sorted().toList();
    }

    // --- problems and the ledger ---

    /** The problem list as the actor may see it: all for overseers; else those of affairs they reported or own. */
    @Transactional(readOnly = true)
    public List<ProblemView> problems(long campaignId) {
        Actor actor = reader();
        scoped(actor, campaignId);
        Map<Long, SurveyAffair> affairs = repository.affairs(campaignId, null).stream()
                .collect(Collectors.toMap(SurveyAffair::id, Function.identity()));
        Map<Long, LedgerEntry> entries = repository.entries(campaignId).stream()
                .collect(Collectors.toMap(LedgerEntry::problemId, Function.identity()));
        boolean all = overseer(actor);
        long own = actor.organizationId();
        return repository.problems(campaignId).stream()
                .map(p -> new ProblemView(p, affairs.get(p.affairId()), entries.get(p.id())))
                .filter(v -> all || v.affair().reporterId() == own || (v.entry() != null && v.entry().ownerId() == own))
                .toList();
    }

    @Transactional(readOnly = true)
    public ProblemView problem(long problemId) {
        Problem problem = repository.problem(problemId).orElseThrow(() -> new NotFound("campaignProblem", problemId));
        return problems(problem.campaignId()).stream().filter(v -> v.problem().id() == problemId).findFirst()
                .orElseThrow(() -> new NotFound("campaignProblem", problemId));
    }

    /** Organisations the task force may make responsible for a rectification: departments, towns and schools. */
    @Transactional(readOnly = true)
    public List<Organization> owners() {
        taskForce();
        List<Organization> owners = new ArrayList<>();
        owners.addAll(organizations.ofKind(OrganizationKind.DEPARTMENT).stream().filter(Organization::active).toList());
        owners.addAll(organizations.ofKind(OrganizationKind.EDUCATION_COMMISSION).stream().filter(Organization::active).toList());
        owners.addAll(organizations.towns());
        owners.addAll(organizations.ofKind(OrganizationKind.SCHOOL).stream().filter(Organization::active).toList());
        return owners;
    }

    @Transactional
    public Problem dismiss(long problemId, int expectedVersion, @Nullable String reason) {
        Actor actor = taskForce();
        Problem problem = lockedProblem(actor, problemId, expectedVersion);
        String text = requireText(reason, 1000);
        Problem dismissed = repository.save(problem.dismissed(text));
        events.publishEvent(new ProblemDismissed(actor.username(), problem.campaignId(), problemId, text));
        return dismissed;
    }

    @Transactional
    public Problem chooseTypical(long problemId, int expectedVersion, boolean typical, @Nullable String note) {
        Actor actor = taskForce();
        Problem problem = lockedProblem(actor, problemId, expectedVersion);
        String text = typical ? requireText(note, 2000) : null;
        Problem chosen = repository.save(problem.typical(typical, text));
        events.publishEvent(new TypicalCaseChosen(actor.username(), problem.campaignId(), problemId, typical));
        return chosen;
    }

    /** 建立整改台账: the problem enters the ledger with its owner, measure and deadline (交办). */
    @Transactional
    public LedgerEntry assign(long problemId, int expectedVersion, LedgerCommand command) {
        Actor actor = taskForce();
        Problem problem = lockedProblem(actor, problemId, expectedVersion);
        if (command.ownerId() == null) {
            throw new BusinessRuleViolation("campaign.ledger.ownerRequired");
        }
        Organization owner = organizations.find(command.ownerId())
                .filter(o -> o.active() && districtOf(o.id()) == districtOf(actor.organizationId()))
                .orElseThrow(() -> new BusinessRuleViolation("campaign.ledger.ownerRequired"));
        String measure = requireText(command.measure(), 2000);
        if (command.deadline() == null || command.deadline().isBefore(today())) {
            throw new BusinessRuleViolation("campaign.ledger.deadlinePast");
        }
        Problem moved = problem.moveTo(ProblemStatus.LEDGERED);
        repository.save(moved);
        Instant now = clock.instant();
        long entryId = repository.insertEntry(problem, owner.id(), owner.name(), measure, command.deadline(),
                actor.username(), now);
        events.publishEvent(new RectificationAssigned(actor.username(), problem.campaignId(), problemId, entryId,
                owner.id(), command.deadline()));
        return repository.lockEntry(entryId).orElseThrow();
    }

    /** The owner starts: 整改中, with what is being done. */
    @Transactional
    public LedgerEntry start(long entryId, int expectedVersion, @Nullable String progress) {
        Actor actor = Actors.required();
        LedgerEntry entry = ownedEntry(actor, entryId, expectedVersion);
        return move(actor, entry, LedgerStatus.IN_PROGRESS, requireText(progress, 2000), null, null);
    }

    /** The owner reports the rectification done, with evidence (佐证材料). */
    @Transactional
    public LedgerEntry submit(long entryId, int expectedVersion, @Nullable String progress, @Nullable String evidence) {
        Actor actor = Actors.required();
        LedgerEntry entry = ownedEntry(actor, entryId, expectedVersion);
        return move(actor, entry, LedgerStatus.SUBMITTED, requireText(progress, 2000),
                requireText(evidence, 2000, "campaign.ledger.evidenceRequired"), null);
    }

    /** The task force sends the result back for more work, with its opinion. */
    @Transactional
    public LedgerEntry sendBack(long entryId, int expectedVersion, @Nullable String opinion) {
        Actor actor = taskForce();
        LedgerEntry entry = lockedEntry(actor, entryId, expectedVersion);
        return move(actor, entry, LedgerStatus.IN_PROGRESS, null, null, requireText(opinion, 1000));
    }

    /** The task force verifies: 销号; the problem is closed. */
    @Transactional
    public LedgerEntry verify(long entryId, int expectedVersion, @Nullable String opinion) {
        Actor actor = taskForce();
        LedgerEntry entry = lockedEntry(actor, entryId, expectedVersion);
        LedgerEntry verified = move(actor, entry, LedgerStatus.VERIFIED, null, null, requireText(opinion, 1000));
        Problem problem = repository.lockProblem(entry.problemId()).orElseThrow();
        repository.save(problem.moveTo(ProblemStatus.CLOSED));
        return verified;
    }

    private LedgerEntry move(Actor actor, LedgerEntry entry, LedgerStatus next, @Nullable String progress,
                             @Nullable String evidence, @Nullable String opinion) {
        LedgerEntry moved = repository.save(entry.moveTo(next, progress, evidence, opinion, today(), clock.instant()));
        events.publishEvent(new RectificationMoved(actor.username(), entry.campaignId(), entry.problemId(), entry.id(),
                entry.ownerId(), entry.status(), next, entry.deadline(), today()));
        return moved;
    }

    /** Ledger lines the actor may see: all for overseers, else those their organisation owns. */
    @Transactional(readOnly = true)
    public List<ProblemView> ledger(long campaignId) {
        Actor actor = reader();
        boolean all = overseer(actor);
        return problems(campaignId).stream().filter(v -> v.entry() != null)
                .filter(v -> all || v.entry().ownerId() == actor.organizationId())
                .sorted(Comparator.comparing((ProblemView v) -> v.entry().status() == LedgerStatus.VERIFIED)
                        .thenComparing(v -> v.entry().deadline()))
                .toList();
    }

    // --- the summary report ---

    @Transactional
    public Campaign saveTexts(long campaignId, int expectedVersion, @Nullable String measures, @Nullable String outlook) {
        Actor actor = taskForce();
        Campaign campaign = repository.lockCampaign(campaignId).orElseThrow(() -> new NotFound("campaign", campaignId));
        scoped(actor, campaignId);
        stale(campaign.version(), expectedVersion);
        repository.saveTexts(campaign, requireText(measures, 8000), requireText(outlook, 4000));
        events.publishEvent(new ReportTextsSaved(actor.username(), campaignId));
        return repository.campaign(campaignId).orElseThrow();
    }

    @Transactional(readOnly = true)
    public Figures figures(long campaignId) {
        List<ProblemView> problems = problems(campaignId);
        List<SurveyAffair> affairs = affairs(campaignId);
        LocalDate today = today();
        Map<AffairKind, Long> byKind = new EnumMap<>(AffairKind.class);
        affairs.forEach(a -> byKind.merge(a.kind(), 1L, Long::sum));
        Map<RuleFamily, Long> byFamily = new EnumMap<>(RuleFamily.class);
        Map<String, Long> byDepartment = new HashMap<>();
        for (ProblemView v : problems) {
            if (v.problem().status() != ProblemStatus.DISMISSED) {
                byFamily.merge(v.problem().family(), 1L, Long::sum);
                byDepartment.merge(v.affair().departmentName(), 1L, Long::sum);
            }
        }
        Map<String, Long> topDepartments = byDepartment.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(10).collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
        Map<ProblemStatus, Long> byStatus = problems.stream()
                .collect(Collectors.groupingBy(v -> v.problem().status(), () -> new EnumMap<>(ProblemStatus.class),
                        Collectors.counting()));
        long overdue = problems.stream().filter(v -> v.entry() != null && v.entry().overdue(today)).count();
        double hours = affairs.stream().filter(a -> a.classHours() != null)
                .mapToDouble(a -> a.classHours().doubleValue()).sum();
        return new Figures(affairs.size(), affairs.stream().map(SurveyAffair::reporterId).distinct().count(),
                affairs.stream().filter(a -> !a.approved()).count(), hours, problems.size(),
                byStatus.getOrDefault(ProblemStatus.OPEN, 0L), byStatus.getOrDefault(ProblemStatus.LEDGERED, 0L),
                byStatus.getOrDefault(ProblemStatus.CLOSED, 0L), byStatus.getOrDefault(ProblemStatus.DISMISSED, 0L),
                overdue, byKind, byFamily, topDepartments);
    }

    /** Everything the summary report (工作总结) says, as of today; for overseers. */
    @Transactional(readOnly = true)
    public SummaryReport report(long campaignId) {
        Actor actor = reader();
        if (!overseer(actor)) {
            throw new AccessDeniedException("the task force and overseers only");
        }
        Campaign campaign = scoped(actor, campaignId);
        List<ProblemView> problems = problems(campaignId);
        Organization jurisdiction = organizations.get(campaign.jurisdictionId());
        String issuer = organizations.ofKind(OrganizationKind.DISTRICT_LEADERSHIP_GROUP).stream()
                .filter(g -> Objects.equals(g.parentId(), jurisdiction.id())).map(Organization::name).findFirst()
                .orElse(jurisdiction.name());
        return new SummaryReport(campaign, jurisdiction.name(), issuer, today(), figures(campaignId),
                repository.milestones(campaignId),
                problems.stream().filter(v -> v.problem().typical()).toList(),
                problems.stream().filter(v -> v.problem().status().open()).toList(),
                problems.stream().filter(v -> v.entry() != null).toList());
    }

    // --- for home tasks ---

    @Transactional(readOnly = true)
    public long openLedgerLinesOf(Actor actor) {
        return repository.openEntriesOwnedBy(actor.organizationId());
    }

    @Transactional(readOnly = true)
    public long awaitingTaskForce(Actor actor) {
        long district = districtOf(actor.organizationId());
        return repository.submittedEntries(district) + repository.openProblems(district);
    }

    // --- helpers ---

    /** The district an organisation belongs to (itself for a district), walking up the tree. */
    long districtOf(long organizationId) {
        Organization o = organizations.get(organizationId);
        Organization top = o;
        int guard = 0;
        while (guard++ < 10) {
            if (o.isJurisdictionOf(JurisdictionLevel.DISTRICT)) {
                return o.id();
            }
            if (o.parentId() == null) {
                return top.kind() == OrganizationKind.JURISDICTION ? top.id() : o.id();
            }
            o = organizations.get(o.parentId());
        }
        return o.id();
    }

    Campaign scoped(Actor actor, long campaignId) {
        Campaign campaign = repository.campaign(campaignId).orElseThrow(() -> new NotFound("campaign", campaignId));
        if (campaign.jurisdictionId() != districtOf(actor.organizationId())) {
            throw new NotFound("campaign", campaignId);
        }
        return campaign;
    }

    private Problem lockedProblem(Actor actor, long problemId, int expectedVersion) {
        Problem problem = repository.lockProblem(problemId).orElseThrow(() -> new NotFound("campaignProblem", problemId));
        scoped(actor, problem.campaignId());
        stale(problem.version(), expectedVersion);
        return problem;
    }

    private LedgerEntry lockedEntry(Actor actor, long entryId, int expectedVersion) {
        LedgerEntry entry = repository.lockEntry(entryId).orElseThrow(() -> new NotFound("rectification", entryId));
        scoped(actor, entry.campaignId());
        stale(entry.version(), expectedVersion);
        return entry;
    }

    private LedgerEntry ownedEntry(Actor actor, long entryId, int expectedVersion) {
        LedgerEntry entry = repository.lockEntry(entryId).orElseThrow(() -> new NotFound("rectification", entryId));
        if (entry.ownerId() != actor.organizationId()) {
            throw new NotFound("rectification", entryId);
        }
        stale(entry.version(), expectedVersion);
        return entry;
    }

    private static void stale(int actual, int expected) {
        if (actual != expected) {
            throw new BusinessRuleViolation("error.stale");
        }
    }

    static boolean overseer(Actor actor) {
        return OVERSEER_ROLES.stream().anyMatch(actor::has);
    }

    private static Actor reader() {
        Actor actor = Actors.required();
        if (!overseer(actor) && PARTICIPANTS.stream().noneMatch(actor::has)) {
            throw new AccessDeniedException("campaign participants only");
        }
        return actor;
    }

    /** Whether the person reports to the survey (the task force, departments, towns and schools). */
    public static boolean reports(Actor actor) {
        return actor.has(Role.COMMISSION_REVIEWER) || PARTICIPANTS.stream().anyMatch(actor::has);
    }

    static Actor reporter() {
        Actor actor = Actors.required();
        if (!reports(actor)) {
            throw new AccessDeniedException("departments, towns, schools and the task force report");
        }
        return actor;
    }

    private static Actor taskForce() {
        Actor actor = Actors.required();
        if (!actor.has(Role.COMMISSION_REVIEWER)) {
            throw new AccessDeniedException("the task force (commission reviewers) only");
        }
        return actor;
    }

    private static String requireText(@Nullable String text, int max) {
        return requireText(text, max, "campaign.reasonRequired");
    }

    private static String requireText(@Nullable String text, int max, String missingKey) {
        if (text == null || text.isBlank()) {
            throw new BusinessRuleViolation(missingKey);
        }
        if (text.strip().length() > max) {
            throw new BusinessRuleViolation("campaign.textTooLong", max);
        }
        return text.strip();
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }
}
