package cn.campusgate.campaign;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import cn.campusgate.CampusGateTest;
import cn.campusgate.SignedIn;
import cn.campusgate.campaign.Campaigns.LedgerCommand;
import cn.campusgate.campaign.Campaigns.OpenCampaignCommand;
import cn.campusgate.campaign.Campaigns.ProblemView;
import cn.campusgate.core.BusinessRuleViolation;
import cn.campusgate.core.NotFound;
import cn.campusgate.screening.RuleFamily;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A campaign from deployment to its summary report on the real application and PostgreSQL: the survey imported from
 * real .xlsx files (a bad row refuses the whole file with Chinese messages, the same file again creates nothing, an
 * overlapping file only what is new), every affair screened into the problem list, the ledger tracked to closure
 * with the owner's organisation scope, and the report read back from the PDF and the Word file. Works in 2025.
 */
@CampusGateTest
class CampaignWorkflowIT {

    static final int YEAR = 2025;
    static final String[] HEAD = {"事项名称", "开展部门", "类别", "开展日期", "涉及学校", "占用课时", "是否经审批报备", "内容和方式"};
    static final String[] FRAUD = {"防范电信诈骗宣传进校园", "区公安局", "宣传教育", "2025-03-05", "合川区二郎镇中心小学", "1", "是", "民警专题讲座"};
    static final String[] CHECK_IN = {"健康知识答题打卡活动", "区卫生健康委", "数据填报", "2025-04-10", "合川区二郎镇中心小学", "0", "否",
            "要求家长下载APP每日打卡，并拍照上传到班级群"};
    static final String[] CITY = {"文明城市创建迎检", "区委宣传部", "督查检查评比考核", "2025-05-20", "", "2", "否",
            "抽调教师到街道参加文明城市创建值守"};

    @Autowired Campaigns campaigns;
    @Autowired SurveyImports imports;
    @Autowired SummaryReports reports;
    @Autowired SignedIn signedIn;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    static byte[] xlsx(String[]... rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("排查摸底表");
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    Campaign campaign() {
        return signedIn.call("commission", () -> campaigns.visible()).stream().filter(c -> c.year() == YEAR).findFirst()
                .orElseGet(() -> signedIn.call("commission", () -> campaigns.open(new OpenCampaignCommand(YEAR,
                        "规范社会事务进校园专项整治（测试）", LocalDate.of(YEAR, 1, 1)))));
    }

    SurveyImport finished(String user, long importId) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> signedIn.call(user, () -> imports.get(importId)), i -> !i.running());
    }

    @Test
    void aCampaignRunsFromTheSurveyToTheSummaryReport() throws Exception {
        Campaign campaign = campaign();
        long id = campaign.id();
        assertThat(signedIn.call("commission", () -> campaigns.milestones(id))).extracting(Milestone::kind)
                .containsExactly(MilestoneKind.values());
        assertThatThrownBy(() -> signedIn.call("commission", () -> campaigns.open(new OpenCampaignCommand(YEAR, "再来",
                LocalDate.of(YEAR, 1, 1))))).hasMessage("campaign.open.exists");
        assertThatThrownBy(() -> signedIn.call("dept.health", () -> campaigns.open(new OpenCampaignCommand(YEAR + 1, "x",
                LocalDate.of(YEAR, 1, 1))))).isInstanceOf(AccessDeniedException.class);

        // A file with a bad row: nothing imported, every problem by row and column in Chinese (and in English).
        byte[] bad = xlsx(HEAD, FRAUD, new String[]{"", "区公安局", "推销", "2025-02-30", "", "两节", "也许", ""}, CHECK_IN);
        SurveyImports.Check refused = signedIn.call("dept.police", () -> imports.start(id, "摸底.xlsx", bad, Locale.SIMPLIFIED_CHINESE));
        assertThat(refused.started()).isFalse();
        assertThat(refused.errors()).allMatch(e -> e.row() == 3);
        assertThat(refused.errors()).extracting(SurveyImports.RowError::column)
                .containsExactlyInAnyOrder("事项名称", "类别", "开展日期", "占用课时", "是否经审批报备");
        assertThat(refused.errors().stream().map(SurveyImports.RowError::message).collect(Collectors.joining()))
                .contains("此项必填", "“推销”不是可用的类别", "“2025-02-30”不是有效日期", "“两节”不是数字", "“也许”无法识别");
        SurveyImports.Check refusedEn = signedIn.call("dept.police", () -> imports.start(id, "survey.xlsx", bad, Locale.ENGLISH));
        assertThat(refusedEn.errors()).extracting(SurveyImports.RowError::message).contains("Required.");
        assertThat(signedIn.call("dept.police", () -> campaigns.affairs(id))).isEmpty();

        // The good file: written in the background, every affair screened.
        byte[] good = xlsx(HEAD, FRAUD, CHECK_IN, CITY);
        SurveyImports.Check started = signedIn.call("dept.police", () -> imports.start(id, "摸底.xlsx", good, Locale.SIMPLIFIED_CHINESE));
        assertThat(started.started()).isTrue();
        SurveyImport done = finished("dept.police", started.importId());
        assertThat(done.status()).isEqualTo(SurveyImport.Status.DONE);
        assertThat(done.created()).isEqualTo(3);
        assertThat(done.percent()).isEqualTo(100);
        assertThat(done.problems()).isGreaterThanOrEqualTo(3);

        // The same file again: nothing new; a file overlapping it: only the new affair.
        SurveyImports.Check again = signedIn.call("dept.police", () -> imports.start(id, "摸底(1).xlsx", good, Locale.SIMPLIFIED_CHINESE));
        assertThat(again.started()).isFalse();
        assertThat(again.earlier()).isNotNull();
        assertThat(again.earlier().id()).isEqualTo(started.importId());
        // On the page the repeat reads as what it did: no new affair (not the first run's 新增事项 3 项).
        var repeated = mvc.perform(multipart("/campaigns/" + id + "/survey/import")
                        .file(new MockMultipartFile("file", "摸底(2).xlsx", "application/octet-stream", good))
                        .with(signedIn.as("dept.police")).with(org.springframework.security.test.web.servlet.request
                                .SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        mvc.perform(get(repeated.getResponse().getRedirectedUrl()).with(signedIn.as("dept.police")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("本次新增事项 0 项")))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("新增事项 3 项"))));
        String[] drill = {"交通安全演练", "区公安局", "活动竞赛", "2025-06-01", "合川中学", "1", "是", "结合班会开展"};
        byte[] more = xlsx(HEAD, FRAUD, drill);
        SurveyImports.Check overlap = signedIn.call("dept.police", () -> imports.start(id, "补充.xlsx", more,
                Locale.SIMPLIFIED_CHINESE));
        SurveyImport second = finished("dept.police", overlap.importId());
        assertThat(second.created()).isEqualTo(1);
        assertThat(second.skipped()).isEqualTo(1);
        assertThat(signedIn.call("dept.police", () -> campaigns.affairs(id))).hasSize(4);
        // Another department sees none of them; the task force sees all.
        assertThat(signedIn.call("dept.fire", () -> campaigns.affairs(id))).isEmpty();
        assertThat(signedIn.call("commission", () -> campaigns.affairs(id))).hasSizeGreaterThanOrEqualTo(4);

        // Findings are the problem list, each quoting its clause.
        List<ProblemView> problems = signedIn.call("commission", () -> campaigns.problems(id));
        ProblemView checkIn = problems.stream().filter(v -> v.affair().title().equals(CHECK_IN[0]))
                .filter(v -> v.problem().family() == RuleFamily.INEFFECTIVE).findFirst().orElseThrow();
        assertThat(checkIn.problem().clause()).contains("打卡");
        assertThat(problems).anyMatch(v -> v.affair().title().equals(CHECK_IN[0]) && v.problem().ruleId().equals("R2-DIS-NO-APPROVAL"));
        assertThat(problems).anyMatch(v -> v.affair().title().equals(CITY[0]) && v.problem().family() == RuleFamily.IRRELEVANT);
        assertThat(problems).noneMatch(v -> v.affair().title().equals(FRAUD[0]));

        // The ledger: the health commission owns the check-in problem, and only it rectifies.
        long health = jdbc.sql("SELECT id FROM organization WHERE name = '区卫生健康委'").query(Long.class).single();
        assertThatThrownBy(() -> signedIn.call("commission", () -> campaigns.assign(checkIn.problem().id(),
                checkIn.problem().version(), new LedgerCommand(health, "停止打卡", LocalDate.now().minusDays(1)))))
                .hasMessage("campaign.ledger.deadlinePast");
        LedgerEntry entry = signedIn.call("commission", () -> campaigns.assign(checkIn.problem().id(),
                checkIn.problem().version(), new LedgerCommand(health, "立即停止答题打卡，删除相关群组要求", LocalDate.now().plusDays(20))));
        assertThat(entry.status()).isEqualTo(LedgerStatus.ASSIGNED);
        assertThat(signedIn.call("dept.health", () -> campaigns.ledger(id))).extracting(v -> v.entry().id()).containsExactly(entry.id());
        assertThat(signedIn.call("dept.police", () -> campaigns.ledger(id))).isEmpty();
        assertThatThrownBy(() -> signedIn.call("dept.police", () -> campaigns.start(entry.id(), entry.version(), "x")))
                .isInstanceOf(NotFound.class);
        LedgerEntry started2 = signedIn.call("dept.health", () -> campaigns.start(entry.id(), entry.version(), "已通知各校停止"));
        assertThatThrownBy(() -> signedIn.call("dept.health", () -> campaigns.submit(entry.id(), started2.version() + 1, "x", "y")))
                .hasMessage("error.stale");
        assertThatThrownBy(() -> signedIn.call("dept.health", () -> campaigns.submit(entry.id(), started2.version(), "x", " ")))
                .hasMessage("campaign.ledger.evidenceRequired");
        LedgerEntry submitted = signedIn.call("dept.health", () -> campaigns.submit(entry.id(), started2.version(), "已停止", "合卫发〔2025〕12号"));
        assertThat(submitted.status()).isEqualTo(LedgerStatus.SUBMITTED);
        LedgerEntry back = signedIn.call("commission", () -> campaigns.sendBack(entry.id(), submitted.version(), "请补充对家长的告知"));
        assertThat(back.status()).isEqualTo(LedgerStatus.IN_PROGRESS);
        LedgerEntry again2 = signedIn.call("dept.health", () -> campaigns.submit(entry.id(), back.version(), "已告知家长", "合卫发〔2025〕12号；家长告知书"));
        LedgerEntry verified = signedIn.call("commission", () -> campaigns.verify(entry.id(), again2.version(), "整改到位，予以销号"));
        assertThat(verified.status()).isEqualTo(LedgerStatus.VERIFIED);
        assertThat(signedIn.call("commission", () -> campaigns.problem(checkIn.problem().id())).problem().status())
                .isEqualTo(ProblemStatus.CLOSED);
        assertThatThrownBy(() -> signedIn.call("commission", () -> campaigns.verify(entry.id(), verified.version(), "再次")))
                .hasMessage("campaign.illegalTransition");

        // A typical case and a dismissal by the task force.
        int problemVersion = signedIn.call("commission", () -> campaigns.problem(checkIn.problem().id())).problem().version();
        Problem typical = signedIn.call("commission", () -> campaigns.chooseTypical(checkIn.problem().id(), problemVersion,
                true, "卫健部门以答题打卡考核学生健康知识，加重家长和教师负担，专班督促停止并告知家长。"));
        assertThat(typical.typical()).isTrue();
        ProblemView city = signedIn.call("commission", () -> campaigns.problems(id)).stream()
                .filter(v -> v.affair().title().equals(CITY[0]) && v.problem().status() == ProblemStatus.OPEN).findFirst().orElseThrow();
        signedIn.call("commission", () -> campaigns.dismiss(city.problem().id(), city.problem().version(), "经核实已另案处理"));

        // Milestones move only along their table.
        Milestone survey = signedIn.call("commission", () -> campaigns.milestones(id)).get(1);
        assertThatThrownBy(() -> signedIn.call("commission", () -> campaigns.moveMilestone(survey.id(), survey.version(),
                MilestoneStatus.COMPLETED, ""))).hasMessage("campaign.illegalTransition");
        Milestone running = signedIn.call("commission", () -> campaigns.moveMilestone(survey.id(), survey.version(),
                MilestoneStatus.IN_PROGRESS, ""));
        signedIn.call("commission", () -> campaigns.moveMilestone(survey.id(), running.version(), MilestoneStatus.COMPLETED,
                "问题清单和整改台账已建立"));

        // The summary report, read back from the PDF and the Word document.
        String pdf = pdfText(signedIn.call("commission", () -> reports.pdf(id)));
        assertThat(pdf).contains("工作总结", "一、基本情况", "二、主要做法", "三、典型案例", "四、存在的问题", "五、下一步工作",
                CHECK_IN[0], "图1", "整改台账", "排查摸底");
        XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(signedIn.call("commission", () -> reports.docx(id))));
        String word = docx.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
        assertThat(word).contains("工作总结", "三、典型案例", "卫健部门以答题打卡考核学生健康知识", "五、下一步工作");
        assertThat(docx.getCharts()).hasSize(2);
        assertThat(docx.getTables().getFirst().getText()).contains(CHECK_IN[0], "已销号");
        assertThatThrownBy(() -> signedIn.call("dept.health", () -> reports.pdf(id))).isInstanceOf(AccessDeniedException.class);

        // Every change is in the audit trail.
        List<String> actions = jdbc.sql("SELECT action FROM audit_entry WHERE subject = :c OR subject LIKE 'rectification:%'")
                .param("c", "campaign:" + id).query(String.class).list();
        assertThat(actions).contains("campaign.opened", "campaign.affairs-surveyed", "campaign.milestone-completed",
                "campaign.rectification-verified", "campaign.rectification-returned", "campaign.summary-report-issued");
    }

    @Test
    void aLargeImportShowsItsProgressWhileItRuns() throws Exception {
        long id = campaign().id();
        String[][] rows = new String[2001][];
        rows[0] = HEAD;
        for (int i = 1; i <= 2000; i++) {
            rows[i] = new String[]{"防灾减灾宣传第" + i + "场", "区应急管理局", "宣传教育",
                    LocalDate.of(YEAR, 1, 1).plusDays(i % 300).toString(), "合川中学", "1", "是", "结合班会开展"};
        }
        byte[] file = xlsx(rows);
        SurveyImports.Check check = signedIn.call("town.erlang", () -> imports.start(id, "全镇摸底.xlsx", file, Locale.SIMPLIFIED_CHINESE));
        assertThat(check.started()).isTrue();
        java.util.Set<Integer> seen = new java.util.TreeSet<>();
        SurveyImport done = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    SurveyImport now = signedIn.call("town.erlang", () -> imports.get(check.importId()));
                    seen.add(now.processed());
                    return now;
                }, i -> !i.running());
        assertThat(done.status()).isEqualTo(SurveyImport.Status.DONE);
        assertThat(done.created()).isEqualTo(2000);
        assertThat(done.processed()).isEqualTo(2000);
        assertThat(seen).as("progress seen while running").anyMatch(n -> n > 0 && n < 2000);
        mvc.perform(get("/campaigns/" + id + "/imports/" + check.importId() + "/progress").with(signedIn.as("town.erlang")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("已处理 2,000 / 2,000 行")));
    }

    @Test
    void thePagesShowTheWorkspaceAndRefuseABadFileInChinese() throws Exception {
        long id = campaign().id();
        for (String path : List.of("", "/survey", "/problems", "/ledger", "/report")) {
            mvc.perform(get("/campaigns/" + id + path).with(signedIn.as("commission"))).andExpect(status().isOk())
                    .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("??"))));
        }
        mvc.perform(get("/campaigns/" + id + "/report").with(signedIn.as("school.sentinel"))).andExpect(status().isForbidden());
        mvc.perform(get("/campaigns/" + id + "/survey").with(signedIn.as("school.sentinel"))).andExpect(status().isOk());
        byte[] bad = xlsx(HEAD, new String[]{"某培训机构进校推销", "某培训机构", "活动竞赛", "明天", "", "", "否", "推销课程"});
        mvc.perform(multipart("/campaigns/" + id + "/survey/import")
                        .file(new MockMultipartFile("file", "推销.xlsx", "application/octet-stream", bad))
                        .with(signedIn.as("school.sentinel")).with(org.springframework.security.test.web.servlet.request
                                .SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("一条也没有导入")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("“明天”不是有效日期")));
        byte[] template = mvc.perform(get("/campaigns/" + id + "/survey/template.xlsx").with(signedIn.as("school.sentinel")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            assertThat(workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("事项名称");
            assertThat(workbook.getSheetAt(1).getSheetName()).isEqualTo("填写说明");
        }
    }

    static String pdfText(byte[] pdf) throws IOException {
        assertThat(pdf).startsWith("%PDF".getBytes());
        PdfReader reader = new PdfReader(pdf);
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        StringBuilder text = new StringBuilder();
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(extractor.getTextFromPage(page));
        }
        return text.toString();
    }
}
