package cn.campusgate.journeys;

import java.time.LocalDate;
import java.util.Set;

import cn.campusgate.item.AdmissionGround;
import cn.campusgate.item.DeliveryMode;
import cn.campusgate.item.Frequency;
import cn.campusgate.item.GraduatingClasses;
import cn.campusgate.item.IntegrationChannel;
import cn.campusgate.item.Item;
import cn.campusgate.item.ItemContent;
import cn.campusgate.item.ItemRoute;
import cn.campusgate.item.Items;
import cn.campusgate.organization.SchoolStage;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The approval chain as its people use it, in the browser: an annual item from the department through the
 * committee (its signed opinion, driven through the services here), a return for correction by the commission and the resubmission, the leadership group and the
 * municipal filing to "ready for the whitelist"; a temporary item through its own, shorter route.
 */
class ApprovalJourneyIT extends BrowserJourney {

    @Autowired Items items;
    @Autowired UserDetailsService users;
    @Autowired cn.campusgate.ExpertOpinions expertOpinions;

    @Test
    void anAnnualItemReachesTheWhitelistWithAReturnForCorrectionOnTheWay() {
        String title = "校园消防安全体验课" + suffix();
        Item draft = asDepartment("dept.fire", complete(title, "消防安全体验", ItemRoute.ANNUAL, LocalDate.of(2027, 3, 15)));

        signIn("dept.fire", DEMO_PASSWORD);
        open("/items/" + draft.id());
        click(testId("submit-item"));
        assertThat(formOutcome().getText()).contains("已提交");
        assertThat(waitFor("approval-status").getDomAttribute("data-status")).isEqualTo("IN_PROGRESS");
        assertThat(browser.findElement(By.cssSelector("[data-step='EXPERT_OPINION']")).getDomAttribute("data-state"))
                .isEqualTo("open");
        assertThat(browser.findElements(testId("approval-actions"))).as("the department has nothing to approve").isEmpty();
        signOut();

        // The expert committee's step passes by its signed opinion (the committee journey drives it in the browser).
        expertOpinions.approve(draft.id());

        signIn("commission", DEMO_PASSWORD);
        openFromInbox(title);
        browser.findElement(By.id("decision-text")).sendKeys("请补充活动安全保障措施，并压缩为一课时。");
        click(testId("return"));
        assertThat(formOutcome().getText()).contains("退回");
        assertThat(waitFor("approval-status").getDomAttribute("data-status")).isEqualTo("AWAITING_CORRECTION");
        signOut();

        signIn("dept.fire", DEMO_PASSWORD);
        open("/items/" + draft.id());
        assertThat(waitFor("return-reason").getText()).contains("安全保障措施");
        assertThat(browser.findElement(By.cssSelector("[data-step='PRELIMINARY_REVIEW']")).getText()).contains("计时暂停");
        click(testId("edit-item"));
        WebElement content = waitFor(By.id("content"));
        content.clear();
        content.sendKeys("消防救援人员在班队会上讲解逃生要领，配备安全员全程保障，时长一课时，内容与学校课程不重复。");
        click(testId("submit-item"));
        assertThat(formOutcome().getText()).contains("第 2 版");
        signOut();

        act("commission", title, "APPROVED", "初审同意。");
        act("district", title, "APPROVED", "同意列入年度计划。");
        act("municipal", title, "APPROVED", "予以备案。");

        signIn("dept.fire", DEMO_PASSWORD);
        open("/items/" + draft.id());
        assertThat(waitFor("approval-status").getDomAttribute("data-status")).isEqualTo("READY_FOR_WHITELIST");
        assertThat(browser.findElement(testId("item-status")).getDomAttribute("data-status")).isEqualTo("APPROVED");
        assertThat(texts(By.cssSelector("[data-testid='approval-trace'] tbody tr")))
                .anySatisfy(row -> assertThat(row).contains("退回补正").contains("安全保障措施"))
                .anySatisfy(row -> assertThat(row).contains("补正后重新提交"))
                .anySatisfy(row -> assertThat(row).contains("予以备案"));
        assertNoMissingMessages();
    }

    @Test
    void aTemporaryItemGoesThroughItsOwnRoute() {
        String title = "宪法宣传周法治课" + suffix();
        Item draft = asDepartment("dept.justice", complete(title, "宪法宣传", ItemRoute.TEMPORARY,
                LocalDate.now().plusDays(21)));
        signIn("dept.justice", DEMO_PASSWORD);
        open("/items/" + draft.id());
        click(testId("submit-item"));
        assertThat(formOutcome().getText()).contains("已提交");
        assertThat(waitFor("approval-panel").getText()).contains("临时事项");
        signOut();

        expertOpinions.approve(draft.id());
        act("commission", title, "APPROVED", "同意。");
        act("district", title, "APPROVED", "同意。");
        act("municipal", title, "APPROVED", "予以备案。");
        signIn("dept.justice", DEMO_PASSWORD);
        open("/items/" + draft.id());
        assertThat(waitFor("approval-status").getDomAttribute("data-status")).isEqualTo("READY_FOR_WHITELIST");
        signOut();
    }

    /** The person finds the item in their inbox, opens it and decides with an opinion. */
    private void act(String username, String title, String decision, String opinion) {
        signIn(username, DEMO_PASSWORD);
        openFromInbox(title);
        browser.findElement(By.id("decision-text")).sendKeys(opinion);
        click(By.cssSelector("[data-testid='decision-form'] button[value='" + decision + "']"));
        assertThat(kind(formOutcome())).isEqualTo("notice");
        assertNoMissingMessages();
        signOut();
    }

    private void openFromInbox(String title) {
        open("/approvals");
        browser.findElement(By.id("inbox-q")).sendKeys(title);
        click(testId("inbox-search"));
        wait.until(driver -> java.util.Objects.requireNonNull(driver.getCurrentUrl()).contains("q="));
        click(By.cssSelector("[data-testid='inbox'] tr[data-title='" + title + "'] a"));
        waitFor("approval-actions");
    }

    private Item asDepartment(String username, ItemContent content) {
        UserDetails principal = users.loadUserByUsername(username);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return items.draft(content);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static String suffix() {
        return "（" + Long.toString(System.nanoTime() % 100000) + "）";
    }

    private static ItemContent complete(String title, String theme, ItemRoute route, LocalDate start) {
        return new ItemContent(title, theme, null, route, AdmissionGround.LAW, "《中华人民共和国消防法》第六条",
                "消防救援人员讲解逃生要领，学生分组体验，内容与学校课程不重复。", "体验课", DeliveryMode.ON_CAMPUS,
                Set.of(SchoolStage.PRIMARY), "五年级", null, GraduatingClasses.EXCLUDED, start, start.plusDays(10),
                Frequency.ONCE, 1, 0, false, null, "学生掌握火场逃生要领", "学校结合课堂观察自评",
                IntegrationChannel.CLASS_TEAM_MEETING, false, "各小学");
    }
}
