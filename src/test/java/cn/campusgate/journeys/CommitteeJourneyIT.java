package cn.campusgate.journeys;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import cn.campusgate.ExpertOpinions;
import cn.campusgate.committee.Panel;
import cn.campusgate.committee.Panels;
import cn.campusgate.committee.Review;
import cn.campusgate.item.AdmissionGround;
import cn.campusgate.item.DeliveryMode;
import cn.campusgate.item.Frequency;
import cn.campusgate.item.GraduatingClasses;
import cn.campusgate.item.IntegrationChannel;
import cn.campusgate.item.Item;
import cn.campusgate.item.ItemContent;
import cn.campusgate.item.ItemRoute;
import cn.campusgate.item.Items;
import cn.campusgate.organization.Accounts;
import cn.campusgate.organization.SchoolStage;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Expert pre-review in the browser, from the panel proposal to the signed opinion: the department asks for a
 * member to recuse, the secretary draws and confirms a panel of three, each member confirms no conflict, reads
 * the item and submits a review, the secretary generates, edits and signs the opinion, and the item's chain
 * moves on to the commission's preliminary review, which reads the opinion on the item page.
 */
class CommitteeJourneyIT extends BrowserJourney {

    @Autowired Items items;
    @Autowired Panels panels;
    @Autowired Accounts accounts;
    @Autowired ExpertOpinions as;

    @Test
    void fromThePanelProposalToTheSignedOpinion() {
        String title = "校园消防安全体验课（论证）" + suffix();
        Item item = as.as("dept.fire", () -> {
            Item draft = items.draft(content(title));
            return items.submit(draft.id(), draft.version());
        });

        // The department asks that one member recuse, with a reason.
        signIn("dept.fire", DEMO_PASSWORD);
        open("/items/" + item.id());
        WebElement exclusions = waitFor("exclusion-form");
        new Select(exclusions.findElement(By.id("exclude-member"))).selectByVisibleText(
                texts(By.cssSelector("#exclude-member option")).stream().filter(t -> t.startsWith("冯委员")).findFirst()
                        .orElseThrow());
        exclusions.findElement(By.id("exclude-reason")).sendKeys("该委员所在律师事务所为本部门法律顾问");
        click(By.cssSelector("[data-testid='exclusion-form'] button"));
        assertThat(kind(formOutcome())).isEqualTo("notice");
        assertThat(waitFor("exclusions").getText()).contains("冯委员", "法律顾问");
        signOut();

        // The secretary draws a panel of three and confirms it.
        signIn("secretary", DEMO_PASSWORD);
        open("/committee");
        click(By.cssSelector("[data-testid='docket-forming'] tr[data-title='" + title + "'] a"));
        new Select(waitFor(By.id("size"))).selectByValue("3");
        click(testId("propose-submit"));
        assertThat(kind(formOutcome())).isEqualTo("notice");
        List<WebElement> proposed = browser.findElements(By.cssSelector("[data-testid='proposed-members'] tbody tr"));
        assertThat(proposed).hasSize(3);
        assertThat(waitFor("proposal").getText()).doesNotContain("冯委员");
        assertThat(browser.findElement(By.cssSelector("[data-testid='candidates']")).getText())
                .contains("申请部门申请回避：该委员所在律师事务所为本部门法律顾问");
        click(testId("convene"));
        assertThat(kind(formOutcome())).isEqualTo("notice");
        assertThat(waitFor("panel-status").getDomAttribute("data-status")).isEqualTo("CONVENED");
        assertNoMissingMessages();
        signOut();

        // Each member declares, reads the item and reviews it.
        Panel panel = as.as("secretary", () -> panels.page(item.id()).panel());
        int n = 0;
        for (Review seat : panel.currentReviews()) {
            String member = accounts.find(seat.accountId()).orElseThrow().username();
            signIn(member, DEMO_PASSWORD);
            open("/committee/reviews");
            click(By.cssSelector("[data-testid='my-reviews'] tr[data-review='" + seat.id() + "'] a"));
            waitFor("declaration");
            assertThat(isPresent(testId("read-item"))).as("no reading before the declaration").isFalse();
            click(testId("confirm-no-conflict"));
            assertThat(kind(formOutcome())).isEqualTo("notice");
            click(testId("read-item"));
            assertThat(waitFor(By.cssSelector(".cg-page-title")).getText()).isEqualTo(title);
            browser.navigate().back();
            review(n++);
            assertThat(kind(formOutcome())).isEqualTo("notice");
            assertThat(waitFor("review-status").getDomAttribute("data-status")).isEqualTo("SUBMITTED");
            assertThat(waitFor("peers").getText()).contains("活动主题");
            assertNoMissingMessages();
            signOut();
        }

        // The secretary generates the draft, edits it and signs it.
        signIn("secretary", DEMO_PASSWORD);
        open("/committee/items/" + item.id());
        assertThat(waitFor("quorum").getDomAttribute("data-valid")).isEqualTo("3");
        click(testId("draft-opinion"));
        assertThat(kind(formOutcome())).isEqualTo("notice");
        WebElement text = waitFor(By.id("opinion-text"));
        assertThat(text.getDomProperty("value")).contains("活动主题", "必要性", "委员提出的修改意见", "论证结论");
        text.sendKeys("\n请部门在实施方案中明确安全保障措施。");
        click(testId("save-opinion"));
        assertThat(kind(formOutcome())).isEqualTo("notice");
        click(testId("sign"));
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        assertThat(formOutcome().getText()).contains("已签发");
        assertThat(waitFor("signed-opinions").getText()).contains("请部门在实施方案中明确安全保障措施");
        open("/items/" + item.id());
        assertThat(browser.findElement(By.cssSelector("[data-step='EXPERT_OPINION']")).getDomAttribute("data-state"))
                .isEqualTo("done");
        assertThat(browser.findElement(By.cssSelector("[data-step='PRELIMINARY_REVIEW']")).getDomAttribute("data-state"))
                .isEqualTo("open");
        signOut();

        // The commission reads the composition and the signed opinion on the item, never the members' names.
        signIn("commission", DEMO_PASSWORD);
        open("/items/" + item.id());
        assertThat(waitFor("panel-composition").getText()).contains("教育领域专家", "校长教师代表");
        assertThat(waitFor("signed-opinion").getText()).contains("论证意见（第 1 轮）", "明确安全保障措施");
        assertThat(waitFor("committee-section").getText()).doesNotContain("吴教授", "郑研究员", "孙校长", "钱老师", "赵代表");
        assertThat(browser.findElement(testId("opinion-pdf")).getDomAttribute("href")).endsWith(".pdf");
        assertNoMissingMessages();
    }

    /** Fills the review form (scores 5, 4, 3 by member, one asking for changes) and submits it. */
    private void review(int member) {
        waitFor("review-form");
        for (int aspect = 0; aspect < 6; aspect++) {
            new Select(browser.findElement(By.id("score-" + aspect))).selectByValue(String.valueOf(5 - member % 3));
            browser.findElement(By.id("comment-" + aspect)).sendKeys("结合学校实际评分");
        }
        for (int judgement = 0; judgement < 3; judgement++) {
            click(By.id("holds-yes-" + judgement));
        }
        if (member == 1) {
            click(By.id("rec-APPROVE_WITH_CHANGES"));
            browser.findElement(By.id("requiredChanges")).sendKeys("压缩为一课时");
        } else {
            click(By.id("rec-APPROVE"));
        }
        click(testId("submit-review"));
        wait.until(ExpectedConditions.alertIsPresent()).accept();
    }

    private static String suffix() {
        return Long.toString(System.nanoTime() % 100000);
    }

    private static ItemContent content(String title) {
        LocalDate start = LocalDate.of(2027, 3, 22);
        return new ItemContent(title, "消防安全体验", null, ItemRoute.ANNUAL, AdmissionGround.LAW, "《中华人民共和国消防法》第六条",
                "消防救援人员讲解逃生要领，学生分组体验，内容与学校课程不重复。", "体验课", DeliveryMode.ON_CAMPUS,
                Set.of(SchoolStage.PRIMARY), "五年级", null, GraduatingClasses.EXCLUDED, start, start.plusDays(10),
                Frequency.ONCE, 1, 0, false, null, "学生掌握火场逃生要领", "学校结合课堂观察自评",
                IntegrationChannel.CLASS_TEAM_MEETING, false, "各小学");
    }
}
