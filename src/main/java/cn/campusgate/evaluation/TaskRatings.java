package cn.campusgate.evaluation;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import cn.campusgate.core.Actor;
import cn.campusgate.core.BusinessRuleViolation;
import cn.campusgate.core.NotFound;
import cn.campusgate.core.Role;
import cn.campusgate.evaluation.EvaluationEvents.TaskRated;
import cn.campusgate.organization.Organization;
import cn.campusgate.organization.OrganizationKind;
import cn.campusgate.organization.Organizations;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reverse evaluation (反向评价): schools rate the tasks and documents departments send them — necessity, clarity,
 * reasonable workload — and the ratings feed each department's report, counted and shown only for groups of five
 * or more, never by school.
 */
@Service
public class TaskRatings {

    public static final int MAX_SUBJECT = 100;

    private final EvaluationRepository repository;
    private final EffectivenessReport effectiveness;
    private final Organizations organizations;
    private final Scope scope;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TaskRatings(EvaluationRepository repository, EffectivenessReport effectiveness, Organizations organizations,
                Scope scope, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.effectiveness = effectiveness;
        this.organizations = organizations;
        this.scope = scope;
        this.events = events;
        this.clock = clock;
    }

    /** A rating as the school that gave it sees it (dated by week). */
    public record OwnRating(long id, long departmentId, String departmentName, TaskKind kind, String subject,
                            int necessity, int clarity, int workload, LocalDate weekOf) {
    }

    /** Ratings of a group, summed. */
    public record RatingTally(long count, long necessitySum, long claritySum, long workloadSum) {
        public boolean shown() {
            return Group.shown(count);
        }

        public double necessity() { return count == 0 ? 0 : necessitySum / (double) count; }
        public double clarity() { return count == 0 ? 0 : claritySum / (double) count; }
        public double workload() { return count == 0 ? 0 : workloadSum / (double) count; }
    }

    /**
     * A department's report: its schools' ratings (in total and per kind), the schools' and the anonymous answers about
     * its activities and each entry's effectiveness. Groups under five are {@code null}.
     */
    public record DepartmentReport(Organization department, @Nullable RatingTally ratings,
                                   Map<TaskKind, RatingTally> ratingsByKind, List<String> comments,
                                   List<EffectivenessReport.Line> entries, @Nullable SchoolTally schools,
                                   @Nullable Tally answers) {
    }

    /** The departments of the school's district, to rate. */
    @Transactional(readOnly = true)
    public List<Organization> departments() {
        Actor actor = Scope.require(Role.SCHOOL_SENTINEL);
        return departmentsNear(actor);
    }

    @Transactional
    public long rate(RatingCommand command) {
        Actor actor = Scope.require(Role.SCHOOL_SENTINEL);
        if (command.departmentId() == null) {
            throw new BusinessRuleViolation("evaluation.rating.departmentRequired");
        }
        Organization department = departmentsNear(actor).stream()
                .filter(d -> d.id() == command.departmentId()).findFirst()
                .orElseThrow(() -> new BusinessRuleViolation("evaluation.rating.departmentRequired"));
        if (command.kind() == null) {
            throw new BusinessRuleViolation("evaluation.rating.kindRequired");
        }
        String subject = Texts.required(command.subject(), MAX_SUBJECT, "evaluation.rating.subjectRequired");
        int necessity = Rating.check(command.necessity(), "evaluation.rating.necessityRequired");
        int clarity = Rating.check(command.clarity(), "evaluation.rating.clarityRequired");
        int workload = Rating.check(command.workload(), "evaluation.rating.workloadRequired");
        String comment = Texts.optional(command.comment(), Feedback.MAX_COMMENT);
        long id = repository.insertRating(actor.organizationId(), department.id(),
                Objects.requireNonNull(department.parentId()), command.kind(), subject, necessity, clarity, workload,
                comment, LocalDate.now(clock).with(DayOfWeek.MONDAY));
        events.publishEvent(new TaskRated(actor.username(), id, department.id()));
        return id;
    }

    @Transactional(readOnly = true)
    public List<OwnRating> mine() {
        Actor actor = Scope.require(Role.SCHOOL_SENTINEL);
        return repository.ratingsOfSchool(actor.organizationId());
    }

    /** Departments whose report the actor may read: district staff all of their jurisdiction, a department its own. */
    @Transactional(readOnly = true)
    public List<Organization> reportableDepartments() {
        Actor actor = Scope.requireReader();
        if (Scope.districtStaff(actor)) {
            var jurisdictions = scope.jurisdictions(actor);
            return organizations.ofKind(OrganizationKind.DEPARTMENT).stream()
                    .filter(d -> d.active() && d.parentId() != null && jurisdictions.contains(d.parentId())).toList();
        }
        return List.of(organizations.get(actor.organizationId()));
    }

    @Transactional(readOnly = true)
    public DepartmentReport report(long departmentId) {
        Actor actor = Scope.requireReader();
        Organization department = organizations.find(departmentId)
                .filter(d -> d.kind() == OrganizationKind.DEPARTMENT || d.kind() == OrganizationKind.EDUCATION_COMMISSION)
                .filter(d -> scope.covers(actor, Objects.requireNonNullElse(d.parentId(), d.id()), d.id()))
                .orElseThrow(() -> new NotFound("organization", departmentId));
        Map<@Nullable TaskKind, RatingTally> tallies = repository.ratingTallies(departmentId);
        RatingTally total = tallies.get(null);
        Map<TaskKind, RatingTally> byKind = new EnumMap<>(TaskKind.class);
        tallies.forEach((kind, tally) -> {
            if (kind != null && tally.shown()) {
                byKind.put(kind, tally);
            }
        });
        boolean shown = total != null && total.shown();
        List<Activity> activities = repository.activitiesOfDepartment(departmentId);
        List<Long> ids = activities.stream().map(Activity::id).toList();
        SchoolTally schools = repository.schoolTally(ids);
        Tally answers = repository.tally(ids);
        return new DepartmentReport(department, shown ? total : null, byKind,
                shown ? repository.ratingComments(departmentId) : List.of(), effectiveness.linesOf(activities),
                schools.shown() ? schools : null, answers.shown() ? answers : null);
    }

    private List<Organization> departmentsNear(Actor actor) {
        Organization school = organizations.get(actor.organizationId());
        Long town = school.parentId();
        Long district = town == null ? null : organizations.get(town).parentId();
        return organizations.ofKind(OrganizationKind.DEPARTMENT).stream()
                .filter(d -> d.active() && Objects.equals(d.parentId(), district)).toList();
    }
}
