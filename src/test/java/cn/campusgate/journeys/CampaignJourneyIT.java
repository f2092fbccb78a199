package cn.campusgate.journeys;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.stream.Collectors;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A special campaign run end to end in Chromium: the commission deploys it; the health commission downloads the
 * survey template, uploads a file with a bad row (refused, nothing imported, the problem named by row and column in
 * Chinese) and then the corrected file, whose import progress runs to the problem list; the commission puts a problem
 * in the rectification ledger and chooses it as a typical case; the health commission rectifies with evidence; the
 * commission verifies and closes it, downloads the summary report as PDF and Word and reads both back in Chinese; the
 * dashboard draws its charts. Works in the current year's campaign, which no other journey opens.
 */
class CampaignJourneyIT extends BrowserJourney {

    static final String[] HEAD = {"事项名称", "开展部门", "类别", "开展日期", "涉及学校", "占用课时", "是否经审批报备", "内容和方式"};
    static final String CHECK_IN = "近视防控知识答题打卡（旅程）";

    static Path xlsx(String name, String[]... rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("排查摸底表");
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            workbook.write(out);
            Path file = Files.createTempDirectory("campaign-journey").resolve(name);
            Files.write(file, out.toByteArray());
            return file;
        }
    }

    void openAllDetails() {
        ((JavascriptExecutor) browser).executeScript("document.querySelectorAll('details').forEach(d => d.open = true)");
    }

    @Test
    void aCampaignRunsFromTheExcelSurveyToTheSummaryReportAndTheDashboard() throws Exception {
        int year = LocalDate.now().getYear();
        String since = (year - 1) + "-01-01";
        String day = (year - 1) + "-04-10";

        // The commission (task force office) deploys the campaign with the plan's milestones.
        signIn("commission", DEMO_PASSWORD);
        open("/campaigns");
        click(By.cssSelector("[data-testid='open-campaign'] button[type='submit']"));
        assertThat(formOutcome().getText()).contains("专项整治已部署");
        String workspace = path();
        String base = workspace.replaceAll("\\?.*$", "");
        assertThat(texts(By.cssSelector("[data-testid='milestones'] li"))).hasSize(5);
        click(By.cssSelector("[data-testid='milestones'] li[data-kind='BASELINE_SURVEY'] [data-testid='milestone-start'] button"));
        assertThat(formOutcome().getText()).contains("工作节点已更新");
        assertThat(browser.findElement(By.cssSelector("li[data-kind='BASELINE_SURVEY'] [data-testid='milestone-status']")).getText())
                .isEqualTo("进行中");
        assertNoMissingMessages();
        signOut();

        // The health commission downloads the template, then uploads a file with a bad row: nothing is imported.
        signIn("dept.health", DEMO_PASSWORD);
        open(base + "/survey");
        try (XSSFWorkbook template = new XSSFWorkbook(Files.newInputStream(download(testId("download-template"), ".xlsx")))) {
            assertThat(template.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("事项名称");
        }
        String[] good = {CHECK_IN, "区卫生健康委", "数据填报", day, "合川区二郎镇中心小学", "0", "否", "要求家长下载APP每日打卡并截图上传班级群"};
        String[] talk = {"健康知识讲座（旅程）", "区卫生健康委", "宣传教育", day, "合川中学", "1", "是", "结合班会开展"};
        String[] bad = {"", "区卫生健康委", "活动竞赛", "下周三", "", "", "是", ""};
        waitFor(By.id("file")).sendKeys(xlsx("摸底表-有误.xlsx", HEAD, good, bad).toString());
        click(testId("import-submit"));
        WebElement errors = waitFor("import-errors");
        assertThat(errors.getText()).contains("一条也没有导入", "此项必填", "“下周三”不是有效日期");
        assertThat(browser.findElements(By.cssSelector("[data-testid='import-errors'] tr[data-row='3']"))).hasSize(2);
        assertThat(browser.findElement(testId("affairs")).getText()).contains("暂无排查事项");

        // The corrected file: imported in the background, its progress shown until done.
        waitFor(By.id("file")).sendKeys(xlsx("摸底表.xlsx", HEAD, good, talk).toString());
        click(testId("import-submit"));
        waitFor("import-progress");
        assertThat(new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(30))
                .until(d -> d.findElement(testId("import-success"))).getText()).contains("新增事项 2 项");
        click(testId("to-problems"));
        assertThat(waitFor("problems").getText()).contains("打卡");
        assertNoMissingMessages();
        signOut();

        // The commission puts the check-in problem in the ledger, owned by the health commission, as a typical case.
        signIn("commission", DEMO_PASSWORD);
        open(base + "/problems?family=INEFFECTIVE");
        openAllDetails();
        WebElement assign = browser.findElement(By.cssSelector("[data-testid='assign']"));
        assertThat(assign.findElement(By.tagName("select")).getDomProperty("value")).isNotBlank();
        assign.findElement(By.name("measure")).sendKeys("立即停止答题打卡和截图上报，改为结合体育与健康课开展。");
        click(By.cssSelector("[data-testid='assign'] button[type='submit']"));
        assertThat(formOutcome().getText()).contains("已建立整改台账");
        openAllDetails();
        WebElement typical = browser.findElement(By.cssSelector("[data-testid='typical']"));
        typical.findElement(By.name("text")).sendKeys("以答题打卡考核近视防控知识，加重家长和教师负担，专班督促停止。");
        click(By.cssSelector("[data-testid='typical'] button[type='submit']"));
        assertThat(formOutcome().getText()).contains("典型案例已更新");
        signOut();

        // The health commission rectifies and reports with evidence.
        signIn("dept.health", DEMO_PASSWORD);
        open(base + "/ledger");
        waitFor("ledger-start").findElement(By.name("progress")).sendKeys("已通知各校停止打卡。");
        click(By.cssSelector("[data-testid='ledger-start'] button[type='submit']"));
        assertThat(formOutcome().getText()).contains("已开始整改");
        openAllDetails();
        WebElement submit = browser.findElement(testId("ledger-submit"));
        submit.findElement(By.name("progress")).sendKeys("打卡已全部停止，相关群组要求已撤回。");
        submit.findElement(By.name("evidence")).sendKeys("合卫发〔" + year + "〕8号 停止通知");
        click(By.cssSelector("[data-testid='ledger-submit'] button[type='submit']"));
        assertThat(formOutcome().getText()).contains("整改结果已报送");
        signOut();

        // The commission verifies and closes it, and downloads the summary report in both formats.
        signIn("commission", DEMO_PASSWORD);
        open(base + "/ledger");
        waitFor("ledger-verify").findElement(By.name("opinion")).sendKeys("整改到位，予以销号。");
        click(By.cssSelector("[data-testid='ledger-verify'] button[type='submit']:not([data-testid])"));
        assertThat(formOutcome().getText()).contains("已核验销号");
        assertThat(browser.findElement(testId("ledger")).getText()).contains("已销号");
        open(base + "/report");
        assertThat(waitFor("typical-cases").getText()).contains(CHECK_IN);
        Path pdf = download(testId("download-report-pdf"), ".pdf");
        PdfReader reader = new PdfReader(Files.readAllBytes(pdf));
        StringBuilder text = new StringBuilder();
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(new PdfTextExtractor(reader).getTextFromPage(page));
        }
        assertThat(text.toString()).contains("工作总结", "一、基本情况", "三、典型案例", CHECK_IN, "图1", "整改台账");
        try (XWPFDocument docx = new XWPFDocument(Files.newInputStream(download(testId("download-report-docx"), ".docx")))) {
            assertThat(docx.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n")))
                    .contains("工作总结", "三、典型案例", "以答题打卡考核近视防控知识");
            assertThat(docx.getCharts()).isNotEmpty();
        }
        assertNoMissingMessages();

        // The district dashboard draws its charts, with last year's surveyed affairs in them.
        open("/insight?year=" + (year - 1));
        assertThat(waitFor("chart-trend").findElements(By.tagName("svg"))).hasSize(1);
        assertThat(browser.findElement(testId("chart-departments")).findElements(By.cssSelector("svg rect"))).isNotEmpty();
        assertThat(browser.findElement(testId("departments")).getText()).contains("区卫生健康委");
        assertNoMissingMessages();
        assertThat(since).isNotEmpty();
    }
}
