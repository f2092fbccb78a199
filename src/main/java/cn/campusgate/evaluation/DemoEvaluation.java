package cn.campusgate.evaluation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import cn.campusgate.core.Role;
import cn.campusgate.delivery.ImplementationPlans;
import cn.campusgate.delivery.ImplementationPlans.EndedPlan;
import cn.campusgate.organization.ActingAs;
import cn.campusgate.organization.Account;
import cn.campusgate.organization.Accounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo feedback, through the same services people use, on the plan that {@code DemoPlans} filed and the commission
 * approved in the demo's story and that was delivered last week (its last day has passed; none in the first weeks of a
 * year, when nothing can have been delivered yet): its school answers, sixteen teachers, students and parents answer
 * anonymously today — enough to pass the five-answer rule, and mostly unfavourable — and the assessment proposes the
 * entry for removal, so the school, the department, the commission and the leadership group meet evaluation at once.
 * Only once, on a fresh demo district with the demo progress on.
 */
@Component
@Order(70)
@ConditionalOnProperty(name = {"campusgate.demo.enabled", "campusgate.demo.progress"}, havingValue = "true")
class DemoEvaluation implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoEvaluation.class);

    private final Feedback feedback;
    private final Removals removals;
    private final TaskRatings ratings;
    private final ImplementationPlans plans;
    private final Accounts accounts;
    private final ActingAs actingAs;
    private final JdbcClient jdbc;
    private final Clock clock;

    DemoEvaluation(Feedback feedback, Removals removals, TaskRatings ratings, ImplementationPlans plans,
                   Accounts accounts, ActingAs actingAs, JdbcClient jdbc, Clock clock) {
        this.feedback = feedback;
        this.removals = removals;
        this.ratings = ratings;
        this.plans = plans;
        this.accounts = accounts;
        this.actingAs = actingAs;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT count(*) FROM evaluated_activity").query(Long.class).single() > 0) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        Optional<EndedPlan> plan = plans.approvedEndingBetween(today.minusYears(1), today.minusDays(1)).stream().findFirst();
        if (plan.isEmpty()) {
            return;
        }
        Optional<Activity> opened = feedback.openDelivered(plan.get().endsOn().plusDays(1)).stream()
                .filter(a -> a.planId() == plan.get().planId()).findFirst();
        if (opened.isEmpty()) {
            return;
        }
        Activity activity = opened.get();
        for (long schoolId : plan.get().schoolIds()) {
            Optional<Account> school = accounts.activeHolders(schoolId, Role.SCHOOL_SENTINEL).stream().findFirst();
            school.ifPresent(s -> as(s.username(), () -> {
                ratings.departments().stream().filter(d -> d.id() == activity.departmentId()).findFirst()
                        .ifPresent(d -> ratings.rate(new RatingCommand(d.id(), TaskKind.DATA_REQUEST,
                                "活动开展情况统计表（要求附照片）", 2, 3, 1, "活动结束当天要求报送照片和简报，时间太紧。")));
                return feedback.answer(activity.id(), new SchoolAnswerCommand(true, 2, 3, Duplication.PARTLY, 0));
            }));
        }
        record Answer(Respondent who, int rating, Set<Reason> reasons, String comment) {
        }
        List<Answer> answers = List.of(
                new Answer(Respondent.PARENT, 1, Set.of(Reason.EXTRA_TASKS), "要求家长下载APP并截图，和孩子的学习没有关系。"),
                new Answer(Respondent.PARENT, 1, Set.of(Reason.EXTRA_TASKS, Reason.FORMALISM), ""),
                new Answer(Respondent.TEACHER, 2, Set.of(Reason.TOOK_CLASS_TIME), "占用了一节数学课，内容学生上学期已经学过。"),
                new Answer(Respondent.TEACHER, 1, Set.of(Reason.FORMALISM, Reason.EXTRA_TASKS), "活动后要交照片、简报和签到表。"),
                new Answer(Respondent.TEACHER, 2, Set.of(Reason.REPETITIVE), ""),
                new Answer(Respondent.STUDENT, 2, Set.of(Reason.REPETITIVE), ""),
                new Answer(Respondent.STUDENT, 3, Set.of(Reason.ENGAGING), "医生讲的减压方法很有用。"),
                new Answer(Respondent.STUDENT, 1, Set.of(), ""),
                new Answer(Respondent.PARENT, 2, Set.of(Reason.TOOK_CLASS_TIME), ""),
                new Answer(Respondent.PARENT, 1, Set.of(Reason.FORMALISM), "打卡接龙太多了。"),
                new Answer(Respondent.TEACHER, 1, Set.of(Reason.EXTRA_TASKS), ""),
                new Answer(Respondent.STUDENT, 2, Set.of(), ""),
                new Answer(Respondent.PARENT, 4, Set.of(Reason.PRACTICAL), ""),
                new Answer(Respondent.TEACHER, 2, Set.of(Reason.TOOK_CLASS_TIME, Reason.REPETITIVE), ""),
                new Answer(Respondent.PARENT, 1, Set.of(Reason.EXTRA_TASKS), ""),
                new Answer(Respondent.STUDENT, 1, Set.of(Reason.FORMALISM), ""));
        for (Answer a : answers) {
            feedback.answerAnonymously(activity.feedbackToken(), new PublicAnswerCommand(a.who(), a.rating(), a.reasons(),
                    a.comment()), Set.of());
        }
        int proposed = removals.assessAll().size();
        log.info("Seeded demo feedback on \"{}\": {} anonymous answers, {} removal proposal(s)", activity.title(),
                answers.size(), proposed);
    }

    private <T> T as(String username, Supplier<T> work) {
        return actingAs.call(username, work);
    }
}
