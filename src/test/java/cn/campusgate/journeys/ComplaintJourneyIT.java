package cn.campusgate.journeys;

import java.time.LocalDate;

import cn.campusgate.supervision.Complaints;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The closed loop as people meet it: a parent files anonymously on a phone-sized window and keeps the receipt
 * code, writes to the handlers with it; the supervisor takes the complaint up, verifies it, issues an exposure to
 * the department, publishes it redacted, and closes the case with a reply; back on the phone, the parent reads
 * the reply with the receipt code, and anyone finds the exposure on the public page.
 */
class ComplaintJourneyIT extends BrowserJourney {

    @Autowired Complaints complaints;

    @AfterEach
    void desktopAgain() {
        browser.manage().window().setSize(new Dimension(1400, 1000));
    }

    @Test
    void anAnonymousComplaintFiledOnAPhoneIsVerifiedHandledAndAnsweredByReceiptCode() {
        String suffix = Long.toString(System.nanoTime() % 100000);
        String words = "卫健部门要求班主任每天在家长群接龙上报晨检照片，周末也不例外（" + suffix + "）。";

        // On a phone, without an account.
        browser.manage().window().setSize(new Dimension(390, 844));
        open("/public/complaints");
        waitFor("complaint-form");
        assertThat((Long) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - window.innerWidth")).as("no sideways scrolling").isLessThanOrEqualTo(0L);
        click(By.cssSelector("label.cg-choice:has([data-testid='category-FINGERTIP_FORMALISM'])"));
        new Select(browser.findElement(By.id("schoolId"))).selectByVisibleText("合川区二郎镇中心小学");
        new Select(browser.findElement(By.id("targetId"))).selectByVisibleText("区卫生健康委");
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]",
                browser.findElement(By.id("happenedOn")), LocalDate.now().minusDays(2).toString());
        browser.findElement(By.id("description")).sendKeys(words);
        click(testId("complaint-submit"));
        String code = waitFor("receipt-code").getText().strip();
        assertThat(code).matches("([0-9A-Z]{4}-){4}[0-9A-Z]{4}");
        assertNoMissingMessages();

        click(testId("follow-now"));
        assertThat(waitFor("follow-status").getDomAttribute("data-status")).isEqualTo("RECEIVED");
        browser.findElement(By.id("text")).sendKeys("补充：今天晚上又催了一次。");
        click(testId("public-message-submit"));
        assertThat(kind(formOutcome())).isEqualTo("notice");
        assertThat(waitFor("public-messages").getText()).contains("今天晚上又催了一次");
        long caseId = complaints.follow(code).complaint().caseId();

        // The supervisor, on a desk.
        browser.manage().window().setSize(new Dimension(1400, 1000));
        open("/login");
        signIn("supervisor", DEMO_PASSWORD);
        open("/supervision/cases");
        click(By.cssSelector("tr[data-case='" + caseId + "'] a"));
        assertThat(waitFor("case-status").getDomAttribute("data-status")).isEqualTo("RECEIVED");
        assertThat(browser.findElement(testId("complaint-text")).getText()).contains(words);
        click(testId("accept"));
        assertThat(formOutcome().getText()).contains("已受理");
        assertThat(waitFor("case-status").getDomAttribute("data-status")).isEqualTo("VERIFICATION");

        click(By.id("outcome-SUBSTANTIATED"));
        browser.findElement(By.id("findings")).sendKeys("经核查，区卫生健康委要求该校班主任每日在家长群接龙上报晨检照片，属实。");
        click(testId("verify-submit"));
        assertThat(formOutcome().getText()).contains("核查结论");
        assertThat(waitFor("case-status").getDomAttribute("data-status")).isEqualTo("HANDLING");

        new Select(browser.findElement(By.id("kind"))).selectByValue("EXPOSURE");
        new Select(browser.findElement(By.id("targetId"))).selectByVisibleText("区卫生健康委");
        browser.findElement(By.id("basis")).sendKeys("行动方案三、整治重点（三）：滥用工作群组、接龙、拍照留痕");
        browser.findElement(By.id("notice")).sendKeys("拟对要求教师每日接龙上报照片的问题公开曝光，请停止并回复整改情况。");
        click(testId("sanction-submit"));
        assertThat(formOutcome().getText()).contains("措施已发出");

        click(By.cssSelector("[data-testid='sanctions'] details summary"));
        WebElement summary = waitFor(By.cssSelector("[data-testid='publish-form'] textarea"));
        summary.sendKeys("区卫生健康委要求学校班主任每日在家长群接龙上报学生晨检照片，属“指尖上的形式主义”，经核查属实，已责令停止。");
        click(testId("publish-submit"));
        assertThat(formOutcome().getText()).contains("曝光台");
        assertThat(waitFor("exposure-published").getText()).contains("公开");

        click(testId("conclude-submit"));
        assertThat(formOutcome().getText()).contains("回访");
        browser.findElement(By.id("closeText")).sendKeys("您反映的问题经核查属实，已责令区卫生健康委停止接龙上报照片的做法并公开曝光。感谢监督！");
        click(testId("close-submit"));
        assertThat(formOutcome().getText()).contains("已办结");
        assertThat(waitFor("case-status").getDomAttribute("data-status")).isEqualTo("CLOSED");
        assertNoMissingMessages();
        signOut();

        // Back on the phone: the reply, by receipt code.
        browser.manage().window().setSize(new Dimension(390, 844));
        open("/public/complaints/follow");
        waitFor(By.id("code")).sendKeys(code.toLowerCase());
        click(testId("follow-submit"));
        assertThat(waitFor("follow-status").getDomAttribute("data-status")).isEqualTo("CLOSED");
        assertThat(waitFor("public-outcome").getText()).isEqualTo("查证属实");
        assertThat(waitFor("public-messages").getText()).contains("感谢监督");
        assertThat(isPresent(testId("public-message-form"))).as("no messages after closing").isFalse();
        assertNoMissingMessages();

        open("/public/exposures");
        assertThat(waitFor("exposures").getText()).contains("区卫生健康委").contains("接龙上报学生晨检照片")
                .doesNotContain("二郎镇中心小学");
    }
}
