package cn.campusgate.insight;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import cn.campusgate.CampusGateTest;
import cn.campusgate.SignedIn;
import cn.campusgate.core.NotFound;
import cn.campusgate.monitoring.AlertKind;
import cn.campusgate.monitoring.MonitoringEvents.AlertRaised;
import cn.campusgate.monitoring.MonitoringEvents.SentinelRecordMade;
import cn.campusgate.monitoring.RecordKind;
import cn.campusgate.supervision.CaseOutcome;
import cn.campusgate.supervision.Card;
import cn.campusgate.supervision.Channel;
import cn.campusgate.supervision.ComplaintCategory;
import cn.campusgate.supervision.SanctionKind;
import cn.campusgate.supervision.SupervisionEvents.CaseClosed;
import cn.campusgate.supervision.SupervisionEvents.CaseVerified;
import cn.campusgate.supervision.SupervisionEvents.ComplaintFiled;
import cn.campusgate.supervision.SupervisionEvents.SanctionIssued;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Insight's read model follows the monitoring and supervision events (published here exactly as those modules publish
 * them, in a committed transaction) into the dashboards of the district, a town, a department and a school, each
 * scoped to its reader, with charts and exports. Sentinel records are dated 2022, which no other test uses.
 */
@CampusGateTest
class InsightIT {

    @Autowired Dashboards dashboards;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transaction;
    @Autowired SignedIn signedIn;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    long id(String name) {
        return jdbc.sql("SELECT id FROM organization WHERE name = :n").param("n", name).query(Long.class).single();
    }

    void publish(Object event) {
        transaction.executeWithoutResult(s -> events.publishEvent(event));
    }

    long facts(String sourcePrefix) {
        return jdbc.sql("SELECT count(*) FROM insight_fact WHERE source_key LIKE :p").param("p", sourcePrefix + "%")
                .query(Long.class).single();
    }

    @Test
    void eventsBecomeTheDashboardsOfTheDistrictTownDepartmentAndSchool() throws Exception {
        long school = id("合川区二郎镇中心小学");
        long town = id("二郎镇");
        long district = id("合川区");
        long police = id("区公安局");
        long fire = id("区消防救援支队");
        // Seven activities in one spring semester of 2022: one over the cap of six.
        for (int i = 1; i <= 7; i++) {
            publish(new SentinelRecordMade("school.sentinel", 900_000 + i, school, RecordKind.ENTRY, i % 2 == 0 ? police : fire,
                    i % 2 == 0 ? "防范电信诈骗宣传" : "消防安全知识讲座", LocalDate.of(2022, 3, i * 3), "全校", 0, 2));
        }
        // The same record again changes nothing.
        publish(new SentinelRecordMade("school.sentinel", 900_001, school, RecordKind.ENTRY, fire, "消防安全知识讲座",
                LocalDate.of(2022, 3, 3), "全校", 0, 2));
        await().atMost(Duration.ofSeconds(20)).until(() -> facts("sentinel-record:9000") == 7);

        Dashboard d2022 = signedIn.call("commission", () -> dashboards.dashboard(dashboards.home(), 2022));
        assertThat(d2022.scope().level()).isEqualTo(Scope.Level.DISTRICT);
        assertThat(d2022.total(FactKind.SENTINEL_RECORD).facts()).isEqualTo(7);
        assertThat(d2022.total(FactKind.SENTINEL_RECORD).hours()).as("占用课时 counts the records' class hours")
                .isEqualTo(14.0);
        assertThat(d2022.load().overCap()).isEqualTo(1);
        assertThat(d2022.load().maximum()).isEqualTo(7);
        assertThat(d2022.months().get(2).count(FactKind.SENTINEL_RECORD)).isEqualTo(7);
        assertThat(d2022.itemCap()).isEqualTo(10);

        // A town named as the body concerned is counted for the town, never listed among the departments.
        publish(new SentinelRecordMade("school.sentinel", 900_101, school, RecordKind.ENTRY, town, "镇里安排的征文活动",
                LocalDate.of(2023, 4, 3), "全校", 0, 1));
        await().atMost(Duration.ofSeconds(20)).until(() -> facts("sentinel-record:900101") == 1);
        Dashboard d2023 = signedIn.call("commission", () -> dashboards.dashboard(dashboards.home(), 2023));
        assertThat(d2023.departments()).noneMatch(r -> r.id() == town);
        assertThat(jdbc.sql("SELECT town_id FROM insight_fact WHERE source_key = 'sentinel-record:900101'")
                .query(Long.class).single()).isEqualTo(town);

        // Supervision: a complaint, verified, a sanction to the police, closed.
        int year = LocalDate.now().getYear();
        Dashboard before = signedIn.call("commission", () -> dashboards.dashboard(dashboards.home(), year));
        publish(new AlertRaised("system", 800_001, AlertKind.FORMALISM_DEMAND, 900_002, school, police, district));
        publish(new ComplaintFiled("anonymous", 700_001, 600_001, "TS-TEST-1", district, Channel.ONLINE,
                ComplaintCategory.FINGERTIP_FORMALISM, false, false, Card.NONE));
        await().atMost(Duration.ofSeconds(20)).until(() -> facts("complaint:700001") == 1);
        publish(new CaseVerified("supervisor", 600_001, "TS-TEST-1", CaseOutcome.SUBSTANTIATED));
        await().atMost(Duration.ofSeconds(20)).until(() -> facts("violation:600001") == 1);
        publish(new SanctionIssued("supervisor", 600_001, "TS-TEST-1", 500_001, SanctionKind.NOTICE, police,
                LocalDate.now().plusDays(10)));
        publish(new CaseClosed("supervisor", 600_001, "TS-TEST-1", CaseOutcome.SUBSTANTIATED));
        await().atMost(Duration.ofSeconds(20)).until(() -> facts("case-closed:600001") == 1 && facts("sanction:500001") == 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("SELECT department_id FROM insight_fact WHERE source_key = 'violation:600001'")
                .query(Long.class).optional().orElse(0L) == police);

        Dashboard after = signedIn.call("commission", () -> dashboards.dashboard(dashboards.home(), year));
        assertThat(after.alerts()).isEqualTo(before.alerts() + 1);
        assertThat(after.complaints()).isEqualTo(before.complaints() + 1);
        assertThat(after.violations()).isEqualTo(before.violations() + 1);
        assertThat(after.departments()).filteredOn(r -> r.id() == police).singleElement()
                .satisfies(r -> assertThat(r.count(FactKind.VIOLATION)).isGreaterThanOrEqualTo(1));

        // A town, a department and a school each see their own; the commission may narrow to any of them.
        Dashboard ofTown = signedIn.call("commission", () -> dashboards.dashboard(dashboards.scope(Scope.Level.TOWN, town), 2022));
        assertThat(ofTown.total(FactKind.SENTINEL_RECORD).facts()).isEqualTo(7);
        assertThat(signedIn.call("town.erlang", () -> dashboards.home())).isEqualTo(new Scope(Scope.Level.TOWN, town, "二郎镇"));
        assertThat(signedIn.call("dept.police", () -> dashboards.dashboard(dashboards.home(), 2022)).total(FactKind.SENTINEL_RECORD).facts())
                .isEqualTo(3);
        assertThat(signedIn.call("school.sentinel", () -> dashboards.home()).level()).isEqualTo(Scope.Level.SCHOOL);
        assertThatThrownBy(() -> signedIn.call("school.sentinel", () -> dashboards.scope(Scope.Level.DISTRICT, district)))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> signedIn.call("dept.police", () -> dashboards.scope(Scope.Level.DEPARTMENT, fire)))
                .isInstanceOf(NotFound.class);

        // The page draws its charts; every figure downloads; the spread of activities names no school.
        mvc.perform(get("/insight").param("year", "2022").with(signedIn.as("commission"))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("<svg")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("data-testid=\"chart-trend\"")))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("??"))));
        mvc.perform(get("/insight").param("scope", "SCHOOL-" + school).param("year", "2022").with(signedIn.as("commission")))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("合川区二郎镇中心小学")));
        byte[] csv = mvc.perform(get("/insight/export/monthly.csv").param("year", "2022").with(signedIn.as("commission")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(new String(csv, StandardCharsets.UTF_8)).contains("月份", "哨点记录", "2022-03,7");
        byte[] load = mvc.perform(get("/insight/export/load.csv").param("year", "2022").with(signedIn.as("commission")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(load, StandardCharsets.UTF_8)).contains(">6,1").doesNotContain("中心小学");
        for (String figure : List.of("summary", "departments", "towns", "clusters")) {
            byte[] xlsx = mvc.perform(get("/insight/export/" + figure + ".xlsx").param("year", String.valueOf(year))
                    .with(signedIn.as("commission"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
            try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
                assertThat(workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isNotBlank();
            }
        }
        mvc.perform(get("/insight/export/teachers.csv").with(signedIn.as("commission"))).andExpect(status().isNotFound());
        mvc.perform(get("/insight").param("level", "DISTRICT").param("id", String.valueOf(district))
                .with(signedIn.as("school.sentinel"))).andExpect(status().isNotFound());
    }
}
