package cn.campusgate.security;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import cn.campusgate.SignedIn;
import cn.campusgate.core.BusinessRuleViolation;
import cn.campusgate.organization.AccessTokens;
import cn.campusgate.supervision.CaseOutcome;
import cn.campusgate.supervision.CaseStatus;
import cn.campusgate.supervision.Cases;
import cn.campusgate.supervision.ComplaintCategory;
import cn.campusgate.supervision.ComplaintCommand;
import cn.campusgate.supervision.Complaints;
import cn.campusgate.supervision.SanctionKind;
import cn.campusgate.supervision.SupervisionCase;
import cn.campusgate.supervision.SupervisionSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Complainant protection: a complaint filed with an identity that occurs nowhere else (through the public API, the
 * public form and the service) never shows that identity to anyone but a supervisor — not on any GET endpoint of
 * the authorization matrix, for any other role or anonymous, with the path variables pointing at that complaint
 * and its case (downloads read as text: CSV, the XML inside XLSX/DOCX, the text of PDFs) — and the database and
 * the evidence directory hold it only sealed.
 */
@SecurityTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComplainantProtectionIT {

    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;
    @Autowired SignedIn signedIn;
    @Autowired JdbcClient jdbc;
    @Autowired Complaints complaints;
    @Autowired AccessTokens tokens;
    @Autowired SupervisionSettings settings;
    @Autowired Cases cases;

    Fixtures.Marker marker;
    Fixtures fixtures;
    Sweep sweep;
    List<Long> complaintIds = new ArrayList<>();

    @BeforeAll
    void fileComplaintsWithTheMarker() throws Exception {
        sweep = Sweep.of(context, mvc, signedIn, jdbc, complaints, tokens);
        fixtures = sweep.fixtures;
        marker = fixtures.marker;
        // The three complaints of the marker: through the public API, the public form and the service.
        complaintIds.addAll(jdbc.sql("select id from complaint where id <= ? order by id desc limit 3")
                .param(fixtures.complaint.complaintId()).query(Long.class).list());
        assertThat(complaintIds).contains(fixtures.complaint.complaintId()).hasSize(3);
    }

    @Test
    void noAnswerToAnyoneButASupervisorNamesTheComplainant() throws Exception {
        List<String> leaks = new ArrayList<>();
        int fetched = 0;
        for (var read : sweep.reads.entrySet()) {
            for (var answer : read.getValue().entrySet()) {
                if (answer.getKey().equals("SUPERVISOR")) {
                    continue;
                }
                fetched++;
                for (String part : marker.parts()) {
                    if (answer.getValue().text().contains(part)) {
                        leaks.add("%s as %s shows «%s»".formatted(read.getKey(), answer.getKey(), part));
                    }
                }
            }
        }
        // The follow-up page and API of the complainant's own receipt code show the status, not the identity.
        for (String body : List.of(
                mvc.perform(get("/api/v1/public/complaints/" + fixtures.receiptCode)).andReturn().getResponse()
                        .getContentAsString(StandardCharsets.UTF_8),
                mvc.perform(post("/public/complaints/follow").with(csrf()).param("code", fixtures.receiptCode))
                        .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))) {
            marker.parts().stream().filter(body::contains).forEach(p -> leaks.add("the follow-up shows «" + p + "»"));
        }
        assertThat(fetched).as("GET endpoints × roles fetched").isGreaterThan(500);
        // The sweep's path variables reached the complaint: the supervisor's reveal in the same pass names it.
        assertThat(sweep.reads.get("GET /supervision/complaints/{complaintId}/identity").get("SUPERVISOR").text())
                .contains(marker.name(), marker.phone(), marker.email());
        assertThat(leaks).isEmpty();
    }

    @Test
    void aSupervisorRevealsTheIdentityAndTheRevealIsAudited() throws Exception {
        long complaint = fixtures.complaint.complaintId();
        long before = revealsOf(complaint);
        String page = mvc.perform(get("/supervision/complaints/{id}/identity", complaint).with(signedIn.as("supervisor")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains(marker.name(), marker.phone(), marker.email());
        assertThat(revealsOf(complaint)).isEqualTo(before + 1);
        // Anyone else meets 403 on the same address, and nothing is audited as a reveal.
        mvc.perform(get("/supervision/complaints/{id}/identity", complaint).with(signedIn.as("commission")))
                .andExpect(status().isForbidden());
        assertThat(revealsOf(complaint)).isEqualTo(before + 1);
    }

    @Test
    void theDatabaseHoldsTheIdentityOnlySealed() {
        for (long id : complaintIds) {
            byte[] sealed = jdbc.sql("select identity_sealed from complaint where id = ?").param(id).query(byte[].class).single();
            assertThat(sealed).as("complaint %d has a sealed identity", id).isNotNull().hasSizeGreaterThan(28);
            assertThat(plainReadings(sealed)).noneMatch(text -> marker.parts().stream().anyMatch(text::contains));
        }
        // No column of any table holds the identity in clear (text, JSON or bytes), audit trail and events included.
        List<String> found = new ArrayList<>();
        List<Column> columns = jdbc.sql("""
                select table_name, column_name, data_type from information_schema.columns
                where table_schema = 'public' and data_type in ('text', 'character varying', 'jsonb', 'json', 'bytea')""")
                .query((rs, n) -> new Column(rs.getString(1), rs.getString(2), rs.getString(3))).list();
        assertThat(columns).hasSizeGreaterThan(100);
        for (Column c : columns) {
            for (String part : marker.parts()) {
                String condition = c.type().equals("bytea")
                        ? "position(convert_to(:part, 'UTF8') in \"" + c.name() + "\") > 0"
                        : "\"" + c.name() + "\"::text like '%' || :part || '%'";
                long hits = jdbc.sql("select count(*) from \"" + c.table() + "\" where " + condition).param("part", part)
                        .query(Long.class).single();
                if (hits > 0) {
                    found.add(c.table() + "." + c.name() + " holds «" + part + "»");
                }
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void evidenceFilesOnDiskAreSealed() throws Exception {
        List<String> keys = jdbc.sql("select storage_key from complaint_evidence where complaint_id = ?")
                .param(fixtures.complaint.complaintId()).query(String.class).list();
        assertThat(keys).isNotEmpty();
        byte[] original = Fixtures.png();
        for (String key : keys) {
            Path file = settings.evidenceDir().toAbsolutePath().normalize().resolve(key.substring(0, 2)).resolve(key + ".sealed");
            byte[] stored = Files.readAllBytes(file);
            assertThat(stored).isNotEqualTo(original);
            assertThat(indexOf(stored, new byte[] {(byte) 0x89, 'P', 'N', 'G'})).as("no PNG signature in %s", file).isEqualTo(-1);
            assertThat(indexOf(stored, java.util.Arrays.copyOfRange(original, 16, original.length))).isEqualTo(-1);
        }
        // The supervisor's download opens it again: the sealed file is the same picture.
        byte[] opened = mvc.perform(get("/supervision/evidence/{id}", fixtures.evidenceId).with(signedIn.as("supervisor")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(opened).isEqualTo(original);
    }

    /**
     * Issue 18 (4): a supervisor wrote "投诉人李明（13800138000）" into 核查情况 and a measure's notice, and the fire
     * brigade read both. Every text another reader sees is checked against the sealed identity of the case's
     * complainants, however the name or number is written, and refused on the page and in the service alike with
     * the field named; nothing is saved, and the body concerned never reads it.
     */
    @Test
    void textsOthersReadMayNotNameTheComplainantInAnyForm() throws Exception {
        String digits = String.valueOf(System.nanoTime() % 100_000_000L);
        digits = "0".repeat(8 - digits.length()) + digits;
        String name = "郝实名" + digits.substring(5);
        String phone = "137" + digits;
        String spacedPhone = phone.substring(0, 3) + " " + phone.substring(3, 7) + "-" + phone.substring(7);
        String fullWidthPhone = phone.chars().mapToObj(c -> String.valueOf((char) (c - '0' + '０')))
                .collect(java.util.stream.Collectors.joining());
        long school = jdbc.sql("select id from organization where name = '重庆市合川中学'").query(Long.class).single();
        long justice = jdbc.sql("select id from organization where name = '区司法局'").query(Long.class).single();
        Complaints.Filed filed = complaints.fileOnline(new ComplaintCommand(ComplaintCategory.UNRELATED_TASKS, school,
                justice, "普法答题（保护测试" + digits + "）", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"))
                        .minusDays(2), "学校被要求组织全体教师在工作时间登录平台答题并截图上报。", name, phone), List.of());
        long id = filed.caseId();
        SupervisionCase accepted = signedIn.call("supervisor", () -> cases.accept(id, cases.get(id).version()));

        // 核查情况, in the service: the name, the number with separators, the number in full-width digits.
        for (String findings : List.of("投诉人" + name + "反映属实。", "经电话 " + spacedPhone + " 回访核实，情况属实。",
                "回访电话" + fullWidthPhone + "，情况属实。")) {
            assertThatThrownBy(() -> signedIn.call("supervisor", () -> cases.verify(id, accepted.version(),
                    CaseOutcome.SUBSTANTIATED, findings)))
                    .isInstanceOfSatisfying(BusinessRuleViolation.class,
                            e -> assertThat(e.messageKey()).isEqualTo("supervision.text.complainantIdentity"));
        }
        // … and on the page: the message names the field and the reader, in Chinese and in English; nothing changed.
        mvc.perform(post("/supervision/cases/{id}/verify", id).with(csrf()).with(signedIn.as("supervisor"))
                        .param("version", String.valueOf(accepted.version())).param("outcome", "SUBSTANTIATED")
                        .param("findings", "投诉人" + name + "（" + phone + "）反映的情况属实。"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("problem", org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("核查情况"), org.hamcrest.Matchers.containsString("被督办单位"))));
        mvc.perform(post("/supervision/cases/{id}/verify", id).with(csrf()).with(signedIn.as("supervisor"))
                        .cookie(new jakarta.servlet.http.Cookie("campusgate-lang", "en"))
                        .param("version", String.valueOf(accepted.version())).param("outcome", "SUBSTANTIATED")
                        .param("findings", "Complainant " + name + " is right."))
                .andExpect(flash().attribute("problem", org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("Facts established"),
                        org.hamcrest.Matchers.containsString("The body concerned"))));
        SupervisionCase still = signedIn.call("supervisor", () -> cases.get(id));
        assertThat(still.status()).isEqualTo(CaseStatus.VERIFICATION);
        assertThat(still.version()).isEqualTo(accepted.version());
        assertThat(still.findings()).isNull();

        // An extension's reason goes to the commission: refused too.
        assertThatThrownBy(() -> signedIn.call("supervisor", () -> cases.requestExtension(id, still.version(), 3,
                "需再次联系" + name + "核实。")))
                .hasMessage("supervision.text.complainantIdentity");

        SupervisionCase verified = signedIn.call("supervisor", () -> cases.verify(id, still.version(),
                CaseOutcome.SUBSTANTIATED, "经核查，区司法局要求全体教师在工作时间答题并截图上报，情况属实。"));
        // The measure's basis and notice reach the body concerned.
        for (String[] texts : List.of(new String[]{"行动方案三（三）", "请停止要求教师答题。投诉人电话" + spacedPhone + "。"},
                new String[]{"据" + name + "反映", "请停止要求教师答题。"})) {
            assertThatThrownBy(() -> signedIn.call("supervisor", () -> cases.issue(id, verified.version(),
                    SanctionKind.REMINDER_LETTER, justice, texts[0], texts[1], null, null)))
                    .hasMessage("supervision.text.complainantIdentity");
        }
        mvc.perform(post("/supervision/cases/{id}/sanctions", id).with(csrf()).with(signedIn.as("supervisor"))
                        .param("version", String.valueOf(verified.version())).param("kind", "REMINDER_LETTER")
                        .param("targetId", String.valueOf(justice)).param("basis", "行动方案三（三）")
                        .param("notice", "投诉人" + name + "（" + fullWidthPhone + "）反映，请整改。"))
                .andExpect(flash().attribute("problem", org.hamcrest.Matchers.containsString("通知内容")));
        assertThat(signedIn.call("supervisor", () -> cases.get(id)).sanctions()).isEmpty();
        signedIn.call("supervisor", () -> cases.issue(id, verified.version(), SanctionKind.REMINDER_LETTER, justice,
                "行动方案三（三）", "请立即停止要求教师在工作时间答题截图，并于期限内书面回复。", null, null));

        // The body concerned reads the measure and the facts, never the complainant.
        String measures = mvc.perform(get("/supervision/measures").with(signedIn.as("dept.justice")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(measures).contains("请立即停止要求教师在工作时间答题截图").doesNotContain(name).doesNotContain(phone);
        assertThat(jdbc.sql("select count(*) from supervision_trace where case_id = ? and text like ?")
                .param(id).param("%" + name + "%").query(Long.class).single()).as("nothing of the refusals was kept")
                .isZero();
    }

    record Column(String table, String name, String type) {
    }

    private long revealsOf(long complaint) {
        return jdbc.sql("select count(*) from audit_entry where action = 'supervision.identity-read' and subject = ?")
                .param("complaint:" + complaint).query(Long.class).single();
    }

    /** The sealed bytes read every way a careless store might have kept them: UTF-8, and base64 decoded. */
    private static List<String> plainReadings(byte[] sealed) {
        List<String> readings = new ArrayList<>();
        String utf8 = new String(sealed, StandardCharsets.UTF_8);
        readings.add(utf8);
        try {
            readings.add(new String(Base64.getDecoder().decode(utf8.strip()), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException notBase64) {
            // ciphertext is not base64 text: nothing more to read
        }
        return readings;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
