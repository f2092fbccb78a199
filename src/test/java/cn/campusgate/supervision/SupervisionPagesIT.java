package cn.campusgate.supervision;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.campusgate.CampusGateTest;
import cn.campusgate.SignedIn;
import cn.campusgate.organization.OrganizationKind;
import cn.campusgate.organization.Organizations;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The public API and pages without an account, the supervisors' pages, and what other roles see: a department
 * or town reads its measures with the verified facts, never the complainant nor the complaint's words.
 */
@CampusGateTest
class SupervisionPagesIT {

    private static final Pattern RECEIPT = Pattern.compile("([0-9A-Z]{4}-){4}[0-9A-Z]{4}");
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'};

    @Autowired MockMvc mvc;
    @Autowired SignedIn signedIn;
    @Autowired Cases cases;
    @Autowired Complaints complaints;
    @Autowired Organizations organizations;
    @Autowired JdbcClient jdbc;

    long school(String name) {
        return organizations.ofKind(OrganizationKind.SCHOOL).stream().filter(o -> o.name().equals(name)).findFirst()
                .orElseThrow().id();
    }

    long department(String name) {
        return organizations.ofKind(OrganizationKind.DEPARTMENT).stream().filter(o -> o.name().equals(name)).findFirst()
                .orElseThrow().id();
    }

    @Test
    void theApiFilesAnswers201WithAReceiptCodeThenStatusMessagesAndEvidenceByThatCode() throws Exception {
        String body = """
                {"category":"FORCED_APPS","school":"合川区龙凤镇中心小学","concerned":"区公安局",
                 "activity":"反诈应用推广","happenedOn":"%s",
                 "description":"要求每位老师动员全班家长下载反诈应用，并每天在群里报送安装率截图。"}"""
                .formatted(LocalDate.now().minusDays(1));
        MvcResult filed = mvc.perform(post("/api/v1/public/complaints").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andExpect(header().string("Cache-Control", containsString("no-store")))
                .andExpect(jsonPath("$.status").value("RECEIVED"))
                .andExpect(jsonPath("$.caseNumber").value(containsString("TS")))
                .andReturn();
        String code = com.jayway.jsonpath.JsonPath.read(filed.getResponse().getContentAsString(), "$.receiptCode");
        assertThat(code.replace("-", "")).hasSizeGreaterThanOrEqualTo(16);
        assertThat(filed.getResponse().getHeader("Location")).startsWith("/api/v1/public/complaints/");

        mvc.perform(get("/api/v1/public/complaints/{code}", code)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("RECEIVED"))
                .andExpect(jsonPath("$.statusLabel").value("已收到"))
                .andExpect(jsonPath("$.school").value("合川区龙凤镇中心小学"))
                .andExpect(jsonPath("$.messages", hasSize(0)));
        mvc.perform(post("/api/v1/public/complaints/{code}/messages", code).contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\":\"补充：今天又催了一次。\"}")).andExpect(status().isCreated());
        mvc.perform(multipart("/api/v1/public/complaints/{code}/evidence", code)
                        .file(new MockMultipartFile("file", "截图.jpg", "image/jpeg", JPEG)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.contentType").value("image/jpeg"));
        mvc.perform(multipart("/api/v1/public/complaints/{code}/evidence", code)
                        .file(new MockMultipartFile("file", "page.html", "text/html", "<script>alert(1)</script>".getBytes())))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.detail").value(containsString("格式不受理")));
        byte[] big = new byte[5 * 1024 * 1024 + 10];
        System.arraycopy(JPEG, 0, big, 0, JPEG.length);
        mvc.perform(multipart("/api/v1/public/complaints/{code}/evidence", code)
                        .file(new MockMultipartFile("file", "big.jpg", "image/jpeg", big)))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.detail").value(containsString("不超过 5 MB")));

        // Supervision answers; the complainant reads it by code.
        long complaintId = complaints.follow(code).complaint().id();
        signedIn.run("supervisor", () -> complaints.answer(complaintId, "已收到，正在核查，感谢反映。"));
        mvc.perform(get("/api/v1/public/complaints/{code}", code.toLowerCase())).andExpect(status().isOk())
                .andExpect(jsonPath("$.evidenceFiles").value(1))
                .andExpect(jsonPath("$.messages[0].from").value("COMPLAINANT"))
                .andExpect(jsonPath("$.messages[1].from").value("HANDLER"))
                .andExpect(jsonPath("$.messages[1].text").value("已收到，正在核查，感谢反映。"));

        mvc.perform(get("/api/v1/public/complaints/{code}", "ABCD-EFGH-JKMN-PQRS-TVWX"))
                .andExpect(status().isNotFound())
                .andExpect(header().string("Content-Type", containsString("application/problem+json")))
                .andExpect(jsonPath("$.detail").value(containsString("回执码")));
        mvc.perform(get("/api/v1/public/complaints/{code}", "not-a-code")).andExpect(status().isNotFound());
    }

    @Test
    void theApiRefusesBadInputFieldByFieldAndStoresNothing() throws Exception {
        long before = jdbc.sql("SELECT count(*) FROM complaint").query(Long.class).single();
        mvc.perform(post("/api/v1/public/complaints").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"school\":\"合川区龙凤镇中心小学\",\"description\":\"短\",\"happenedOn\":\"2099-01-01\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.contains("category", "happenedOn", "description")))
                .andExpect(jsonPath("$.errors[0].message").value("请选择投诉类别。"));
        mvc.perform(post("/api/v1/public/complaints").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"category\":\"OTHER\",\"school\":\"不存在的学校\",\"happenedOn\":\"2026-01-05\",\"description\":\"这是一段足够长的描述内容。\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("schoolId"));
        mvc.perform(post("/api/v1/public/complaints").contentType(MediaType.APPLICATION_JSON).content("{not json"))
                .andExpect(status().isBadRequest()).andExpect(content().string(not(containsString("Exception"))));
        assertThat(jdbc.sql("SELECT count(*) FROM complaint").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void thePublicFilesOnThePageReadsTheReceiptOnceAndFollowsWithoutTheCodeInAnyUrl() throws Exception {
        mvc.perform(get("/public/complaints")).andExpect(status().isOk())
                .andExpect(content().string(containsString("投诉举报")))
                .andExpect(content().string(containsString("合川区二郎镇中心小学")))
                .andExpect(content().string(containsString("指尖上的形式主义")))
                .andExpect(content().string(containsString("name=\"viewport\"")));
        MvcResult result = mvc.perform(multipart("/public/complaints")
                        .file(new MockMultipartFile("files", "群截图.png", "image/png",
                                new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0}))
                        .param("category", "FINGERTIP_FORMALISM").param("schoolId", String.valueOf(school("合川区二郎镇中心小学")))
                        .param("targetId", String.valueOf(department("区卫生健康委")))
                        .param("happenedOn", LocalDate.now().minusDays(3).toString())
                        .param("description", "每天要求班主任在群里接龙上报学生晨检照片，周末也要报。")
                        .param("name", "孙丽").param("contact", "13912345678").with(csrf()))
                .andExpect(redirectedUrl("/public/complaints/receipt"))
                .andReturn();
        long filed = jdbc.sql("SELECT count(*) FROM complaint").query(Long.class).single();
        // the flash travels in the application's own (JDBC) session, so follow with its cookie as a browser would
        jakarta.servlet.http.Cookie session = result.getResponse().getCookie("SESSION");
        assertThat(session).isNotNull();
        MvcResult receipt = mvc.perform(get("/public/complaints/receipt").cookie(session))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(content().string(containsString("data-testid=\"receipt-code\"")))
                .andReturn();
        // reloading the receipt files nothing again and no longer shows the code
        mvc.perform(get("/public/complaints/receipt").cookie(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("回执码只在提交后显示一次")))
                .andExpect(content().string(not(containsString("data-testid=\"receipt-code\""))));
        assertThat(jdbc.sql("SELECT count(*) FROM complaint").query(Long.class).single()).isEqualTo(filed);
        Matcher m = RECEIPT.matcher(receipt.getResponse().getContentAsString());
        assertThat(m.find()).isTrue();
        String code = m.group();
        mvc.perform(post("/public/complaints/follow").param("code", code).with(csrf())).andExpect(status().isOk())
                .andExpect(content().string(containsString("data-status=\"RECEIVED\"")))
                .andExpect(content().string(containsString("1 份")));
        mvc.perform(post("/public/complaints/follow/messages").param("code", code).param("text", "今天又要求报了。")
                        .with(csrf())).andExpect(status().isOk())
                .andExpect(content().string(containsString("留言已发送")))
                .andExpect(content().string(containsString("今天又要求报了。")));
        mvc.perform(post("/public/complaints/follow").param("code", "ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ").with(csrf()))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("未找到该回执码")));

        // Bad input: each field named in Chinese, nothing stored, the typed text kept.
        mvc.perform(multipart("/public/complaints").param("description", "随便写写").param("happenedOn", "2099-01-01")
                        .with(csrf())).andExpect(status().isOk())
                .andExpect(content().string(containsString("请选择投诉类别。")))
                .andExpect(content().string(containsString("发生日期不能晚于今天。")))
                .andExpect(content().string(containsString("随便写写")));
        mvc.perform(multipart("/public/complaints")
                        .file(new MockMultipartFile("files", "a.exe", "application/octet-stream", "MZ\0\0".getBytes()))
                        .param("category", "OTHER").param("schoolId", String.valueOf(school("合川区二郎镇中心小学")))
                        .param("happenedOn", LocalDate.now().toString()).param("description", "这是一段足够长的描述内容。")
                        .with(csrf())).andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("格式不受理")));
        mvc.perform(get("/public/exposures")).andExpect(status().isOk())
                .andExpect(content().string(containsString("曝光台")));
    }

    @Test
    void aDepartmentSeesItsMeasureWithTheVerifiedFactsButNeverTheComplainant() throws Exception {
        String name = "周建国";
        String contact = "13700001111";
        String words = "区消防救援支队要求全体教师周六到商场参加消防宣传值守，这是第三次了。";
        Complaints.Filed filed = complaints.fileOnline(new ComplaintCommand(ComplaintCategory.TEACHERS_DRAWN_AWAY,
                school("合川区三汇镇中心小学"), department("区消防救援支队"), null, LocalDate.now().minusDays(5), words, name,
                contact), List.of());
        long caseId = filed.caseId();
        signedIn.call("supervisor", () -> cases.accept(caseId, cases.get(caseId).version()));

        // The supervisor's page: complaint text, evidence and the identity behind a logged reveal.
        mvc.perform(get("/supervision/cases/{id}", caseId).with(signedIn.as("supervisor"))).andExpect(status().isOk())
                .andExpect(content().string(containsString(words)))
                .andExpect(content().string(containsString("data-testid=\"verify\"")))
                .andExpect(content().string(not(containsString("data-testid=\"accept\""))))
                .andExpect(content().string(not(containsString(contact))));
        mvc.perform(get("/supervision/complaints/{id}/identity", filed.complaintId()).with(signedIn.as("supervisor"))
                        .header("HX-Request", "true")).andExpect(status().isOk())
                .andExpect(content().string(containsString(name))).andExpect(content().string(containsString(contact)));

        // Verification to a measure through the pages; refused actions change nothing.
        int version = cases(caseId).version();
        mvc.perform(post("/supervision/cases/{id}/close", caseId).with(signedIn.as("supervisor")).with(csrf())
                        .param("version", String.valueOf(version)).param("text", "办结"))
                .andExpect(redirectedUrl("/supervision/cases/" + caseId))
                .andExpect(flash().attribute("problem", "案件当前为“核查中”，不能转为“已办结”。"));
        mvc.perform(post("/supervision/cases/{id}/verify", caseId).with(signedIn.as("supervisor")).with(csrf())
                        .param("version", String.valueOf(version)).param("outcome", "SUBSTANTIATED").param("findings", ""))
                .andExpect(flash().attribute("problem", "请填写内容。"));
        assertThat(cases(caseId).status()).isEqualTo(CaseStatus.VERIFICATION);
        mvc.perform(post("/supervision/cases/{id}/verify", caseId).with(signedIn.as("supervisor")).with(csrf())
                        .param("version", String.valueOf(version)).param("outcome", "SUBSTANTIATED")
                        .param("findings", "经核查，该支队三次安排教师周末到商场值守，属实。"))
                .andExpect(flash().attribute("notice", "已提交核查结论。"));
        mvc.perform(post("/supervision/cases/{id}/sanctions", caseId).with(signedIn.as("supervisor")).with(csrf())
                        .param("version", String.valueOf(cases(caseId).version())).param("kind", "SUPERVISION_ORDER")
                        .param("targetId", String.valueOf(department("区消防救援支队")))
                        .param("basis", "行动方案三、整治重点（一）").param("notice", "请立即停止安排教师校外值守。")
                        .param("responseDays", "5"))
                .andExpect(flash().attribute("notice", "措施已发出，已通知对象单位。"));

        // The department: its measure with the facts, nothing of the complainant, no case page.
        MvcResult page = mvc.perform(get("/supervision/measures").with(signedIn.as("dept.fire"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("三次安排教师周末到商场值守")))
                .andExpect(content().string(containsString("data-testid=\"respond-form\"")))
                .andReturn();
        String html = page.getResponse().getContentAsString();
        assertThat(html).doesNotContain(name).doesNotContain(contact).doesNotContain(words);
        for (String path : List.of("/supervision", "/supervision/cases", "/supervision/cases/" + caseId,
                "/supervision/complaints/" + filed.complaintId() + "/identity", "/supervision/complaints/new",
                "/supervision/extensions")) {
            mvc.perform(get(path).with(signedIn.as("dept.fire"))).andExpect(status().isForbidden());
        }
        long evidenceCount = jdbc.sql("SELECT count(*) FROM complaint_evidence").query(Long.class).single();
        assertThat(evidenceCount).isGreaterThanOrEqualTo(0);
        for (String account : List.of("dept.fire", "town.erlang", "commission", "district")) {
            for (String path : List.of("/", "/notifications", "/supervision/measures", "/supervision/report")) {
                MvcResult r = mvc.perform(get(path).with(signedIn.as(account))).andReturn();
                assertThat(r.getResponse().getContentAsString()).as(account + " " + path)
                        .doesNotContain(name).doesNotContain(contact).doesNotContain(words);
            }
        }
        mvc.perform(get("/api/v1/public/complaints/{code}", filed.receiptCode().display())).andExpect(status().isOk())
                .andExpect(content().string(not(containsString(name)))).andExpect(content().string(not(containsString(contact))));

        long sanction = cases(caseId).sanctions().getFirst().id();
        mvc.perform(post("/supervision/measures/{id}/respond", sanction).with(signedIn.as("dept.police")).with(csrf())
                .param("response", "不是我们")).andExpect(status().isNotFound());
        mvc.perform(post("/supervision/measures/{id}/respond", sanction).with(signedIn.as("dept.fire")).with(csrf())
                        .param("response", "已取消全部校外值守安排，今后宣传活动不再抽调教师。"))
                .andExpect(redirectedUrl("/supervision/measures"))
                .andExpect(flash().attribute("notice", "已提交回复。"));
        mvc.perform(get("/supervision/cases/{id}", caseId).with(signedIn.as("supervisor")))
                .andExpect(content().string(containsString("已取消全部校外值守安排")))
                .andExpect(content().string(containsString("data-testid=\"conclude\"")));
    }

    @Test
    void supervisorsListCasesLogCallsAndTheReportRanksBodiesOnly() throws Exception {
        mvc.perform(get("/supervision").with(signedIn.as("supervisor"))).andExpect(redirectedUrl("/supervision/cases"));
        mvc.perform(get("/supervision/cases").with(signedIn.as("supervisor"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("投诉督办")));
        mvc.perform(get("/supervision/complaints/new").with(signedIn.as("supervisor"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("投诉电话")));
        MvcResult logged = mvc.perform(multipart("/supervision/complaints").with(signedIn.as("supervisor")).with(csrf())
                        .param("channel", "LETTER").param("category", "TOO_MANY")
                        .param("schoolId", String.valueOf(school("合川区清平镇中心小学")))
                        .param("targetId", String.valueOf(department("区司法局")))
                        .param("happenedOn", LocalDate.now().minusDays(10).toString())
                        .param("description", "来信反映：一个月内四次普法进校园活动，每次都要求写简报。"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"receipt-code\""))).andReturn();
        assertThat(RECEIPT.matcher(logged.getResponse().getContentAsString()).find()).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM complaint WHERE channel = 'LETTER' AND logged_by = 'supervisor'")
                .query(Long.class).single()).isGreaterThanOrEqualTo(1);
        mvc.perform(get("/supervision/report").with(signedIn.as("district"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"report-departments\"")))
                .andExpect(content().string(containsString("不排名学校和教师")));
        mvc.perform(get("/supervision/report").param("from", "2026-05-01").param("to", "2026-01-01")
                        .with(signedIn.as("supervisor"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("统计期间不正确")));
        mvc.perform(get("/").with(signedIn.as("supervisor"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("件投诉案件待受理")));
        mvc.perform(get("/").with(signedIn.as("dept.fire"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("/supervision/measures")));
    }

    private SupervisionCase cases(long id) {
        return signedIn.call("supervisor", () -> cases.get(id));
    }
}
