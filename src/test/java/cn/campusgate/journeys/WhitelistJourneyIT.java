package cn.campusgate.journeys;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import cn.campusgate.ExpertOpinions;
import cn.campusgate.SignedIn;
import cn.campusgate.approval.ApprovalWorkflowIT;
import cn.campusgate.approval.Approvals;
import cn.campusgate.approval.Decision;
import cn.campusgate.item.Item;
import cn.campusgate.item.ItemRoute;
import cn.campusgate.item.Items;
import cn.campusgate.whitelist.Whitelist;
import cn.campusgate.whitelist.WhitelistKind;
import cn.campusgate.whitelist.Whitelists;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whitelist in the browser, from the commission's draft to a parent's check: the commission opens the comment
 * period, a member of the public objects, the commission answers, the leadership group approves, the commission
 * publishes; the public reads the list, downloads the version in every format (the notice PDF read back as Chinese
 * text) and checks an activity; a removal shows in the public change log. Works in 2036, which no other journey uses.
 */
class WhitelistJourneyIT extends BrowserJourney {

    private static final String TITLE = "防溺水安全教育进校园（白名单旅程）";
    private static final String SCHOOL = "合川区二郎镇中心小学";

    @Autowired SignedIn signedIn;
    @Autowired Items items;
    @Autowired Approvals approvals;
    @Autowired Whitelists whitelists;
    @Autowired ExpertOpinions expertOpinions;
    @Autowired JdbcClient jdbc;

    @Test
    void aListIsPublishedThroughItsCommentPeriodAndThePublicReadsDownloadsAndChecksIt() throws Exception {
        long id = listWithOneApprovedItem();

        // The commission opens the comment period (公示).
        signIn("commission", DEMO_PASSWORD);
        open("/whitelists/" + id);
        click(By.cssSelector("[data-testid='start-comment'] button[type='submit']"));
        assertThat(formOutcome().getText()).contains("已开始公示");
        signOut();

        // A member of the public objects, without signing in.
        open("/public/whitelist");
        click(By.cssSelector("[data-testid='whitelists-in-comment'] a[href$='/" + id + "/comment']"));
        waitFor("objection-form");
        assertThat(browser.findElement(testId("whitelist-entries")).getText()).contains(TITLE);
        browser.findElement(By.id("text")).sendKeys("活动安排在期中考试周，建议调整。");
        click(testId("objection-submit"));
        assertThat(formOutcome().getText()).contains("异议已提交");
        assertNoMissingMessages();

        // The seven days pass (the clock is the real one, so the period is moved back instead).
        jdbc.sql("UPDATE whitelist SET comment_starts_on = comment_starts_on - 8, comment_ends_on = comment_ends_on - 8"
                + " WHERE id = :id").param("id", id).update();

        open("/login");
        signIn("commission", DEMO_PASSWORD);
        open("/whitelists/" + id);
        waitFor("answer-objection").findElement(By.tagName("textarea")).sendKeys("已与开展部门商定，调整至考试周之后。");
        click(By.cssSelector("[data-testid='answer-objection'] button[type='submit']"));
        assertThat(formOutcome().getText()).contains("已答复异议");
        signOut();

        signIn("district", DEMO_PASSWORD);
        open("/whitelists/" + id);
        waitFor("approve");
        browser.findElement(By.id("approveText")).sendKeys("经领导小组研究，同意发布。");
        click(By.cssSelector("[data-testid='approve'] button[type='submit']"));
        assertThat(formOutcome().getText()).contains("已审核批准");
        signOut();

        signIn("commission", DEMO_PASSWORD);
        open("/whitelists/" + id);
        waitFor("publish");
        browser.findElement(By.id("documentNumber")).sendKeys("合委教组发〔2036〕1号");
        click(By.cssSelector("[data-testid='publish'] button[type='submit']"));
        assertThat(formOutcome().getText()).contains("已正式发布");
        signOut();

        // The public reads the list and an entry.
        open("/public/whitelist");
        click(By.cssSelector("[data-testid='public-whitelists'] a[href$='/public/whitelist/" + id + "']"));
        assertThat(waitFor("whitelist-entries").getText()).contains(TITLE, "区消防救援支队", "2036年4月6日");
        click(By.linkText(TITLE));
        assertThat(waitFor(By.tagName("main")).getText()).contains("《中华人民共和国消防法》第六条", "开展依据");
        assertNoMissingMessages();

        // ... and downloads the published version in every format.
        open("/public/whitelist/" + id + "/versions/1");
        String notice = pdfText(download(testId("download-notice"), ".pdf"));
        assertThat(notice).contains("关于公布合川区2036年度社会事务进校园白名单（第1版）的通知", "合委教组发〔2036〕1号",
                "中共重庆市合川区委教育工作领导小组");
        String csv = Files.readString(download(format("CSV"), ".csv"), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF序号,事项名称").contains(TITLE);
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(download(format("XLSX"), ".xlsx")))) {
            assertThat(workbook.getSheetAt(0).getRow(1).getCell(1).getStringCellValue()).isEqualTo(TITLE);
        }
        assertThat(Files.readString(download(format("JSON"), ".json"), StandardCharsets.UTF_8))
                .contains("\"number\":1", TITLE);

        // ... and checks whether an activity may enter a school.
        open("/public/whitelist");
        click(testId("open-check"));
        waitFor("check-form");
        browser.findElement(By.id("school")).sendKeys(SCHOOL);
        browser.findElement(By.id("department")).sendKeys("区消防救援支队");
        browser.findElement(By.id("title")).sendKeys(TITLE);
        setDate(By.id("date"), "2036-04-08");
        click(testId("check-submit"));
        assertThat(waitFor("check-verdict").getText()).contains("可以开展");
        assertThat(browser.findElement(testId("check-entry")).getText()).isEqualTo(TITLE);
        setDate(By.id("date"), "2036-09-01");
        click(testId("check-submit"));
        wait.until(driver -> driver.findElement(testId("check-verdict")).getText().contains("不得进校园"));
        assertThat(browser.findElement(testId("check-answer")).getText()).contains("不在规定的开展时间内");
        assertNoMissingMessages();

        // An amendment: the commission removes the entry; the public change log shows it with its reason.
        open("/login");
        signIn("commission", DEMO_PASSWORD);
        open("/whitelists/" + id);
        click(By.cssSelector("[data-testid='whitelist-entries'] details summary"));
        WebElement removal = waitFor("remove-entry");
        removal.findElement(By.name("reason")).sendKeys("学校反映与学科教学内容重复。");
        removal.findElement(By.name("decision")).sendKeys("区委教育工作领导小组第3次会议决定");
        removal.findElement(By.name("documentNumber")).sendKeys("合委教组发〔2036〕5号");
        click(By.cssSelector("[data-testid='remove-entry'] button[type='submit']"));
        assertThat(formOutcome().getText()).contains("事项已调整出白名单");
        signOut();

        open("/public/whitelist/" + id + "/changes");
        assertThat(waitFor(By.tagName("main")).getText()).contains("调整出白名单", TITLE, "学校反映与学科教学内容重复。",
                "区委教育工作领导小组第3次会议决定");
    }

    private long listWithOneApprovedItem() {
        Item draft = signedIn.call("dept.fire", () -> items.draft(ApprovalWorkflowIT.content(TITLE, "防溺水安全旅程",
                ItemRoute.ANNUAL, LocalDate.of(2036, 4, 6))));
        Item item = signedIn.call("dept.fire", () -> items.submit(draft.id(), draft.version()));
        expertOpinions.approve(item.id());
        for (String who : List.of("commission", "district", "municipal")) {
            long task = signedIn.call(who, () -> approvals.forItem(item.id())).orElseThrow().openTasks().findFirst()
                    .orElseThrow().id();
            signedIn.call(who, () -> approvals.decide(task, Decision.APPROVED, "同意", null));
        }
        return signedIn.call("commission", () -> whitelists.managed()).stream().map(Whitelists.Summary::list)
                .filter(l -> l.year() == 2036 && l.kind() == WhitelistKind.SOCIAL_AFFAIRS).map(Whitelist::id)
                .findFirst().orElseThrow();
    }

    private static By format(String format) {
        return By.cssSelector("[data-testid='download'][href*='format=" + format + "']");
    }

    /** Date inputs take their value in the browser's own format when typed; set it as the form sends it. */
    private void setDate(By field, String isoDate) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", browser.findElement(field),
                isoDate);
    }

    private static String pdfText(Path pdf) throws java.io.IOException {
        PdfReader reader = new PdfReader(Files.readAllBytes(pdf));
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        StringBuilder text = new StringBuilder();
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(extractor.getTextFromPage(page));
        }
        return text.toString();
    }
}
