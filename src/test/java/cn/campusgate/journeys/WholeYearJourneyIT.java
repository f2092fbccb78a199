package cn.campusgate.journeys;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import cn.campusgate.ApprovedItems;
import cn.campusgate.SignedIn;
import cn.campusgate.core.DemoClock;
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
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 一次走完一整年 (a whole year in one sitting), as a trainer shows it: the commission finds the list that a year
 * without one got from an approved item and opens its 公示, a visitor objects on the public page, the commission
 * answers, the administrator moves the demo clock past the 公示's last day (the header says so for everyone), the
 * district group approves, the commission publishes, the public reads the list and an entry, a parent's check answers
 * covered (and not after the entry's window), the four downloads open (the notice PDF read back as Chinese text) and a
 * removal shows in the public change log. No database shortcut: the days pass on the demo clock. On an application
 * of its own, since the demo clock moves every journey's date.
 */
@TestPropertySource(properties = "campusgate.test-context=whole-year-journey")
class WholeYearJourneyIT extends BrowserJourney {

    private static final String TITLE = "校园消防逃生体验课（全年旅程）";
    private static final String SCHOOL = "合川区二郎镇中心小学";

    @Autowired SignedIn signedIn;
    @Autowired Whitelists whitelists;
    @Autowired ApprovedItems approvedItems;
    @Autowired DemoClock demoClock;

    @Test
    void aListGoesFromItsCommentPeriodToThePublicCheckWithTheDemoClockMovingPastTheCommentPeriod() throws Exception {
        int year = demoClock.state().today().getYear() + 3; // a year no demo list has
        LocalDate starts = LocalDate.of(year, 4, 6);
        long id = listComposedFromOneApprovedItem(year, starts);

        // The commission opens the comment period (公示) of the list the approved item composed.
        signIn("commission", DEMO_PASSWORD);
        open("/whitelists/" + id);
        assertThat(waitFor("whitelist-entries").getText()).contains(TITLE);
        click(By.cssSelector("[data-testid='start-comment'] button[type='submit']"));
        assertThat(formOutcome().getText()).contains("已开始公示");
        signOut();

        // A visitor objects on the public page, without signing in.
        open("/public/whitelist");
        click(By.cssSelector("[data-testid='whitelists-in-comment'] a[href$='/" + id + "/comment']"));
        waitFor("objection-form");
        assertThat(browser.findElement(testId("whitelist-entries")).getText()).contains(TITLE);
        browser.findElement(By.id("text")).sendKeys("体验课安排在期中考试周，建议调整到考试之后。");
        browser.findElement(By.id("name")).sendKeys("周女士");
        browser.findElement(By.id("contact")).sendKeys("13711112222");
        click(testId("objection-submit"));
        assertThat(formOutcome().getText()).contains("异议已提交");
        assertNoMissingMessages();

        // The commission answers it.
        open("/login");
        signIn("commission", DEMO_PASSWORD);
        open("/whitelists/" + id);
        waitFor("answer-objection").findElement(By.tagName("textarea")).sendKeys("已与区消防救援支队商定，调整至期中考试之后。");
        click(By.cssSelector("[data-testid='answer-objection'] button[type='submit']"));
        assertThat(formOutcome().getText()).contains("已答复异议");
        // The objector's name and contact are sealed: the commission may open them, audited.
        assertThat(isPresent(testId("open-objector"))).isTrue();
        assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("周女士", "13711112222");
        // The answer is public on the list's comment page (区教委将逐条答复), the objector's identity is not.
        signOut();
        open("/public/whitelist/" + id + "/comment");
        String answered = waitFor("answered-objections").getText();
        assertThat(answered).contains("体验课安排在期中考试周", "已与区消防救援支队商定，调整至期中考试之后。");
        assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("周女士", "13711112222");

        // The group may not approve while the 公示 runs: the page says when it may.
        open("/login");
        signIn("district", DEMO_PASSWORD);
        open("/whitelists/" + id);
        assertThat(waitFor(By.tagName("main")).getText()).contains("公示期满且异议均已答复后");
        assertThat(isPresent(testId("approve"))).isFalse();
        signOut();

        // The administrator moves the demo clock past the 公示's last day; every header shows the demo date.
        LocalDate commentEnds = signedIn.call("commission", () -> whitelists.get(id)).commentEndsOn();
        LocalDate after = commentEnds.plusDays(1);
        signIn("admin", DEMO_PASSWORD);
        click(By.cssSelector("a[href$='/admin/demo-clock']"));
        waitFor("demo-clock-form");
        setDate(By.id("date"), after.toString());
        click(testId("demo-clock-submit"));
        assertThat(formOutcome().getText()).contains("系统日期已调至", after.getYear() + "年" + after.getMonthValue() + "月"
                + after.getDayOfMonth() + "日");
        assertThat(waitFor("demo-clock-badge").getText()).contains("演示日期");
        signOut();

        // The district leadership group approves, now that the period is over.
        signIn("district", DEMO_PASSWORD);
        assertThat(waitFor("demo-clock-badge").getText()).contains(String.valueOf(after.getDayOfMonth()));
        open("/whitelists/" + id);
        waitFor("approve");
        browser.findElement(By.id("approveText")).sendKeys("公示期满，异议已答复，经领导小组研究，同意发布。");
        click(By.cssSelector("[data-testid='approve'] button[type='submit']"));
        assertThat(formOutcome().getText()).contains("已审核批准");
        signOut();

        // The commission publishes.
        String documentNumber = "合委教组发〔" + year + "〕1号";
        signIn("commission", DEMO_PASSWORD);
        open("/whitelists/" + id);
        waitFor("publish");
        browser.findElement(By.id("documentNumber")).sendKeys(documentNumber);
        click(By.cssSelector("[data-testid='publish'] button[type='submit']"));
        assertThat(formOutcome().getText()).contains("已正式发布");
        signOut();

        // The public reads the list and an entry.
        open("/public/whitelist");
        click(By.cssSelector("[data-testid='public-whitelists'] a[href$='/public/whitelist/" + id + "']"));
        assertThat(waitFor("whitelist-entries").getText()).contains(TITLE, "区消防救援支队",
                year + "年" + starts.getMonthValue() + "月" + starts.getDayOfMonth() + "日");
        click(By.linkText(TITLE));
        assertThat(waitFor(By.tagName("main")).getText()).contains("《中华人民共和国消防法》第六条", "开展依据");
        assertNoMissingMessages();

        // A parent checks the activity at the school on a day of its window: covered; after the window: not.
        open("/public/whitelist");
        click(testId("open-check"));
        waitFor("check-form");
        browser.findElement(By.id("school")).sendKeys(SCHOOL);
        browser.findElement(By.id("department")).sendKeys("区消防救援支队");
        browser.findElement(By.id("title")).sendKeys(TITLE);
        setDate(By.id("date"), starts.plusDays(2).toString());
        click(testId("check-submit"));
        assertThat(waitFor("check-verdict").getText()).contains("可以开展");
        assertThat(browser.findElement(testId("check-entry")).getText()).isEqualTo(TITLE);
        setDate(By.id("date"), starts.plusMonths(5).toString());
        click(testId("check-submit"));
        wait.until(driver -> driver.findElement(testId("check-verdict")).getText().contains("不得进校园"));
        assertThat(browser.findElement(testId("check-answer")).getText()).contains("不在规定的开展时间内");
        assertNoMissingMessages();

        // The published version opens in all four formats.
        open("/public/whitelist/" + id + "/versions/1");
        assertThat(pdfText(download(testId("download-notice"), ".pdf"))).contains(
                "关于公布合川区" + year + "年度社会事务进校园白名单（第1版）的通知", documentNumber, "中共重庆市合川区委教育工作领导小组");
        assertThat(Files.readString(download(format("CSV"), ".csv"), StandardCharsets.UTF_8))
                .startsWith("\uFEFF序号,事项名称").contains(TITLE);
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(download(format("XLSX"), ".xlsx")))) {
            assertThat(workbook.getSheetAt(0).getRow(1).getCell(1).getStringCellValue()).isEqualTo(TITLE);
        }
        assertThat(Files.readString(download(format("JSON"), ".json"), StandardCharsets.UTF_8)).contains("\"number\":1", TITLE);

        // A removal: a new version, in the public change log with its reason and decision.
        open("/login");
        signIn("commission", DEMO_PASSWORD);
        open("/whitelists/" + id);
        click(By.cssSelector("[data-testid='whitelist-entries'] details summary"));
        WebElement removal = waitFor("remove-entry");
        removal.findElement(By.name("reason")).sendKeys("效果评估显示与学校已有课程重复。");
        removal.findElement(By.name("decision")).sendKeys("区委教育工作领导小组第5次会议决定");
        removal.findElement(By.name("documentNumber")).sendKeys("合委教组发〔" + year + "〕7号");
        click(By.cssSelector("[data-testid='remove-entry'] button[type='submit']"));
        assertThat(formOutcome().getText()).contains("事项已调整出白名单");
        signOut();
        open("/public/whitelist/" + id + "/changes");
        assertThat(waitFor(By.tagName("main")).getText()).contains("调整出白名单", TITLE, "效果评估显示与学校已有课程重复。",
                "区委教育工作领导小组第5次会议决定");
        assertThat(waitFor("demo-clock-badge").getText()).as("the public sees the demo date too").contains("演示日期");
    }

    /** An item of the fire brigade for {@code year} through the whole chain: it composes that year's draft list. */
    private long listComposedFromOneApprovedItem(int year, LocalDate starts) {
        approvedItems.throughTheChain("dept.fire", TITLE, "消防逃生全年旅程", starts);
        return signedIn.call("commission", () -> whitelists.managed()).stream().map(Whitelists.Summary::list)
                .filter(l -> l.year() == year && l.kind() == WhitelistKind.SOCIAL_AFFAIRS).map(Whitelist::id)
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
