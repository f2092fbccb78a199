package cn.campusgate.delivery;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import cn.campusgate.approval.Quotas;
import cn.campusgate.approval.Semester;
import cn.campusgate.core.Actor;
import cn.campusgate.core.Actors;
import cn.campusgate.core.BusinessRuleViolation;
import cn.campusgate.core.NotFound;
import cn.campusgate.core.Role;
import cn.campusgate.delivery.PlanEvents.PlanApproved;
import cn.campusgate.delivery.PlanEvents.PlanMerged;
import cn.campusgate.delivery.PlanEvents.PlanResubmitted;
import cn.campusgate.delivery.PlanEvents.PlanReturned;
import cn.campusgate.delivery.PlanEvents.PlanSubmitted;
import cn.campusgate.delivery.PlanEvents.PlanWithdrawn;
import cn.campusgate.item.DeliveryMode;
import cn.campusgate.item.IntegrationChannel;
import cn.campusgate.notification.Notice;
import cn.campusgate.notification.Notifications;
import cn.campusgate.organization.Organization;
import cn.campusgate.organization.OrganizationKind;
import cn.campusgate.organization.Organizations;
import cn.campusgate.organization.SchoolStage;
import cn.campusgate.screening.ThemeSimilarity;
import cn.campusgate.whitelist.WhitelistEntry;
import cn.campusgate.whitelist.Whitelists;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Implementation plans as departments file them and the education commission reviews them, and the per-school
 * schedule. A department sees its own plans, the commission (and supervisors) those of its jurisdiction, a school
 * the approved plans that reach it. Every change publishes an audited event in its transaction.
 */
@Service
public class ImplementationPlans {

    private final PlanRepository repository;
    private final Whitelists whitelists;
    private final Organizations organizations;
    private final Quotas quotas;
    private final ThemeSimilarity similarity;
    private final Notifications notifications;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ScheduleRules rules;

    ImplementationPlans(PlanRepository repository, Whitelists whitelists, Organizations organizations, Quotas quotas,
                        ThemeSimilarity similarity, Notifications notifications, ApplicationEventPublisher events,
                        Clock clock,
                        @Value("${campusgate.delivery.cluster-window-days:14}") int clusterWindowDays,
                        @Value("${campusgate.delivery.cluster-max:2}") int clusterMax,
                        @Value("${campusgate.delivery.exam-weeks:04-20/04-24,06-29/07-10,11-09/11-13,01-11/01-22}")
                        String examWeeks) {
        this.repository = repository;
        this.whitelists = whitelists;
        this.organizations = organizations;
        this.quotas = quotas;
        this.similarity = similarity;
        this.notifications = notifications;
        this.events = events;
        this.clock = clock;
        this.rules = new ScheduleRules(clusterWindowDays, clusterMax, Arrays.stream(examWeeks.split(","))
                .filter(s -> !s.isBlank()).map(ScheduleRules.ExamWeek::parse).toList());
    }

    /** An approved activity reaching a school, as other modules (monitoring) read it. */
    public record PlannedActivity(long planId, String title, @Nullable String theme, long departmentId,
                                  String departmentName, LocalDate startsOn, LocalDate endsOn, int classHours,
                                  int teachersInvolved, DeliveryMode deliveryMode,
                                  @Nullable IntegrationChannel integrationChannel) {
        static PlannedActivity of(ImplementationPlan p) {
            return new PlannedActivity(p.id(), p.title(), p.theme(), p.departmentId(), p.departmentName(),
                    p.startsOn(), p.endsOn(), p.classHours(), p.teachersInvolved(), p.deliveryMode(),
                    p.integrationChannel());
        }
    }

    /**
     * An approved plan whose last day has passed, as the evaluation module reads it: the whitelist entry and item
     * it carried out and the schools it reached.
     */
    public record EndedPlan(long planId, long whitelistEntryId, long itemId, long departmentId, String departmentName,
                            long jurisdictionId, String title, LocalDate startsOn, LocalDate endsOn,
                            List<Long> schoolIds) {
        public EndedPlan {
            schoolIds = List.copyOf(schoolIds);
        }

        static EndedPlan of(ImplementationPlan p) {
            return new EndedPlan(p.id(), p.whitelistEntryId(), p.itemId(), p.departmentId(), p.departmentName(),
                    p.jurisdictionId(), p.title(), p.startsOn(), p.endsOn(), p.schoolIds());
        }
    }

    /** A plan of another department with a similar theme, for the commission's merge. */
    public record SimilarPlan(ImplementationPlan plan, double score) {
    }

    /** The school's semester: the assessment and the plans behind it. */
    public record Schedule(Organization school, ScheduleRules.Assessment assessment,
                           Map<Long, ImplementationPlan> plans) {
    }

    // --- departments ---

    /**
     * The whitelist entries the signed-in department may plan: entries in force, or of a list approved and waiting
     * for publication. An entry of a draft or of a list under comment (公示) is not yet decided: no plan for it.
     */
    @Transactional(readOnly = true)
    public List<WhitelistEntry> plannableEntries() {
        Actor actor = require(Role.APPLICANT);
        return whitelists.plannableEntriesOfDepartment(actor.organizationId());
    }

    /**
     * One of them; not found when it is not the department's (or removed), refused with the reason when its list is
     * not yet approved.
     */
    @Transactional(readOnly = true)
    public WhitelistEntry plannableEntry(long entryId) {
        Actor actor = require(Role.APPLICANT);
        WhitelistEntry entry = whitelists.findEntry(entryId)
                .filter(e -> e.departmentId() == actor.organizationId() && !e.removed())
                .orElseThrow(() -> new NotFound("whitelistEntry", entryId));
        requireInForce(entry);
        return entry;
    }

    /** The entry must be in force, or of an approved list not yet in force, when a plan is filed or approved. */
    private void requireInForce(WhitelistEntry entry) {
        if (!whitelists.plannable(entry.id())) {
            throw new BusinessRuleViolation("delivery.plan.entryNotInForce", entry.title());
        }
    }

    /** The active schools of the district that the entry reaches (its named schools, or else its stages). */
    @Transactional(readOnly = true)
    public List<Organization> schoolsReachedBy(WhitelistEntry entry) {
        List<Organization> schools = schoolsOfDistrict(districtOfDepartment(entry.departmentId()));
        Set<String> names = new HashSet<>(schools.stream().map(Organization::name).toList());
        return schools.stream().filter(s -> reaches(entry, s, names)).toList();
    }

    @Transactional
    public ImplementationPlan file(PlanCommand command) {
        Actor actor = require(Role.APPLICANT);
        if (command.whitelistEntryId() == null) {
            throw new BusinessRuleViolation("delivery.plan.entryRequired");
        }
        WhitelistEntry entry = plannableEntry(command.whitelistEntryId());
        checkSchools(entry, command.schoolIds());
        Organization department = organizations.get(actor.organizationId());
        ImplementationPlan plan = ImplementationPlan.file(entryOf(entry), department.name(),
                districtOfDepartment(department.id()), command, today(), actor.username(), clock.instant());
        repository.insert(plan);
        events.publishEvent(new PlanSubmitted(actor.username(), plan.id(), entry.id(), department.id(), plan.title(),
                plan.startsOn(), plan.endsOn(), plan.schoolIds().size()));
        notifyCommission(plan, "notice.plan.submitted");
        return plan;
    }

    @Transactional
    public ImplementationPlan resubmit(long id, int expectedVersion, PlanCommand command) {
        Actor actor = require(Role.APPLICANT);
        ImplementationPlan plan = lockedOwn(actor, id, expectedVersion);
        WhitelistEntry entry = plannableEntry(plan.whitelistEntryId());
        checkSchools(entry, command.schoolIds());
        plan.resubmit(entryOf(entry), command, today(), actor.username(), clock.instant());
        repository.save(plan);
        events.publishEvent(new PlanResubmitted(actor.username(), plan.id(), plan.departmentId(), plan.title(),
                plan.submissions()));
        notifyCommission(plan, "notice.plan.resubmitted");
        return plan;
    }

    @Transactional
    public ImplementationPlan withdraw(long id, int expectedVersion) {
        Actor actor = require(Role.APPLICANT);
        ImplementationPlan plan = lockedOwn(actor, id, expectedVersion);
        plan.withdraw(clock.instant());
        repository.save(plan);
        events.publishEvent(new PlanWithdrawn(actor.username(), plan.id(), plan.departmentId()));
        return plan;
    }

    // --- the education commission ---

    @Transactional
    public ImplementationPlan review(long id, PlanReview review) {
        Actor actor = require(Role.COMMISSION_REVIEWER);
        ImplementationPlan plan = repository.lock(id).filter(p -> inJurisdiction(actor, p))
                .orElseThrow(() -> new NotFound("plan", id));
        if (plan.version() != review.version()) {
            throw new BusinessRuleViolation("error.stale");
        }
        if (review.decision() == null) {
            throw new BusinessRuleViolation("delivery.review.decisionRequired");
        }
        switch (review.decision()) {
            case APPROVE -> {
                WhitelistEntry entry = whitelists.findEntry(plan.whitelistEntryId())
                        .orElseThrow(() -> new NotFound("whitelistEntry", plan.whitelistEntryId()));
                if (entry.removed()) {
                    throw new BusinessRuleViolation("delivery.plan.entryRemoved", entry.title());
                }
                requireInForce(entry);
                plan.approve(review.schoolIds(), review.startsOn(), review.endsOn(), review.classHours(),
                        review.opinion(), actor.username(), clock.instant());
                repository.save(plan);
                events.publishEvent(new PlanApproved(actor.username(), plan.id(), plan.departmentId(), plan.title(),
                        plan.narrowed(), plan.reviewOpinion()));
                notifyDepartment(plan, plan.narrowed() ? "notice.plan.approvedNarrowed" : "notice.plan.approved");
            }
            case RETURN -> {
                plan.returnToDepartment(review.opinion(), actor.username(), clock.instant());
                repository.save(plan);
                events.publishEvent(new PlanReturned(actor.username(), plan.id(), plan.departmentId(), plan.title(),
                        Objects.requireNonNull(plan.reviewOpinion())));
                notifyDepartment(plan, "notice.plan.returned");
            }
            case MERGE -> {
                if (review.mergeInto() == null) {
                    throw new BusinessRuleViolation("delivery.review.mergeTargetRequired");
                }
                ImplementationPlan target = repository.find(review.mergeInto()).filter(p -> inJurisdiction(actor, p))
                        .orElseThrow(() -> new NotFound("plan", review.mergeInto()));
                plan.mergeInto(target, review.opinion(), actor.username(), clock.instant());
                repository.save(plan);
                events.publishEvent(new PlanMerged(actor.username(), plan.id(), plan.departmentId(), plan.title(),
                        target.id(), Objects.requireNonNull(plan.reviewOpinion())));
                notifyDepartment(plan, "notice.plan.merged");
            }
        }
        return plan;
    }

    /** Open plans of other departments in the jurisdiction whose theme is similar, best first. */
    @Transactional(readOnly = true)
    public List<SimilarPlan> similarPlans(ImplementationPlan plan) {
        Actor actor = Actors.required();
        if (!actor.has(Role.COMMISSION_REVIEWER) && !actor.has(Role.SUPERVISOR)) {
            return List.of();
        }
        String text = themeText(plan);
        return repository.ofJurisdictions(Set.of(plan.jurisdictionId())).stream()
                .filter(p -> p.departmentId() != plan.departmentId())
                .filter(p -> p.status() == PlanStatus.SUBMITTED || p.status() == PlanStatus.APPROVED)
                .map(p -> new SimilarPlan(p, similarity.score(text, themeText(p))))
                .filter(s -> s.score() >= ThemeSimilarity.THRESHOLD)
                .sorted(Comparator.comparingDouble(SimilarPlan::score).reversed()).limit(5).toList();
    }

    // --- reading ---

    /** A plan the actor may read, or not found. */
    @Transactional(readOnly = true)
    public ImplementationPlan get(long id) {
        Actor actor = Actors.required();
        return repository.find(id).filter(p -> mayRead(actor, p)).orElseThrow(() -> new NotFound("plan", id));
    }

    /** The plans the actor follows: a department its own, the commission and supervisors their jurisdiction's. */
    @Transactional(readOnly = true)
    public List<ImplementationPlan> visible() {
        Actor actor = Actors.required();
        List<ImplementationPlan> found = new ArrayList<>();
        if (actor.has(Role.COMMISSION_REVIEWER) || actor.has(Role.SUPERVISOR) || actor.has(Role.DISTRICT_APPROVER)) {
            found.addAll(repository.ofJurisdictions(jurisdictionsOf(actor)));
        } else if (actor.has(Role.APPLICANT)) {
            found.addAll(repository.ofDepartment(actor.organizationId()));
        }
        return found;
    }

    /** Plans waiting for the commission of the actor's jurisdiction. */
    @Transactional(readOnly = true)
    public long waitingForReview(Actor actor) {
        return actor.has(Role.COMMISSION_REVIEWER)
                ? repository.countInStatus(jurisdictionsOf(actor), PlanStatus.SUBMITTED) : 0;
    }

    /** The department's returned plans, to correct. */
    @Transactional(readOnly = true)
    public long returnedToDepartment(Actor actor) {
        return actor.has(Role.APPLICANT) ? repository.countOfDepartment(actor.organizationId(), PlanStatus.RETURNED) : 0;
    }

    /** Names of schools by id, in the given order. */
    @Transactional(readOnly = true)
    public Map<Long, String> schoolNames(List<Long> ids) {
        Map<Long, String> names = new LinkedHashMap<>();
        ids.forEach(id -> names.put(id, organizations.find(id).map(Organization::name).orElse("#" + id)));
        return names;
    }

    /** The schools whose schedule the actor may read: a school its own, the commission's district all of its. */
    @Transactional(readOnly = true)
    public List<Organization> schedulableSchools() {
        Actor actor = Actors.required();
        if (actor.has(Role.SCHOOL_SENTINEL)) {
            return List.of(organizations.get(actor.organizationId()));
        }
        Set<Long> subtree = organizations.subtreeOf(quotas.jurisdictionOf(actor));
        return organizations.ofKind(OrganizationKind.SCHOOL).stream()
                .filter(s -> s.active() && subtree.contains(s.id())).toList();
    }

    /** The per-school schedule of a semester, with warnings. */
    @Transactional(readOnly = true)
    public Schedule schedule(long schoolId, Semester semester) {
        Organization school = schedulableSchools().stream().filter(s -> s.id() == schoolId).findFirst()
                .orElseThrow(() -> new NotFound("organization", schoolId));
        List<ImplementationPlan> plans = repository.reaching(schoolId, semester.start(), semester.end(),
                EnumSet.of(PlanStatus.APPROVED, PlanStatus.SUBMITTED));
        Map<Long, ImplementationPlan> byId = new LinkedHashMap<>();
        plans.forEach(p -> byId.put(p.id(), p));
        List<ScheduleRules.Activity> activities = plans.stream().map(p -> new ScheduleRules.Activity(p.id(),
                p.title(), p.departmentName(), p.startsOn(), p.endsOn(), p.status() == PlanStatus.SUBMITTED)).toList();
        int cap = quotas.caps(districtOfSchool(school), semester.start().getYear()).maxActivitiesPerSchoolSemester();
        return new Schedule(school, rules.assess(semester, activities, cap), byId);
    }

    /** For other modules (monitoring): approved activities reaching a school in a period. No actor needed. */
    @Transactional(readOnly = true)
    public List<PlannedActivity> plannedFor(long schoolId, LocalDate from, LocalDate to) {
        return repository.reaching(schoolId, from, to, EnumSet.of(PlanStatus.APPROVED)).stream()
                .map(PlannedActivity::of).toList();
    }

    /** For other modules: an approved plan reaching the school, or empty. */
    @Transactional(readOnly = true)
    public java.util.Optional<PlannedActivity> approvedFor(long planId, long schoolId) {
        return repository.find(planId).filter(p -> p.status() == PlanStatus.APPROVED && p.schoolIds().contains(schoolId))
                .map(PlannedActivity::of);
    }

    /** For other modules (evaluation): approved plans whose last day lies in the period. No actor needed. */
    @Transactional(readOnly = true)
    public List<EndedPlan> approvedEndingBetween(LocalDate from, LocalDate to) {
        return repository.approvedEndingBetween(from, to).stream().map(EndedPlan::of).toList();
    }

    public ScheduleRules rules() {
        return rules;
    }

    // --- helpers ---

    private boolean mayRead(Actor actor, ImplementationPlan plan) {
        if ((actor.has(Role.COMMISSION_REVIEWER) || actor.has(Role.SUPERVISOR) || actor.has(Role.DISTRICT_APPROVER))
                && inJurisdiction(actor, plan)) {
            return true;
        }
        if (actor.has(Role.APPLICANT) && plan.departmentId() == actor.organizationId()) {
            return true;
        }
        return actor.has(Role.SCHOOL_SENTINEL) && plan.status() == PlanStatus.APPROVED
                && plan.schoolIds().contains(actor.organizationId());
    }

    private boolean inJurisdiction(Actor actor, ImplementationPlan plan) {
        return jurisdictionsOf(actor).contains(plan.jurisdictionId());
    }

    private Set<Long> jurisdictionsOf(Actor actor) {
        return organizations.subtreeOf(quotas.jurisdictionOf(actor));
    }

    private ImplementationPlan lockedOwn(Actor actor, long id, int expectedVersion) {
        ImplementationPlan plan = repository.lock(id).filter(p -> p.departmentId() == actor.organizationId())
                .orElseThrow(() -> new NotFound("plan", id));
        if (plan.version() != expectedVersion) {
            throw new BusinessRuleViolation("error.stale");
        }
        return plan;
    }

    private void checkSchools(WhitelistEntry entry, List<Long> schoolIds) {
        Set<Long> reached = new HashSet<>(schoolsReachedBy(entry).stream().map(Organization::id).toList());
        List<String> outside = schoolIds.stream().filter(id -> !reached.contains(id))
                .map(id -> organizations.find(id).map(Organization::name).orElse("#" + id)).toList();
        if (!outside.isEmpty()) {
            throw new BusinessRuleViolation("delivery.plan.schoolOutOfScope", String.join("、", outside));
        }
    }

    private void notifyCommission(ImplementationPlan plan, String key) {
        organizations.ofKind(OrganizationKind.EDUCATION_COMMISSION).stream()
                .filter(c -> c.active() && Objects.equals(c.parentId(), plan.jurisdictionId()))
                .forEach(c -> notifications.sendToRole(c.id(), Role.COMMISSION_REVIEWER,
                        new Notice(key, List.of(plan.departmentName(), plan.title()), "/plans/" + plan.id())));
    }

    private void notifyDepartment(ImplementationPlan plan, String key) {
        notifications.sendToRole(plan.departmentId(), Role.APPLICANT,
                new Notice(key, List.of(plan.title()), "/plans/" + plan.id()));
    }

    private long districtOfDepartment(long departmentId) {
        Organization department = organizations.get(departmentId);
        return Objects.requireNonNullElse(department.parentId(), department.id());
    }

    private long districtOfSchool(Organization school) {
        Long town = school.parentId();
        if (town == null) {
            return school.id();
        }
        return Objects.requireNonNullElse(organizations.get(town).parentId(), town);
    }

    private List<Organization> schoolsOfDistrict(long districtId) {
        Set<Long> subtree = organizations.subtreeOf(districtId);
        return organizations.ofKind(OrganizationKind.SCHOOL).stream()
                .filter(s -> s.active() && subtree.contains(s.id())).toList();
    }

    /** The schools it names (when the names are schools of the district), or else its stages. */
    static boolean reaches(WhitelistEntry entry, Organization school, Set<String> districtSchools) {
        String named = entry.targetSchools();
        if (named != null && !named.isBlank()) {
            Set<String> names = Set.of(named.split("[、,，;；\\s]+"));
            if (names.stream().anyMatch(districtSchools::contains)) {
                return names.contains(school.name());
            }
        }
        SchoolStage stage = school.schoolStage();
        Set<SchoolStage> targets = entry.stages();
        if (stage == null) {
            return false;
        }
        return switch (stage) {
            case NINE_YEAR -> targets.contains(SchoolStage.NINE_YEAR) || targets.contains(SchoolStage.PRIMARY)
                    || targets.contains(SchoolStage.JUNIOR_SECONDARY);
            case TWELVE_YEAR -> targets.contains(SchoolStage.TWELVE_YEAR) || targets.contains(SchoolStage.PRIMARY)
                    || targets.contains(SchoolStage.JUNIOR_SECONDARY) || targets.contains(SchoolStage.SENIOR_SECONDARY);
            default -> targets.contains(stage);
        };
    }

    private static ImplementationPlan.Entry entryOf(WhitelistEntry e) {
        return new ImplementationPlan.Entry(e.id(), e.itemId(), e.title(), e.theme(), e.departmentId(), e.startsOn(),
                e.endsOn());
    }

    private static String themeText(ImplementationPlan plan) {
        return plan.theme() == null || plan.theme().isBlank() ? plan.title() : plan.title() + " " + plan.theme();
    }

    private static Actor require(Role role) {
        Actor actor = Actors.required();
        if (!actor.has(role)) {
            throw new AccessDeniedException(role + " only");
        }
        return actor;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
