package cn.campusgate.whitelist;

import java.time.LocalDate;

import cn.campusgate.ApprovedItems;
import cn.campusgate.CampusGateTest;
import cn.campusgate.SignedIn;
import cn.campusgate.item.Item;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The whitelist pages: the commission takes a list through its comment period on the staff pages, the public
 * objects without signing in and then reads the published list, its entries, change log and versions.
 * Works in 2034 so that no other test's lists or quota counts move.
 */
@CampusGateTest
class WhitelistPagesIT {

    private static final String TITLE = "交通安全进校园（白名单页面测试）";

    @Autowired MockMvc mvc;
    @Autowired SignedIn signedIn;
    @Autowired Whitelists whitelists;
    @Autowired ApprovedItems approvedItems;
    @Autowired JdbcClient jdbc;

    Whitelist list() {
        return signedIn.call("commission", () -> whitelists.managed()).stream().map(Whitelists.Summary::list)
                .filter(l -> l.year() == 2034 && l.kind() == WhitelistKind.SOCIAL_AFFAIRS).findFirst().orElseThrow();
    }

    long objections(long id) {
        return jdbc.sql("SELECT count(*) FROM whitelist_objection WHERE whitelist_id = :id").param("id", id)
                .query(Long.class).single();
    }

    @Test
    void aListGoesThroughTheStaffPagesAndThePublicReadsAndObjectsWithoutSigningIn() throws Exception {
        Item item = approvedItems.throughTheChain("dept.fire", TITLE, "交通安全页面测试", LocalDate.of(2034, 5, 6));
        Whitelist draft = list();
        long id = draft.id();

        // Staff pages per role.
        mvc.perform(get("/whitelists").with(signedIn.as("commission"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("白名单管理")))
                .andExpect(content().string(containsString("/whitelists/" + id)));
        mvc.perform(get("/whitelists/{id}", id).with(signedIn.as("commission"))).andExpect(status().isOk())
                .andExpect(content().string(containsString(TITLE)))
                .andExpect(content().string(containsString("data-testid=\"start-comment\"")))
                .andExpect(content().string(containsString("data-testid=\"quota-usage\"")));
        mvc.perform(get("/whitelists/{id}", id).with(signedIn.as("supervisor"))).andExpect(status().isOk())
                .andExpect(content().string(containsString(TITLE)))
                .andExpect(content().string(not(containsString("data-testid=\"start-comment\""))));
        mvc.perform(get("/whitelists").with(signedIn.as("dept.fire"))).andExpect(status().isForbidden());
        mvc.perform(get("/whitelists/{id}", id).with(signedIn.as("dept.fire"))).andExpect(status().isForbidden());
        mvc.perform(post("/whitelists/{id}/comment", id).with(signedIn.as("supervisor")).with(csrf())
                .param("version", String.valueOf(draft.version())).param("days", "7")).andExpect(status().isForbidden());

        // The state does not allow it: a draft cannot be approved; nothing changes.
        mvc.perform(post("/whitelists/{id}/approve", id).with(signedIn.as("district")).with(csrf())
                        .param("version", String.valueOf(draft.version())).param("reason", "同意"))
                .andExpect(redirectedUrl("/whitelists/" + id))
                .andExpect(flash().attribute("problem", "白名单当前为“草稿”，不能转为“已审核批准”。"));
        assertThat(list().status()).isEqualTo(WhitelistStatus.DRAFT);
        // Bad input: too short a comment period.
        mvc.perform(post("/whitelists/{id}/comment", id).with(signedIn.as("commission")).with(csrf())
                        .param("version", String.valueOf(draft.version())).param("days", "3"))
                .andExpect(flash().attribute("problem", "公示期应为 7 至 30 天。"));
        assertThat(list().status()).isEqualTo(WhitelistStatus.DRAFT);
        assertThat(list().version()).isEqualTo(draft.version());

        mvc.perform(post("/whitelists/{id}/comment", id).with(signedIn.as("commission")).with(csrf())
                        .param("version", String.valueOf(draft.version())).param("days", "7"))
                .andExpect(redirectedUrl("/whitelists/" + id))
                .andExpect(flash().attribute("notice", "已开始公示。"));
        Whitelist commenting = list();
        assertThat(commenting.status()).isEqualTo(WhitelistStatus.COMMENT_PERIOD);

        // An activity not on any list in force: the answer says so and leads to the complaint form.
        mvc.perform(get("/public/whitelist/check").param("school", "合川区二郎镇中心小学").param("department", "区消防救援支队")
                        .param("title", "未列入的活动").param("date", "2027-05-24"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"complain-link\"")));
        // The activity of the list under comment: not yet allowed, and the answer says that it is under 公示.
        // Part of the school's name finds it, and the form keeps what was asked.
        mvc.perform(get("/public/whitelist/check").param("school", "二郎镇中心小学").param("department", "区消防救援支队")
                        .param("title", TITLE).param("date", "2034-05-08"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("不得进校园")))
                .andExpect(content().string(containsString("data-testid=\"check-upcoming\"")))
                .andExpect(content().string(containsString("该白名单正在公示")))
                .andExpect(content().string(containsString("合川区二郎镇中心小学")))
                .andExpect(content().string(containsString("value=\"二郎镇中心小学\"")))
                .andExpect(content().string(containsString("value=\"" + TITLE + "\"")))
                .andExpect(content().string(containsString("value=\"2034-05-08\"")));
        mvc.perform(check("二郎镇中心小学", "区消防救援支队", TITLE, "2034-05-08"))
                .andExpect(jsonPath("$.covered").value(false)).andExpect(jsonPath("$.school").value("合川区二郎镇中心小学"))
                .andExpect(jsonPath("$.upcoming.listStatus").value("COMMENT_PERIOD"))
                .andExpect(jsonPath("$.upcoming.entry.title").value(TITLE));
        // A part that fits several schools: the visitor chooses, nothing is guessed.
        mvc.perform(get("/public/whitelist/check").param("school", "二郎镇").param("department", "区消防救援支队")
                        .param("title", TITLE).param("date", "2034-05-08"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("有 3 所学校的名称含“二郎镇”，请选择其中一所")))
                .andExpect(content().string(containsString("data-testid=\"check-choice\"")))
                .andExpect(content().string(containsString("合川区二郎镇中学")))
                .andExpect(content().string(not(containsString("data-testid=\"check-answer\""))));
        mvc.perform(check("二郎镇", "区消防救援支队", TITLE, "2034-05-08"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("school"))
                .andExpect(jsonPath("$.candidates.length()").value(3));

        // The public objects during the comment period, without signing in.
        mvc.perform(get("/public/whitelist")).andExpect(status().isOk())
                .andExpect(content().string(containsString("白名单公开查询")))
                .andExpect(content().string(containsString("href=\"/public/complaints\"")))
                .andExpect(content().string(containsString("正在公示的白名单")))
                .andExpect(content().string(containsString("/public/whitelist/" + id + "/comment")));
        mvc.perform(get("/public/whitelist/{id}/comment", id)).andExpect(status().isOk())
                .andExpect(content().string(containsString(TITLE)))
                .andExpect(content().string(containsString("提交异议")));
        mvc.perform(post("/public/whitelist/{id}/objections", id).with(csrf()).param("text", "  "))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请填写理由或意见。")));
        mvc.perform(post("/public/whitelist/{id}/objections", id).with(csrf()).param("text", "长".repeat(2001)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("内容不能超过 2000 字。")));
        assertThat(objections(id)).isZero();
        mvc.perform(post("/public/whitelist/{id}/objections", id).with(csrf()).param("text", "活动安排在期末考试周。")
                        .param("name", "").param("contact", ""))
                .andExpect(redirectedUrl("/public/whitelist/" + id + "/comment"))
                .andExpect(flash().attribute("notice", "异议已提交，区教委将予以答复。"));
        assertThat(objections(id)).isEqualTo(1);
        // The commission sees the objection; the leadership group is not offered approval while the period runs.
        mvc.perform(get("/whitelists/{id}", id).with(signedIn.as("commission")))
                .andExpect(content().string(containsString("活动安排在期末考试周。")))
                .andExpect(content().string(containsString("data-testid=\"answer-objection\"")));
        mvc.perform(get("/whitelists/{id}", id).with(signedIn.as("district")))
                .andExpect(content().string(not(containsString("data-testid=\"approve\""))));

        // The period is over (the clock is the real one, so the period is moved back instead).
        jdbc.sql("UPDATE whitelist SET comment_starts_on = comment_starts_on - 7, comment_ends_on = comment_ends_on - 7"
                + " WHERE id = :id").param("id", id).update();
        mvc.perform(post("/public/whitelist/{id}/objections", id).with(csrf()).param("text", "太晚了"))
                .andExpect(redirectedUrl("/public/whitelist"))
                .andExpect(flash().attribute("problem", "该白名单当前不在公示期，不能提交异议。"));
        assertThat(objections(id)).isEqualTo(1);
        mvc.perform(get("/public/whitelist/{id}/comment", id)).andExpect(status().isNotFound());

        long objection = signedIn.call("commission", () -> whitelists.objections(id)).getFirst().id();
        mvc.perform(post("/whitelists/{id}/objections/{o}", id, objection).with(signedIn.as("commission")).with(csrf())
                        .param("answer", "已调整至考试周之后。"))
                .andExpect(flash().attribute("notice", "已答复异议。"));
        mvc.perform(get("/whitelists/{id}", id).with(signedIn.as("district")))
                .andExpect(content().string(containsString("data-testid=\"approve\"")));
        mvc.perform(post("/whitelists/{id}/approve", id).with(signedIn.as("district")).with(csrf())
                        .param("version", String.valueOf(commenting.version())).param("reason", "同意发布。"))
                .andExpect(flash().attribute("notice", "已审核批准。"));
        Whitelist approved = list();
        mvc.perform(post("/whitelists/{id}/publish", id).with(signedIn.as("commission")).with(csrf())
                        .param("version", String.valueOf(approved.version())).param("documentNumber", "合教发〔2034〕2号")
                        .param("effectiveFrom", "2034-13-01").param("effectiveTo", "2034-12-31"))
                .andExpect(flash().attribute("problem", "格式不正确。"));
        assertThat(list().status()).isEqualTo(WhitelistStatus.APPROVED);
        mvc.perform(post("/whitelists/{id}/publish", id).with(signedIn.as("commission")).with(csrf())
                        .param("version", String.valueOf(approved.version())).param("documentNumber", "合教发〔2034〕2号")
                        .param("effectiveFrom", "2034-01-01").param("effectiveTo", "2034-12-31"))
                .andExpect(flash().attribute("notice", "已正式发布。"));
        assertThat(list().status()).isEqualTo(WhitelistStatus.PUBLISHED);

        // Anyone checks an activity, naming the school and department by full name or by code.
        String schoolCode = jdbc.sql("SELECT code FROM organization WHERE name = '合川区二郎镇中心小学'")
                .query(String.class).single();
        String etag = mvc.perform(check("合川区二郎镇中心小学", "区消防救援支队", TITLE, "2034-05-08"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.covered").value(true)).andExpect(jsonPath("$.reason").value("COVERED"))
                .andExpect(jsonPath("$.entry.title").value(TITLE))
                .andExpect(jsonPath("$.upcoming").doesNotExist())
                .andExpect(header().string("Cache-Control", containsString("max-age=60")))
                .andReturn().getResponse().getHeader("ETag");
        assertThat(etag).isNotBlank();
        mvc.perform(check(schoolCode, "区消防救援支队", TITLE, "2034-05-08").header("If-None-Match", etag))
                .andExpect(status().isNotModified());
        mvc.perform(check(schoolCode, "区消防救援支队", TITLE, "2034-09-01"))
                .andExpect(jsonPath("$.covered").value(false)).andExpect(jsonPath("$.reason").value("OUTSIDE_TIME_WINDOW"))
                .andExpect(jsonPath("$.message").value("该活动已列入白名单，但所查日期不在规定的开展时间内。"));
        mvc.perform(check(schoolCode, "区公安局", TITLE, "2034-05-08"))
                .andExpect(jsonPath("$.reason").value("NOT_LISTED")).andExpect(jsonPath("$.entry").doesNotExist());
        mvc.perform(check("不存在的学校", "区消防救援支队", TITLE, "2034-05-08"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("未找到学校“不存在的学校”，请填写学校代码、全称或名称中的一段（如“二郎镇中心小学”）。"));
        mvc.perform(check(schoolCode, "区消防救援支队", TITLE, "2034-5-8")).andExpect(status().isBadRequest());

        // The public reads the published list; reading starts no session; browsers revalidate by the ETag.
        var read = mvc.perform(get("/public/whitelist/{id}", id)).andExpect(status().isOk()).andReturn();
        assertThat(read.getRequest().getSession(false)).isNull();
        assertThat(read.getResponse().getHeader("Cache-Control")).isEqualTo("public, no-cache");
        assertThat(mvc.perform(get("/public/whitelist/{id}", id)).andReturn().getResponse().getContentAsString())
                .isEqualTo(read.getResponse().getContentAsString());
        mvc.perform(get("/public/whitelist")).andExpect(status().isOk())
                .andExpect(content().string(containsString("现行白名单")))
                .andExpect(content().string(containsString("合教发〔2034〕2号")));
        mvc.perform(get("/public/whitelist/{id}", id)).andExpect(status().isOk())
                .andExpect(content().string(containsString("2034年度 社会事务进校园白名单")))
                .andExpect(content().string(containsString(TITLE)))
                .andExpect(content().string(containsString("2034年5月6日")))
                .andExpect(content().string(containsString("区消防救援支队")));
        mvc.perform(get("/public/whitelist/{id}", id).param("q", "交通安全").param("month", "5")
                        .param("stage", "PRIMARY").param("department", "区消防救援支队"))
                .andExpect(content().string(containsString(TITLE)));
        mvc.perform(get("/public/whitelist/{id}", id).param("month", "9"))
                .andExpect(content().string(not(containsString(TITLE))))
                .andExpect(content().string(containsString("没有符合条件的事项。")));
        mvc.perform(get("/public/whitelist/{id}", id).param("stage", "SENIOR_SECONDARY"))
                .andExpect(content().string(not(containsString(TITLE))));
        long entryId = whitelists.entries(whitelists.publicList(id), false).stream()
                .filter(e -> e.itemId() == item.id()).findFirst().orElseThrow().id();
        mvc.perform(get("/public/whitelist/{id}/entries/{e}", id, entryId)).andExpect(status().isOk())
                .andExpect(content().string(containsString("《中华人民共和国消防法》第六条")))
                .andExpect(content().string(containsString("开展依据")));
        mvc.perform(get("/public/whitelist/{id}/changes", id)).andExpect(status().isOk())
                .andExpect(content().string(containsString("正式发布第1版")))
                .andExpect(content().string(containsString("已调整至考试周之后。")))
                .andExpect(content().string(containsString("年度计划事项审批通过")))
                // the comment period's end as officials write a date, not 2034-…-… in a Chinese sentence
                .andExpect(content().string(org.hamcrest.Matchers.matchesPattern(
                        "(?s).*公示期 7 天，至 20\\d\\d年\\d{1,2}月\\d{1,2}日.*")));
        // The system's sentences read in English for an English reader; what people typed stays as typed.
        mvc.perform(get("/public/whitelist/{id}/changes", id).param("lang", "en")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Published as version 1")))
                .andExpect(content().string(containsString("Annual-plan item approved")))
                .andExpect(content().string(containsString("Public comment for 7 days, until")))
                .andExpect(content().string(not(containsString("年度计划事项审批通过"))))
                .andExpect(content().string(not(containsString("正式发布第1版"))));
        mvc.perform(get("/public/whitelist/{id}/versions", id)).andExpect(status().isOk())
                .andExpect(content().string(containsString("第 1 版")));
        mvc.perform(get("/public/whitelist/{id}/versions/1", id)).andExpect(status().isOk())
                .andExpect(content().string(containsString(TITLE)));
        // Downloads of the version, without sign-in: CSV for spreadsheets (with a BOM), XLSX, JSON.
        byte[] csv = mvc.perform(get("/public/whitelist/{id}/versions/1/download", id).param("format", "CSV"))
                .andExpect(status().isOk())
                .andExpect(header()
                        .string("Content-Disposition", containsString("-v1.csv")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(csv, java.nio.charset.StandardCharsets.UTF_8)).startsWith("\uFEFF序号,事项名称")
                .contains(TITLE);
        byte[] xlsx = mvc.perform(get("/public/whitelist/{id}/versions/1/download", id).param("format", "XLSX"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            assertThat(workbook.getSheetAt(0).getRow(0).getCell(1).getStringCellValue()).isEqualTo("事项名称");
            assertThat(workbook.getSheetAt(0).getRow(1).getCell(1).getStringCellValue()).isEqualTo(TITLE);
        }
        mvc.perform(get("/public/whitelist/{id}/versions/1/download", id).param("format", "JSON"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.number").value(1))
                .andExpect(jsonPath("$.entries[0].title")
                        .value(TITLE));
        // The official notice as a PDF whose text is Chinese (extracted back from the file, not just its bytes).
        byte[] notice = mvc.perform(get("/public/whitelist/{id}/versions/1/download", id).param("format", "PDF"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(pdfText(notice)).contains("关于公布合川区2034年度社会事务进校园白名单（第1版）的通知",
                "合教发〔2034〕2号", "中共重庆市合川区委教育工作领导小组", "各中小学校", "2034年1月1日", "区消防救援支队",
                "一事一审");
        mvc.perform(get("/public/whitelist/{id}/versions/1/download", id).param("format", "DOC"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/public/whitelist/{id}/versions/9/download", id).param("format", "CSV"))
                .andExpect(status().isNotFound());

        // R-5 on the staff page: removal needs its reason; then the entry stays visible as removed.
        Whitelist published = list();
        mvc.perform(post("/whitelists/{id}/entries/{e}/remove", id, entryId).with(signedIn.as("commission")).with(csrf())
                        .param("version", String.valueOf(published.version())).param("reason", "")
                        .param("decision", "区委教育工作领导小组决定"))
                .andExpect(flash().attribute("problem", "请填写理由或意见。"));
        assertThat(list().publishedVersion()).isEqualTo(1);
        mvc.perform(post("/whitelists/{id}/entries/{e}/remove", id, entryId).with(signedIn.as("commission")).with(csrf())
                        .param("version", String.valueOf(published.version())).param("reason", "学校反映负担重。")
                        .param("decision", "区委教育工作领导小组决定"))
                .andExpect(flash().attribute("notice", "事项已调整出白名单。"));
        mvc.perform(get("/public/whitelist/{id}/entries/{e}", id, entryId))
                .andExpect(content().string(containsString("已调整出白名单")))
                .andExpect(content().string(containsString("学校反映负担重。")));
        mvc.perform(get("/public/whitelist/{id}/changes", id))
                .andExpect(content().string(containsString("区委教育工作领导小组决定")));
        // The check answers from the amended list at once: the removed activity is no longer covered.
        mvc.perform(check("合川区二郎镇中心小学", "区消防救援支队", TITLE, "2034-05-08"))
                .andExpect(jsonPath("$.covered").value(false)).andExpect(jsonPath("$.reason").value("NOT_LISTED"));
        // The amendment's notice names what it removed and why.
        assertThat(pdfText(mvc.perform(get("/public/whitelist/{id}/versions/2/download", id).param("format", "PDF"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray()))
                .contains("（第2版）", "本版调整事项", "调整出白名单", "学校反映负担重。");
        // The year is not over: archiving is not offered, and refused when posted.
        mvc.perform(post("/whitelists/{id}/archive", id).with(signedIn.as("commission")).with(csrf())
                        .param("version", String.valueOf(list().version())))
                .andExpect(flash().attribute("problem", "2034 年度尚未结束，不能归档。"));

        // The sign-in page links the public portal.
        mvc.perform(get("/login")).andExpect(content().string(containsString("公开查询：社会事务进校园白名单")));
    }

    static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder check(String school,
            String department, String title, String date) {
        return get("/api/v1/public/whitelist/check").param("school", school).param("department", department)
                .param("title", title).param("date", date);
    }

    static String pdfText(byte[] pdf) throws java.io.IOException {
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
