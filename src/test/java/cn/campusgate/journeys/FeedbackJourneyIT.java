package cn.campusgate.journeys;

import java.time.LocalDate;
import java.util.List;

import cn.campusgate.ExpertOpinions;
import cn.campusgate.ListsInForce;
import cn.campusgate.SignedIn;
import cn.campusgate.approval.Approvals;
import cn.campusgate.delivery.DeliveryWorkflowIT;
import cn.campusgate.delivery.ImplementationPlan;
import cn.campusgate.delivery.ImplementationPlans;
import cn.campusgate.delivery.PlanReview;
import cn.campusgate.evaluation.Activity;
import cn.campusgate.evaluation.Feedback;
import cn.campusgate.item.Items;
import cn.campusgate.whitelist.WhitelistEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Feedback as people give it: a parent opens the activity's link on a phone without an account (which records
 * nothing), answers on the four-point scale with reason chips and submits; opening the link again says the browser
 * has answered. The school, at its desk, answers its three questions on one screen and finds the link and QR code
 * to pass on.
 */
class FeedbackJourneyIT extends BrowserJourney {

    @Autowired Items items;
    @Autowired Approvals approvals;
    @Autowired ImplementationPlans plans;
    @Autowired Feedback feedback;
    @Autowired SignedIn signedIn;
    @Autowired ExpertOpinions expertOpinions;
    @Autowired ListsInForce lists;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void desktopAgain() {
        browser.manage().window().setSize(new Dimension(1400, 1000));
    }

    Activity delivered(String title) {
        LocalDate start = LocalDate.of(2038, 3, 1);
        WhitelistEntry entry = DeliveryWorkflowIT.entryThroughTheChain(signedIn, items, approvals, expertOpinions, plans, lists,
                "dept.fire", title, title + "主题", start);
        List<Long> schools = DeliveryWorkflowIT.schools(signedIn, plans, "dept.fire", entry, 2);
        ImplementationPlan plan = signedIn.call("dept.fire", () -> plans.file(DeliveryWorkflowIT.plan(entry, schools,
                start.plusDays(1), start.plusDays(4), 1)));
        signedIn.call("commission", () -> plans.review(plan.id(), new PlanReview(PlanReview.Decision.APPROVE, null, null,
                null, null, null, null, plan.version())));
        return feedback.openDelivered(start.plusDays(5)).stream().filter(a -> a.planId() == plan.id()).findFirst()
                .orElseThrow();
    }

    long answers(Activity activity) {
        return jdbc.sql("SELECT count(*) FROM public_feedback WHERE activity_id = :a").param("a", activity.id())
                .query(Long.class).single();
    }

    @Test
    void aParentGivesFeedbackOnAPhoneWithoutAnAccountAndTheSchoolAnswersItsThreeQuestions() {
        String suffix = Long.toString(System.nanoTime() % 100000);
        Activity activity = delivered("交通安全微课进校园（反馈旅程" + suffix + "）");

        // On a phone, signed out: the link opens the form and records nothing.
        browser.manage().window().setSize(new Dimension(390, 844));
        open(activity.feedbackPath());
        assertThat(waitFor("feedback-activity").getText()).contains("交通安全微课进校园");
        waitFor("feedback-form");
        assertThat(isPresent(testId("current-user"))).as("no account").isFalse();
        assertThat((Long) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - window.innerWidth")).as("no sideways scrolling")
                .isLessThanOrEqualTo(0L);
        assertThat(browser.findElements(By.cssSelector("[name='rating']"))).as("four points, no neutral middle").hasSize(4);
        assertNoMissingMessages();
        assertThat(answers(activity)).isZero();

        // Submitting without a rating is refused with a clear message and keeps the choices.
        click(By.cssSelector("label.cg-chip:has([data-testid='respondent-PARENT'])"));
        click(testId("feedback-submit"));
        assertThat(waitFor("problem").getText()).contains("请选择活动对学生的帮助程度");
        assertThat(browser.findElement(testId("respondent-PARENT")).isSelected()).isTrue();
        assertThat(answers(activity)).isZero();

        click(By.cssSelector("label.cg-choice:has([data-testid='rating-2'])"));
        click(By.cssSelector("label.cg-chip:has([data-testid='reason-EXTRA_TASKS'])"));
        click(By.cssSelector("label.cg-chip:has([data-testid='reason-TOOK_CLASS_TIME'])"));
        browser.findElement(By.id("comment")).sendKeys("微课本身不错，但要求家长每天截图打卡。");
        click(testId("feedback-submit"));
        assertThat(waitFor("feedback-thanks").getText()).contains("谢谢您的反馈");
        assertThat(answers(activity)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT rating FROM public_feedback WHERE activity_id = :a").param("a", activity.id())
                .query(Integer.class).single()).isEqualTo(2);

        // The same browser opens the link again: it has answered.
        open(activity.feedbackPath());
        waitFor("feedback-already");
        assertThat(isPresent(testId("feedback-form"))).isFalse();

        // The school, at its desk: three questions on one screen, and the link and QR code to pass on.
        browser.manage().window().setSize(new Dimension(1400, 1000));
        open("/login");
        signIn("school.sentinel", DEMO_PASSWORD);
        open("/evaluation");
        click(By.cssSelector("tr[data-activity='" + activity.id() + "'] a"));
        waitFor("school-form");
        assertThat(browser.findElement(testId("feedback-link")).getDomProperty("value")).endsWith(activity.feedbackPath());
        assertThat((Boolean) ((JavascriptExecutor) browser).executeScript(
                "return arguments[0].complete && arguments[0].naturalWidth > 0", browser.findElement(testId("qr"))))
                .as("the QR code shows").isTrue();
        click(By.cssSelector("label.cg-choice:has([data-testid='usefulness-3'])"));
        click(By.cssSelector("label.cg-choice:has([data-testid='burden-2'])"));
        click(By.cssSelector("label.cg-chip:has([data-testid='duplication-PARTLY'])"));
        click(testId("school-submit"));
        assertThat(kind(formOutcome())).isEqualTo("notice");
        assertThat(waitFor("school-answer").getText()).contains("有些帮助");
        assertNoMissingMessages();
    }
}
