package cn.campusgate.monitoring;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;

import cn.campusgate.CampusGateTest;
import cn.campusgate.ExpertOpinions;
import cn.campusgate.ListsInForce;
import cn.campusgate.SignedIn;
import cn.campusgate.approval.Approvals;
import cn.campusgate.core.BusinessRuleViolation;
import cn.campusgate.core.NotFound;
import cn.campusgate.delivery.DeliveryWorkflowIT;
import cn.campusgate.delivery.ImplementationPlan;
import cn.campusgate.delivery.ImplementationPlans;
import cn.campusgate.delivery.PlanReview;
import cn.campusgate.item.Items;
import cn.campusgate.organization.Organization;
import cn.campusgate.organization.OrganizationKind;
import cn.campusgate.organization.Organizations;
import cn.campusgate.whitelist.WhitelistEntry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The sentinel school (school.sentinel, 合川区二郎镇中心小学, a monitoring school) records what entered; records are
 * screened and checked against the whitelist, alerts reach the commission and move through their lifecycle; the
 * monthly return is prefilled from an approved plan and confirmed with a correction. Records happen today (they
 * cannot be in the future), so assertions look at this test's own records and alerts.
 */
@CampusGateTest
class MonitoringWorkflowIT {

    @Autowired SentinelRecords records;
    @Autowired Alerts alerts;
    @Autowired MonthlyReturns returns;
    @Autowired Organizations organizations;
    @Autowired ImplementationPlans plans;
    @Autowired Items items;
    @Autowired Approvals approvals;
    @Autowired ExpertOpinions expertOpinions;
    @Autowired ListsInForce lists;
    @Autowired SignedIn signedIn;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    private final LocalDate today = LocalDate.now(cn.campusgate.core.Formats.ZONE);

    long department(String name) {
        return organizations.ofKind(OrganizationKind.DEPARTMENT).stream().filter(o -> o.name().equals(name))
                .map(Organization::id).findFirst().orElseThrow();
    }

    RecordCommand entry(String title, long department, Set<Demand> demands) {
        return new RecordCommand(RecordKind.ENTRY, null, department, title, today.minusDays(1), null, 1, 2, demands, null,
                false, null);
    }

    List<AlertKind> kinds(SentinelRecords.Recorded recorded) {
        return recorded.alerts().stream().map(Alert::kind).toList();
    }

    @Test
    void anUnlistedEntryWithFormalismDemandsIsScreenedAndAlertsTheCommission() {
        long police = department("区公安局");
        SentinelRecords.Recorded recorded = signedIn.call("school.sentinel", () -> records.record(entry(
                "反诈APP推广进校园（哨点测试）", police, Set.of(Demand.APP_DOWNLOAD, Demand.PHOTOS))));
        SentinelRecord record = recorded.record();
        assertThat(record.schoolName()).isEqualTo("合川区二郎镇中心小学");
        assertThat(record.coverage()).isEqualTo("NOT_LISTED");
        assertThat(record.planId()).isNull();
        assertThat(record.findings()).extracting(f -> f.ruleId()).contains("R2-INE-PHOTOS", "R2-INE-APPS");
        assertThat(record.findings()).allSatisfy(f -> assertThat(f.clause()).isNotBlank());
        assertThat(kinds(recorded)).contains(AlertKind.NOT_COVERED, AlertKind.FORMALISM_DEMAND);
        // The record's page reads its demands as one list, in their order, not run together.
        try {
            mvc.perform(get("/sentinel/records/{id}", record.id()).with(signedIn.as("school.sentinel")))
                    .andExpect(status().isOk()).andExpect(content().string(containsString("拍照留痕、下载注册APP")));
        } catch (Exception e) {
            throw new AssertionError(e);
        }

        // Routed to the commission: listed for it, notified, audited.
        List<Alert> open = signedIn.call("commission", () -> alerts.list(AlertStatus.NEW));
        assertThat(open).filteredOn(a -> a.recordId() == record.id()).extracting(Alert::kind)
                .contains(AlertKind.NOT_COVERED, AlertKind.FORMALISM_DEMAND);
        assertThat(jdbc.sql("SELECT count(*) FROM notification n JOIN account a ON a.id = n.account_id WHERE a.username = "
                + "'commission' AND n.message_key = 'notice.alert.raised' AND n.args::text LIKE :t")
                .param("t", "%反诈APP推广进校园（哨点测试）%").query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'monitoring.alert-raised' AND subject IN (:s)")
                .param("s", recorded.alerts().stream().map(a -> "alert:" + a.id()).toList()).query(Long.class).single())
                .isEqualTo(recorded.alerts().size());
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'monitoring.record-made' AND subject = :s")
                .param("s", "sentinel-record:" + record.id()).query(Long.class).single()).isEqualTo(1);

        // Nobody else handles or reads them.
        Alert notCovered = recorded.alerts().stream().filter(a -> a.kind() == AlertKind.NOT_COVERED).findFirst().orElseThrow();
        assertThatThrownBy(() -> signedIn.call("dept.police", () -> alerts.get(notCovered.id()))).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> signedIn.call("school.sentinel", () -> alerts.acknowledge(notCovered.id(), 0)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(signedIn.call("school.sentinel", () -> records.alertsOf(record))).hasSize(recorded.alerts().size());

        // The lifecycle: acknowledged, then turned into a supervision case; another one dismissed with its reason.
        Alert acknowledged = signedIn.call("commission", () -> alerts.acknowledge(notCovered.id(), notCovered.version()));
        assertThat(acknowledged.status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
        assertThatThrownBy(() -> signedIn.call("commission", () -> alerts.acknowledge(notCovered.id(), acknowledged.version())))
                .hasMessage("monitoring.alert.illegalTransition");
        Alert cased = signedIn.call("commission", () -> alerts.openCase(notCovered.id(), acknowledged.version(),
                "区公安局未经审批进校推广APP，转督导室核查。"));
        assertThat(cased.status()).isEqualTo(AlertStatus.CASE_OPENED);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'monitoring.alert-turned-into-case' AND subject = :s")
                .param("s", "alert:" + notCovered.id()).query(Long.class).single()).isEqualTo(1);
        // ... and the supervisors find it as a case opened by monitoring, without a complainant.
        assertThat(jdbc.sql("""
                SELECT count(*) FROM complaint WHERE channel = 'MONITORING' AND category = 'NO_BASIS'
                  AND identity_sealed IS NULL AND description LIKE :note""")
                .param("note", "%区公安局未经审批进校推广APP，转督导室核查。%").query(Long.class).single()).isEqualTo(1);
        Alert formalism = recorded.alerts().stream().filter(a -> a.kind() == AlertKind.FORMALISM_DEMAND).findFirst().orElseThrow();
        assertThatThrownBy(() -> signedIn.call("commission", () -> alerts.dismiss(formalism.id(), formalism.version(), "")))
                .hasMessage("monitoring.alert.reasonRequired");
        assertThat(signedIn.call("commission", () -> alerts.dismiss(formalism.id(), formalism.version(), "经核实已整改。"))
                .dismissalReason()).isEqualTo("经核实已整改。");
    }

    @Test
    void inspectionsRightAfterAssignmentAndASecondComprehensiveOneAreFlagged() {
        long commissionOrg = organizations.ofKind(OrganizationKind.EDUCATION_COMMISSION).getFirst().id();
        RecordCommand inspection = new RecordCommand(RecordKind.INSPECTION, null, commissionOrg, "校园安全专项督查（哨点测试）",
                today.minusDays(1), null, null, 1, Set.of(), today.minusDays(6), true, null);
        SentinelRecords.Recorded first = signedIn.call("school.sentinel", () -> records.record(inspection));
        assertThat(kinds(first)).contains(AlertKind.INSPECTION_TOO_SOON);
        assertThat(first.record().classHours()).as("inspections take no class hours").isZero();
        SentinelRecords.Recorded second = signedIn.call("school.sentinel", () -> records.record(inspection));
        assertThat(kinds(second)).contains(AlertKind.TOO_MANY_COMPREHENSIVE_INSPECTIONS, AlertKind.INSPECTION_TOO_SOON);
    }

    @Test
    void aLongSecondmentAndARequestToSendTeachersOffCampusAreRecordedAndFlagged() {
        long town = organizations.towns().stream().filter(t -> t.name().equals("二郎镇")).findFirst().orElseThrow().id();
        SentinelRecords.Recorded secondment = signedIn.call("school.sentinel", () -> records.record(new RecordCommand(
                RecordKind.SECONDMENT, null, town, "借调至镇政府从事统计工作（哨点测试）", today.minusMonths(1), today.plusMonths(7),
                null, 2, Set.of(), null, false, null)));
        assertThat(kinds(secondment)).contains(AlertKind.LONG_SECONDMENT);
        assertThat(secondment.record().coverage()).isEqualTo(SentinelRecord.NOT_CHECKED);

        SentinelRecords.Recorded offCampus = signedIn.call("school.sentinel", () -> records.record(new RecordCommand(
                RecordKind.OFF_CAMPUS_REQUEST, null, town, "教师到社区路口执勤劝导（哨点测试）", today, null, null, 4, Set.of(),
                null, false, null)));
        assertThat(offCampus.record().findings()).extracting(f -> f.ruleId()).contains("R2-IRR-OFF-CAMPUS-DUTY");
        assertThat(kinds(offCampus)).contains(AlertKind.SCREENING_REFUSED);
    }

    @Test
    void badInputIsRefusedInChineseAndNothingIsRecorded() throws Exception {
        long before = jdbc.sql("SELECT count(*) FROM sentinel_record").query(Long.class).single();
        long police = department("区公安局");
        mvc.perform(post("/sentinel").with(csrf()).with(signedIn.as("school.sentinel"))
                        .param("kind", "ENTRY").param("departmentId", String.valueOf(police))
                        .param("title", "明天的活动").param("occurredOn", today.plusDays(1).toString())
                        .param("classHours", "1").param("teachers", "1"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("尚未发生的事项不能记录")));
        mvc.perform(post("/sentinel").with(csrf()).with(signedIn.as("school.sentinel"))
                        .param("kind", "ENTRY").param("title", "没有部门").param("occurredOn", today.toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请选择部门或单位")));
        mvc.perform(post("/api/v1/sentinel/records").with(csrf()).with(signedIn.as("school.sentinel"))
                        .contentType("application/json").header("Accept-Language", "zh-CN")
                        .content("{\"kind\":\"SECONDMENT\",\"departmentId\":" + police + ",\"title\":\"借调\",\"occurredOn\":\""
                                + today + "\",\"teachers\":1}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(containsString("借用结束日期")));
        assertThat(jdbc.sql("SELECT count(*) FROM sentinel_record").query(Long.class).single()).isEqualTo(before);
        assertThatThrownBy(() -> signedIn.call("dept.police", () -> records.record(entry("部门自己记录", police, Set.of()))))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theSeventhActivityOfTheSemesterGoesOverTheCap() {
        long health = department("区卫生健康委");
        SentinelRecords.Recorded last = null;
        for (int i = 0; i < 7; i++) {
            String title = List.of("近视防控", "食品安全", "心理健康", "传染病防控", "口腔保健", "急救知识", "控烟宣传").get(i) + "（限额测试）";
            last = signedIn.call("school.sentinel", () -> records.record(entry(title, health, Set.of())));
        }
        assertThat(kinds(last)).contains(AlertKind.OVER_SEMESTER_CAP);
        SentinelRecords.Recorded again = signedIn.call("school.sentinel", () -> records.record(entry("近视防控（限额测试）",
                health, Set.of())));
        assertThat(kinds(again)).as("the same theme again").contains(AlertKind.REPEATED_THEME);
    }

    @Test
    void theMonthlyReturnIsPrefilledFromAnApprovedPlanReusesTheRecordAndIsCorrected() throws Exception {
        WhitelistEntry entry = DeliveryWorkflowIT.entryThroughTheChain(signedIn, items, approvals, expertOpinions, plans, lists,
                "dept.fire", "消防安全进课堂（月报测试）", "消防安全月报测试", LocalDate.of(2037, 3, 2));
        List<Long> school = DeliveryWorkflowIT.schools(signedIn, plans, "dept.fire", entry, 1);
        ImplementationPlan filed = signedIn.call("dept.fire", () -> plans.file(DeliveryWorkflowIT.plan(entry, school,
                LocalDate.of(2037, 3, 3), LocalDate.of(2037, 3, 3), 2)));
        signedIn.call("commission", () -> plans.review(filed.id(), new PlanReview(PlanReview.Decision.APPROVE, null, null,
                null, null, null, null, filed.version())));
        // Plans are filed a month ahead, so none is ever in the current month on the real clock: the approved plan
        // is moved to the first day of the latest month of term (this month during term).
        YearMonth latest = YearMonth.from(today);
        while (!returns.termMonth(latest)) {
            latest = latest.minusMonths(1);
        }
        YearMonth month = latest;
        LocalDate day = month.atDay(1);
        jdbc.sql("UPDATE implementation_plan SET starts_on = :d, ends_on = :d WHERE id = :id")
                .param("d", java.sql.Date.valueOf(day)).param("id", filed.id()).update();
        MonthlyReturns.View opened = signedIn.call("school.sentinel", () -> returns.open(month));
        MonthlyReturn prefilled = opened.monthlyReturn();
        assertThat(prefilled.status()).isIn(ReturnStatus.PREFILLED, ReturnStatus.REOPENED);
        ReturnLine line = prefilled.lines().stream().filter(l -> l.planId() == filed.id()).findFirst().orElseThrow();
        assertThat(line.plannedClassHours()).isEqualTo(2);
        assertThat(line.recordId()).isNull();

        // The school records the activity against the plan: department and title come from it; the return reuses it.
        assertThat(signedIn.call("school.sentinel", () -> records.plannedAround(day))).extracting(p -> p.planId())
                .contains(filed.id());
        SentinelRecords.Recorded recorded = signedIn.call("school.sentinel", () -> records.record(new RecordCommand(
                RecordKind.ENTRY, filed.id(), null, null, day, null, 1, 2, Set.of(), null, false, null)));
        assertThat(recorded.record().title()).isEqualTo("消防安全进课堂（月报测试）");
        assertThat(recorded.record().departmentName()).isEqualTo("区消防救援支队");
        ReturnLine reused = signedIn.call("school.sentinel", () -> returns.open(month)).monthlyReturn().lines().stream()
                .filter(l -> l.planId() == filed.id()).findFirst().orElseThrow();
        assertThat(reused.recordId()).isEqualTo(recorded.record().id());
        assertThat(reused.classHours()).isEqualTo(1);

        MonthlyReturn current = signedIn.call("school.sentinel", () -> returns.open(month)).monthlyReturn();
        MonthlyReturn corrected = signedIn.call("school.sentinel", () -> returns.confirm(current.id(), current.version(),
                List.of(new MonthlyReturn.LineAnswer(filed.id(), true, 1)), "一个班因故改期。"));
        assertThat(corrected.status()).isEqualTo(ReturnStatus.CORRECTED);
        assertThat(signedIn.call("commission", () -> returns.overview(month)))
                .anySatisfy(s -> {
                    assertThat(s.school().name()).isEqualTo("合川区二郎镇中心小学");
                    assertThat(s.monthlyReturn()).isNotNull();
                    assertThat(s.monthlyReturn().status()).isEqualTo(ReturnStatus.CORRECTED);
                });
        MonthlyReturn reopened = signedIn.call("commission", () -> returns.reopen(corrected.id(), corrected.version(),
                "请核对改期班级的课时。"));
        assertThat(reopened.status()).isEqualTo(ReturnStatus.REOPENED);
        mvc.perform(get("/sentinel/returns/" + month).with(signedIn.as("school.sentinel")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("消防安全进课堂（月报测试）")))
                .andExpect(content().string(containsString("请核对改期班级的课时。")));
        assertThatThrownBy(() -> signedIn.call("school.sentinel", () -> returns.open(month.plusMonths(2))))
                .isInstanceOf(BusinessRuleViolation.class);
    }
}
