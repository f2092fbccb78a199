package cn.campusgate.evaluation;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import cn.campusgate.approval.Semester;
import cn.campusgate.calendar.WorkingCalendar;
import cn.campusgate.core.Actor;
import cn.campusgate.core.Actors;
import cn.campusgate.core.BusinessRuleViolation;
import cn.campusgate.core.NotFound;
import cn.campusgate.core.Role;
import cn.campusgate.delivery.ImplementationPlans;
import cn.campusgate.delivery.ImplementationPlans.EndedPlan;
import cn.campusgate.evaluation.EvaluationEvents.FeedbackOpened;
import cn.campusgate.evaluation.EvaluationEvents.SchoolAnswered;
import cn.campusgate.evaluation.EvaluationEvents.SchoolReminded;
import cn.campusgate.notification.Notice;
import cn.campusgate.notification.Notifications;
import cn.campusgate.organization.Organizations;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Feedback on delivered activities: opening an activity for feedback once its plan has ended (asking a sample of its
 * schools, within each school's semester cap, and reminding a school at most once), the school's three questions,
 * the anonymous answers through the activity's link, and the results, shown only for groups of five or more.
 */
@Service
public class Feedback {

    /** How far back an ended plan is still opened for feedback (e.g. after the application was down for a while). */
    static final int CATCH_UP_DAYS = 60;
    /** At most this many reason chips per answer. */
    public static final int MAX_REASONS = 3;
    public static final int MAX_COMMENT = 300;

    private final EvaluationRepository repository;
    private final ImplementationPlans plans;
    private final Organizations organizations;
    private final Notifications notifications;
    private final WorkingCalendar calendar;
    private final EvaluationSettings settings;
    private final Scope scope;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Feedback(EvaluationRepository repository, ImplementationPlans plans, Organizations organizations,
             Notifications notifications, WorkingCalendar calendar, EvaluationSettings settings, Scope scope,
             ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.plans = plans;
        this.organizations = organizations;
        this.notifications = notifications;
        this.calendar = calendar;
        this.settings = settings;
        this.scope = scope;
        this.events = events;
        this.clock = clock;
    }

    /** An activity asked of a school, with the school's answer so far. */
    public record Asked(Activity activity, SchoolRequest request) {
    }

    /** What staff read about one activity: counts only for groups of five or more, else {@code null}. */
    public record Results(Activity activity, @Nullable Tally answers, @Nullable SchoolTally schools) {
    }

    // --- opening delivered activities (daily, and the demo) ---

    /**
     * Opens every approved plan that ended before {@code day} (and not long before) for feedback: a random link for
     * the anonymous answers, and a request to a sample of its schools, none beyond its semester cap.
     *
     * @return the activities opened
     */
    @Transactional
    public List<Activity> openDelivered(LocalDate day) {
        repository.serialiseJob("evaluation.open"); // a second node waits, then finds the activities opened
        List<Activity> opened = new ArrayList<>();
        for (EndedPlan plan : plans.approvedEndingBetween(day.minusDays(CATCH_UP_DAYS), day.minusDays(1))) {
            if (!repository.hasActivityForPlan(plan.planId())) {
                opened.add(open(plan, day));
            }
        }
        return opened;
    }

    private Activity open(EndedPlan plan, LocalDate day) {
        Activity draft = new Activity(0, plan.planId(), plan.whitelistEntryId(), plan.itemId(), plan.departmentId(),
                plan.departmentName(), plan.jurisdictionId(), plan.title(), plan.startsOn(), plan.endsOn(), token(), day,
                day.plusDays(settings.feedbackDays()));
        long id = repository.insertActivity(draft);
        Activity activity = new Activity(id, draft.planId(), draft.whitelistEntryId(), draft.itemId(),
                draft.departmentId(), draft.departmentName(), draft.jurisdictionId(), draft.title(), draft.startsOn(),
                draft.endsOn(), draft.feedbackToken(), draft.openedOn(), draft.closesOn());
        Semester semester = Semester.of(day);
        int asked = 0;
        for (long schoolId : plan.schoolIds()) {
            if (!sampled(id, schoolId)
                    || repository.askedBetween(schoolId, semester.start(), semester.end()) >= settings.maxPerSemester()) {
                continue;
            }
            repository.ask(id, schoolId, day);
            asked++;
            notifications.sendToRole(schoolId, Role.SCHOOL_SENTINEL, new Notice("notice.evaluation.asked",
                    List.of(plan.title()), "/evaluation/activities/" + id));
        }
        events.publishEvent(new FeedbackOpened(Actors.currentName(), id, plan.planId(), plan.whitelistEntryId(), asked,
                activity.closesOn()));
        return activity;
    }

    /** Whether a school is in the sample asked about an activity: stable, so reruns ask the same schools. */
    boolean sampled(long activityId, long schoolId) {
        long mixed = (activityId * 0x9E3779B97F4A7C15L) ^ (schoolId * 0xC2B2AE3D27D4EB4FL);
        return Math.floorMod(Long.hashCode(mixed ^ (mixed >>> 29)), 100) < settings.sampleRate();
    }

    /** The one reminder: schools that have not answered after the configured working days. Never a second one. */
    @Transactional
    public int remindOnce(LocalDate today) {
        int reminded = 0;
        LocalDate askedBy = today;
        for (SchoolRequest request : repository.remindable(askedBy, today)) {
            if (calendar.addWorkingDays(request.askedOn(), settings.remindAfterWorkingDays()).isAfter(today)) {
                continue;
            }
            // The conditional update is the claim: a second node running the same job sends nothing.
            if (!repository.markReminded(request.id(), today)) {
                continue;
            }
            Activity activity = repository.activity(request.activityId()).orElseThrow();
            notifications.sendToRole(request.schoolId(), Role.SCHOOL_SENTINEL, new Notice("notice.evaluation.reminder",
                    List.of(activity.title()), "/evaluation/activities/" + activity.id()));
            events.publishEvent(new SchoolReminded(Actors.currentName(), activity.id(), request.schoolId()));
            reminded++;
        }
        return reminded;
    }

    // --- the school ---

    /** The activities the signed-in school was asked about, newest first. */
    @Transactional(readOnly = true)
    public List<Asked> asked() {
        Actor actor = Scope.require(Role.SCHOOL_SENTINEL);
        return repository.requestsOfSchool(actor.organizationId()).stream()
                .map(r -> new Asked(repository.activity(r.activityId()).orElseThrow(), r)).toList();
    }

    @Transactional(readOnly = true)
    public Asked asked(long activityId) {
        Actor actor = Scope.require(Role.SCHOOL_SENTINEL);
        SchoolRequest request = repository.request(activityId, actor.organizationId())
                .orElseThrow(() -> new NotFound("activity", activityId));
        return new Asked(repository.activity(activityId).orElseThrow(), request);
    }

    /** Questions the school has still to answer (home task). */
    @Transactional(readOnly = true)
    public long unanswered(Actor actor) {
        return actor.has(Role.SCHOOL_SENTINEL) ? repository.unansweredOfSchool(actor.organizationId()) : 0;
    }

    /** The school's answer to the three questions; once only. */
    @Transactional
    public SchoolRequest answer(long activityId, SchoolAnswerCommand command) {
        Actor actor = Scope.require(Role.SCHOOL_SENTINEL);
        Asked asked = asked(activityId);
        SchoolRequest request = asked.request();
        if (request.answered()) {
            throw new BusinessRuleViolation("evaluation.school.alreadyAnswered");
        }
        if (request.version() != command.version()) {
            throw new BusinessRuleViolation("error.stale");
        }
        if (command.held() == null) {
            throw new BusinessRuleViolation("evaluation.school.heldRequired");
        }
        SchoolRequest answered;
        if (command.held()) {
            int usefulness = Rating.check(command.usefulness(), "evaluation.school.usefulnessRequired");
            int burden = Rating.check(command.burden(), "evaluation.school.burdenRequired");
            if (command.duplication() == null) {
                throw new BusinessRuleViolation("evaluation.school.duplicationRequired");
            }
            answered = new SchoolRequest(request.id(), activityId, request.schoolId(), request.askedOn(),
                    request.remindedOn(), today(), true, usefulness, burden, command.duplication(), request.version());
        } else {
            answered = new SchoolRequest(request.id(), activityId, request.schoolId(), request.askedOn(),
                    request.remindedOn(), today(), false, null, null, null, request.version());
        }
        repository.saveAnswer(answered);
        events.publishEvent(new SchoolAnswered(actor.username(), activityId, request.schoolId(), command.held()));
        return answered;
    }

    // --- the public ---

    /** The activity behind a public link, or not found. */
    @Transactional(readOnly = true)
    public Activity byToken(String token) {
        return repository.activityByToken(token).orElseThrow(() -> new NotFound("activity", "—"));
    }

    /** Whether the link still takes answers today. */
    public boolean open(Activity activity) {
        return activity.openOn(today());
    }

    /**
     * An anonymous answer, stored with the week only. {@code answeredThisSemester} is what the browser already answered
     * this semester (from its signed cookie): once per activity, and no more than the cap.
     */
    @Transactional
    public void answerAnonymously(String token, PublicAnswerCommand command, Collection<Long> answeredThisSemester) {
        Activity activity = byToken(token);
        if (!open(activity)) {
            throw new BusinessRuleViolation("evaluation.feedback.closed");
        }
        if (answeredThisSemester.contains(activity.id())) {
            throw new BusinessRuleViolation("evaluation.feedback.already");
        }
        if (answeredThisSemester.size() >= settings.maxPerSemester()) {
            throw new BusinessRuleViolation("evaluation.feedback.capReached", settings.maxPerSemester());
        }
        if (command.respondent() == null) {
            throw new BusinessRuleViolation("evaluation.feedback.respondentRequired");
        }
        int rating = Rating.check(command.rating(), "evaluation.feedback.ratingRequired");
        if (Objects.requireNonNull(command.reasons()).size() > MAX_REASONS) {
            throw new BusinessRuleViolation("evaluation.feedback.tooManyReasons", MAX_REASONS);
        }
        String comment = Texts.optional(command.comment(), MAX_COMMENT);
        repository.insertPublic(activity.id(), command.respondent(), rating,
                EvaluationRepository.reasons(command.reasons()), comment, today().with(DayOfWeek.MONDAY));
    }

    public int maxPerSemester() {
        return settings.maxPerSemester();
    }

    // --- staff ---

    /** Activities the actor follows: district staff their jurisdiction's, a department its own. */
    @Transactional(readOnly = true)
    public List<Activity> activities() {
        Actor actor = Scope.requireReader();
        if (Scope.districtStaff(actor)) {
            return repository.activitiesIn(scope.jurisdictions(actor));
        }
        return repository.activitiesOfDepartment(actor.organizationId());
    }

    @Transactional(readOnly = true)
    public Results results(long activityId) {
        Actor actor = Scope.requireReader();
        Activity activity = repository.activity(activityId)
                .filter(a -> scope.covers(actor, a.jurisdictionId(), a.departmentId()))
                .orElseThrow(() -> new NotFound("activity", activityId));
        Tally tally = repository.tally(List.of(activityId));
        SchoolTally schools = repository.schoolTally(List.of(activityId));
        return new Results(activity, tally.shown() ? tally : null, schools.shown() ? schools : null);
    }

    /** A school's name, for its own pages. */
    @Transactional(readOnly = true)
    public String schoolName(long schoolId) {
        return organizations.get(schoolId).name();
    }

    private String token() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
