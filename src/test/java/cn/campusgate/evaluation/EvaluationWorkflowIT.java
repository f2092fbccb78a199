package cn.campusgate.evaluation;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import cn.campusgate.CampusGateTest;
import cn.campusgate.ExpertOpinions;
import cn.campusgate.ListsInForce;
import cn.campusgate.SignedIn;
import cn.campusgate.approval.Approvals;
import cn.campusgate.core.BusinessRuleViolation;
import cn.campusgate.core.NotFound;
import cn.campusgate.delivery.DeliveryWorkflowIT;
import cn.campusgate.delivery.ImplementationPlan;
import cn.campusgate.delivery.ImplementationPlans;
import cn.campusgate.delivery.PlanReview;
import cn.campusgate.item.Items;
import cn.campusgate.whitelist.Whitelist;
import cn.campusgate.whitelist.WhitelistChange;
import cn.campusgate.whitelist.WhitelistEntry;
import cn.campusgate.whitelist.Whitelists;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An activity that really passed the chain, was planned, approved and delivered (in 2037, so no other test's figures
 * move): opened for feedback, answered by its school and anonymously (once per browser, nothing recorded by opening
 * the link, nothing shown below five answers), found strongly disliked, proposed for removal, answered by the
 * department, decided by the leadership group and carried out through the whitelist into its public change log.
 */
@CampusGateTest
class EvaluationWorkflowIT {

    static final LocalDate START = LocalDate.of(2037, 3, 2);

    @Autowired Items items;
    @Autowired Approvals approvals;
    @Autowired ImplementationPlans plans;
    @Autowired Whitelists whitelists;
    @Autowired Feedback feedback;
    @Autowired Removals removals;
    @Autowired EffectivenessReport effectiveness;
    @Autowired TaskRatings ratings;
    @Autowired SignedIn signedIn;
    @Autowired ExpertOpinions expertOpinions;
    @Autowired ListsInForce lists;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    /** A published list carrying an entry of the department, and an approved plan of it that ended. */
    Activity deliveredActivity(String title, String theme) {
        WhitelistEntry entry = DeliveryWorkflowIT.entryThroughTheChain(signedIn, items, approvals, expertOpinions, plans, lists,
                "dept.fire", title, theme, START);
        publish(entry.whitelistId());
        List<Long> schools = DeliveryWorkflowIT.schools(signedIn, plans, "dept.fire", entry, 3);
        ImplementationPlan plan = signedIn.call("dept.fire", () -> plans.file(DeliveryWorkflowIT.plan(entry, schools,
                START.plusDays(1), START.plusDays(11), 1)));
        signedIn.call("commission", () -> plans.review(plan.id(), new PlanReview(PlanReview.Decision.APPROVE, null, null,
                null, null, null, null, plan.version())));
        List<Activity> opened = feedback.openDelivered(START.plusDays(12));
        return opened.stream().filter(a -> a.planId() == plan.id()).findFirst().orElseThrow();
    }

    void publish(long whitelistId) {
        Whitelist draft = signedIn.call("commission", () -> whitelists.get(whitelistId));
        if (draft.status().inForce()) {
            return;
        }
        Whitelist commenting = signedIn.call("commission", () -> whitelists.startCommentPeriod(whitelistId,
                draft.version(), 7));
        // The seven days pass (the application's clock is the real one, so the period is moved back instead).
        jdbc.sql("UPDATE whitelist SET comment_starts_on = comment_starts_on - 7, comment_ends_on = comment_ends_on - 7"
                + " WHERE id = :id").param("id", whitelistId).update();
        Whitelist approved = signedIn.call("district", () -> whitelists.approve(whitelistId, commenting.version(), "同意发布。"));
        signedIn.call("commission", () -> whitelists.publish(whitelistId, approved.version(), "合教发〔2037〕1号",
                LocalDate.of(2037, 1, 1), LocalDate.of(2037, 12, 31)));
    }

    long answers(Activity activity) {
        return jdbc.sql("SELECT count(*) FROM public_feedback WHERE activity_id = :a").param("a", activity.id())
                .query(Long.class).single();
    }

    @Test
    void feedbackFlowsIntoARemovalProposalThatEndsInThePublicChangeLog() throws Exception {
        Activity activity = deliveredActivity("消防知识竞赛进校园（评估测试）", "消防知识竞赛评估测试");
        assertThat(activity.closesOn()).isEqualTo(START.plusDays(12).plusDays(30));
        assertThat(feedback.openDelivered(START.plusDays(13))).as("opened once").noneMatch(a -> a.id() == activity.id());

        // The school was asked (and notified) and answers its three questions once.
        Feedback.Asked asked = signedIn.call("school.sentinel", () -> feedback.asked(activity.id()));
        assertThat(asked.request().answered()).isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM notification n JOIN account a ON a.id = n.account_id WHERE a.username = "
                + "'school.sentinel' AND n.message_key = 'notice.evaluation.asked' AND n.link = :l")
                .param("l", "/evaluation/activities/" + activity.id()).query(Long.class).single()).isEqualTo(1);
        assertThatThrownBy(() -> signedIn.call("school.sentinel", () -> feedback.answer(activity.id(),
                new SchoolAnswerCommand(true, 2, null, Duplication.NONE, 0))))
                .hasMessage("evaluation.school.burdenRequired");
        mvc.perform(post("/evaluation/activities/" + activity.id() + "/answer").with(signedIn.as("school.sentinel"))
                        .with(csrf()).param("version", "0").param("held", "true").param("usefulness", "1")
                        .param("burden", "4").param("duplication", "LARGELY"))
                .andExpect(status().is3xxRedirection());
        assertThat(signedIn.call("school.sentinel", () -> feedback.asked(activity.id())).request().usefulness()).isEqualTo(1);
        assertThatThrownBy(() -> signedIn.call("school.sentinel", () -> feedback.answer(activity.id(),
                new SchoolAnswerCommand(true, 4, 1, Duplication.NONE, 1)))).hasMessage("evaluation.school.alreadyAnswered");

        // Opening the link records nothing; it works without an account.
        String link = activity.feedbackPath();
        mvc.perform(get(link)).andExpect(status().isOk())
                .andExpect(content().string(containsString("消防知识竞赛进校园（评估测试）")))
                .andExpect(content().string(containsString("data-testid=\"feedback-form\"")));
        assertThat(answers(activity)).isZero();

        // A bad answer is refused with a clear message and stores nothing.
        mvc.perform(post(link).with(csrf()).param("respondent", "PARENT"))
                .andExpect(status().is(422)).andExpect(content().string(containsString("请选择活动对学生的帮助程度")));
        assertThat(answers(activity)).isZero();

        // One answer per browser: the signed cookie says so; the answer is stored with its week only.
        MvcResult first = mvc.perform(post(link).with(csrf()).param("respondent", "PARENT").param("rating", "1")
                        .param("reasons", "FORMALISM", "EXTRA_TASKS").param("comment", "要求家长拍照打卡"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("谢谢您的反馈"))).andReturn();
        Cookie ballot = first.getResponse().getCookie("cg_feedback");
        assertThat(ballot).isNotNull();
        mvc.perform(get(link).cookie(ballot)).andExpect(content().string(containsString("data-testid=\"feedback-already\"")))
                .andExpect(content().string(not(containsString("data-testid=\"feedback-form\""))));
        mvc.perform(post(link).with(csrf()).cookie(ballot).param("respondent", "PARENT").param("rating", "1"))
                .andExpect(status().is(422)).andExpect(content().string(containsString("您已反馈过本活动")));
        // A forged cookie counts for nothing.
        mvc.perform(get(link).cookie(new Cookie("cg_feedback", ballot.getValue().replace("~", "~9"))))
                .andExpect(content().string(containsString("data-testid=\"feedback-form\"")));
        assertThat(answers(activity)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT extract(isodow FROM week_of) FROM public_feedback WHERE activity_id = :a")
                .param("a", activity.id()).query(Integer.class).single()).as("the Monday of the week").isEqualTo(1);

        // The public API takes answers the same way.
        mvc.perform(post("/api/v1/public/feedback/" + activity.feedbackToken()).contentType(MediaType.APPLICATION_JSON)
                        .header("Accept-Language", "zh-CN").content("{\"respondent\":\"TEACHER\",\"rating\":5}"))
                .andExpect(status().is(422)).andExpect(jsonPath("$.code").value("evaluation.feedback.ratingRequired"));
        mvc.perform(post("/api/v1/public/feedback/" + activity.feedbackToken()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"respondent\":\"TEACHER\",\"rating\":2,\"reasons\":[\"TOOK_CLASS_TIME\"]}"))
                .andExpect(status().isCreated());

        // n >= 5: four answers show nothing, not even the count; the fifth shows the group.
        for (int i = 0; i < 2; i++) {
            feedback.answerAnonymously(activity.feedbackToken(), new PublicAnswerCommand(Respondent.STUDENT, 2,
                    Set.of(Reason.REPETITIVE), null), Set.of());
        }
        assertThat(answers(activity)).isEqualTo(4);
        Feedback.Results four = signedIn.call("commission", () -> feedback.results(activity.id()));
        assertThat(four.answers()).isNull();
        assertThat(four.schools()).as("one school is no group").isNull();
        mvc.perform(get("/evaluation/activities/" + activity.id()).with(signedIn.as("commission")))
                .andExpect(content().string(containsString("data-testid=\"answers-withheld\"")))
                .andExpect(content().string(not(containsString("data-testid=\"answers-total\""))));
        feedback.answerAnonymously(activity.feedbackToken(), new PublicAnswerCommand(Respondent.TEACHER, 1, Set.of(),
                null), Set.of());
        Feedback.Results five = signedIn.call("commission", () -> feedback.results(activity.id()));
        assertThat(five.answers()).isNotNull();
        assertThat(five.answers().total()).isEqualTo(5);
        assertThat(five.answers().respondentShown(Respondent.TEACHER)).as("two teachers are no group").isFalse();
        mvc.perform(get("/evaluation/activities/" + activity.id()).with(signedIn.as("commission")))
                .andExpect(content().string(containsString("data-testid=\"answers-total\"")));

        // Scoped: another department does not see it.
        assertThatThrownBy(() -> signedIn.call("dept.police", () -> feedback.results(activity.id())))
                .isInstanceOf(NotFound.class);

        // Strongly disliked: 15 answers, 14 of them unfavourable.
        for (int i = 0; i < 10; i++) {
            feedback.answerAnonymously(activity.feedbackToken(), new PublicAnswerCommand(Respondent.PARENT, i < 9 ? 1 : 3,
                    Set.of(Reason.FORMALISM), null), Set.of());
        }
        EffectivenessReport.Line line = signedIn.call("commission", () -> effectiveness.lines()).stream()
                .filter(l -> l.whitelistEntryId() == activity.whitelistEntryId()).findFirst().orElseThrow();
        assertThat(line.evidence().publicAnswers()).isEqualTo(15);
        assertThat(line.figure().stronglyDisliked()).isTrue();
        assertThat(line.figure().score()).isLessThan(40);

        // The commission assesses: a proposal with the evidence; the department is notified.
        List<RemovalProposal> made = signedIn.call("commission", () -> removals.assess());
        RemovalProposal proposal = made.stream().filter(p -> p.subject().whitelistEntryId() == activity.whitelistEntryId())
                .findFirst().orElseThrow();
        assertThat(proposal.status()).isEqualTo(RemovalStatus.AWAITING_RESPONSE);
        assertThat(proposal.evidence().publicAnswers()).isEqualTo(15);
        assertThat(proposal.evidence().stronglyDisliked()).isTrue();
        assertThat(proposal.responseDueOn()).isAfter(LocalDate.now().plusDays(9));
        assertThat(signedIn.call("commission", () -> removals.assess()))
                .as("one open proposal per entry").noneMatch(p -> p.subject().whitelistEntryId() == activity.whitelistEntryId());
        assertThat(jdbc.sql("SELECT count(*) FROM notification n JOIN account a ON a.id = n.account_id WHERE a.username = "
                + "'dept.fire' AND n.message_key = 'notice.removal.proposed' AND n.link = :l")
                .param("l", "/evaluation/proposals/" + proposal.id()).query(Long.class).single()).isEqualTo(1);

        // Each step only for its role and organisation, and only when the state allows it.
        assertThatThrownBy(() -> signedIn.call("dept.police", () -> removals.get(proposal.id()))).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> signedIn.call("dept.police", () -> removals.respond(proposal.id(), 0, "不是我们")))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> signedIn.call("dept.fire", () -> removals.decide(proposal.id(), 0, true, "自行决定")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> signedIn.call("district", () -> removals.decide(proposal.id(), 0, true, "提前决定")))
                .hasMessage("evaluation.removal.notNow");
        mvc.perform(get("/evaluation/proposals/" + proposal.id()).with(signedIn.as("dept.fire")))
                .andExpect(content().string(containsString("data-testid=\"respond\"")))
                .andExpect(content().string(not(containsString("data-testid=\"decide\""))));

        RemovalProposal responded = signedIn.call("dept.fire", () -> removals.respond(proposal.id(), 0,
                "活动已改为课后服务时段自愿参加，不再要求拍照打卡。"));
        assertThat(responded.status()).isEqualTo(RemovalStatus.AWAITING_DECISION);
        mvc.perform(get("/evaluation/proposals/" + proposal.id()).with(signedIn.as("district")))
                .andExpect(content().string(containsString("data-testid=\"decide\"")));
        assertThatThrownBy(() -> signedIn.call("district", () -> removals.decide(proposal.id(), responded.version(), true, " ")))
                .hasMessage("evaluation.removal.decisionRequired");
        RemovalProposal decided = signedIn.call("district", () -> removals.decide(proposal.id(), responded.version(), true,
                "师生负面反映强烈，调整出白名单。"));
        assertThat(decided.status()).isEqualTo(RemovalStatus.REMOVAL_DECIDED);
        assertThatThrownBy(() -> signedIn.call("district", () -> removals.carryOut(proposal.id(), decided.version(), null)))
                .as("only the commission changes the whitelist").isInstanceOf(AccessDeniedException.class);

        // The commission carries it out through the whitelist: a new published version and the public change log.
        Whitelist before = whitelists.publicList(line.whitelistId());
        RemovalProposal removed = signedIn.call("commission", () -> removals.carryOut(proposal.id(), decided.version(),
                "合教发〔2037〕9号"));
        assertThat(removed.status()).isEqualTo(RemovalStatus.REMOVED);
        Whitelist after = whitelists.publicList(line.whitelistId());
        assertThat(after.publishedVersion()).isEqualTo(before.publishedVersion() + 1);
        assertThat(removed.whitelistVersion()).isEqualTo(after.publishedVersion());
        assertThat(whitelists.publicEntry(line.whitelistId(), activity.whitelistEntryId()).removed()).isTrue();
        assertThat(whitelists.changes(after, false)).anySatisfy(c -> {
            assertThat(c.kind()).isEqualTo(WhitelistChange.Kind.REMOVED);
            assertThat(c.entryTitle()).isEqualTo("消防知识竞赛进校园（评估测试）");
            assertThat(c.reason()).startsWith("绩效评估");
            assertThat(c.decision()).contains("师生负面反映强烈");
        });
        mvc.perform(get("/public/whitelist/" + line.whitelistId() + "/changes"))
                .andExpect(content().string(containsString("消防知识竞赛进校园（评估测试）")))
                .andExpect(content().string(containsString("绩效评估")));
        assertThat(jdbc.sql("SELECT action FROM audit_entry WHERE subject = :s ORDER BY seq")
                .param("s", "removal:" + proposal.id()).query(String.class).list()).containsExactly(
                "evaluation.removal-proposed", "evaluation.removal-responded", "evaluation.removal-decided",
                "evaluation.removal-carried-out");
        assertThat(signedIn.call("commission", () -> removals.assess()))
                .as("a removed entry is not proposed again").noneMatch(p -> p.subject().whitelistEntryId() == activity.whitelistEntryId());
    }

    @Test
    void schoolsRateDepartmentsTasksAndReportsShowOnlyGroupsOfFive() throws Exception {
        long health = jdbc.sql("SELECT id FROM organization WHERE name = '区卫生健康委'").query(Long.class).single();
        assertThatThrownBy(() -> signedIn.call("school.sentinel", () -> ratings.rate(new RatingCommand(health,
                TaskKind.DATA_REQUEST, "  ", 2, 2, 2, null)))).hasMessage("evaluation.rating.subjectRequired");
        for (int i = 0; i < 4; i++) {
            int n = i;
            signedIn.call("school.sentinel", () -> ratings.rate(new RatingCommand(health, TaskKind.DATA_REQUEST,
                    "学生晨检数据日报表" + n, 2, 3, 1, null)));
        }
        assertThat(signedIn.call("dept.health", () -> ratings.report(health)).ratings()).isNull();
        mvc.perform(get("/department-reports/" + health).with(signedIn.as("dept.health")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("data-testid=\"ratings-withheld\"")));
        mvc.perform(post("/evaluation/ratings").with(signedIn.as("school.sentinel")).with(csrf())
                        .param("departmentId", String.valueOf(health)).param("kind", "DATA_REQUEST")
                        .param("subject", "近视防控问卷").param("necessity", "2").param("clarity", "3").param("workload", "1")
                        .param("comment", "一周内要求填报三次"))
                .andExpect(status().is3xxRedirection());
        TaskRatings.DepartmentReport report = signedIn.call("dept.health", () -> ratings.report(health));
        assertThat(report.ratings()).isNotNull();
        assertThat(report.ratings().count()).isEqualTo(5);
        assertThat(report.ratings().workload()).isEqualTo(1.0);
        assertThat(report.ratingsByKind()).containsKey(TaskKind.DATA_REQUEST);
        mvc.perform(get("/department-reports/" + health).with(signedIn.as("dept.health")))
                .andExpect(content().string(containsString("data-testid=\"ratings-table\"")))
                .andExpect(content().string(not(containsString("合川区二郎镇中心小学"))));
        // Another department's report is not readable; the commission reads every one.
        assertThatThrownBy(() -> signedIn.call("dept.police", () -> ratings.report(health))).isInstanceOf(NotFound.class);
        assertThat(signedIn.call("commission", () -> ratings.report(health)).ratings()).isNotNull();
        assertThatThrownBy(() -> signedIn.call("dept.police", () -> ratings.rate(new RatingCommand(health,
                TaskKind.NOTICE, "通知", 1, 1, 1, null)))).isInstanceOf(AccessDeniedException.class);
        assertThat(signedIn.call("school.sentinel", () -> ratings.mine())).hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void theAnonymousAnswerTableHoldsNothingThatPointsToAPerson() {
        List<String> columns = jdbc.sql("SELECT column_name FROM information_schema.columns WHERE table_name = 'public_feedback'")
                .query(String.class).list();
        assertThat(columns).containsExactlyInAnyOrder("id", "activity_id", "respondent", "rating", "reasons", "comment",
                "week_of");
        assertThatThrownBy(() -> feedback.answerAnonymously("no-such-token", new PublicAnswerCommand(Respondent.PARENT, 3,
                Set.of(), null), Set.of())).isInstanceOf(BusinessRuleViolation.class);
    }
}
