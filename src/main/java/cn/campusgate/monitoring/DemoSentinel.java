package cn.campusgate.monitoring;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import cn.campusgate.core.Role;
import cn.campusgate.organization.ActingAs;
import cn.campusgate.organization.Account;
import cn.campusgate.organization.Accounts;
import cn.campusgate.organization.Organization;
import cn.campusgate.organization.OrganizationKind;
import cn.campusgate.organization.Organizations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the demo sentinel school recorded over the last weeks, through the same services people use, so that the
 * school, the commission and supervisors meet records, alerts in every state and a monthly return at once: an
 * anti-fraud app push not on any list with photos demanded, a quiz, an inspection right after the work was
 * assigned, a second comprehensive inspection, a long secondment and teachers sent to traffic duty. Only once,
 * on a fresh demo district with the demo progress on.
 */
@Component
@Order(60)
@ConditionalOnProperty(name = {"campusgate.demo.enabled", "campusgate.demo.progress"}, havingValue = "true")
class DemoSentinel implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoSentinel.class);

    private final SentinelRecords records;
    private final Alerts alerts;
    private final MonthlyReturns returns;
    private final Organizations organizations;
    private final Accounts accounts;
    private final ActingAs actingAs;
    private final JdbcClient jdbc;
    private final Clock clock;

    DemoSentinel(SentinelRecords records, Alerts alerts, MonthlyReturns returns, Organizations organizations,
                 Accounts accounts, ActingAs actingAs, JdbcClient jdbc, Clock clock) {
        this.records = records;
        this.alerts = alerts;
        this.returns = returns;
        this.organizations = organizations;
        this.accounts = accounts;
        this.actingAs = actingAs;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT count(*) FROM sentinel_record").query(Long.class).single() > 0) {
            return;
        }
        Optional<Account> sentinel = organizations.ofKind(OrganizationKind.SCHOOL).stream()
                .filter(s -> s.active() && s.monitoringSchool())
                .flatMap(s -> accounts.activeHolders(s.id(), Role.SCHOOL_SENTINEL).stream()).findFirst();
        Optional<Long> police = body("区公安局");
        Optional<Long> market = body("区市场监管局");
        Optional<Long> commission = organizations.ofKind(OrganizationKind.EDUCATION_COMMISSION).stream()
                .map(Organization::id).findFirst();
        if (sentinel.isEmpty() || police.isEmpty() || market.isEmpty() || commission.isEmpty()) {
            return;
        }
        Organization school = organizations.get(sentinel.get().organizationId());
        Long town = school.parentId();
        if (town == null) {
            return;
        }
        String username = sentinel.get().username();
        LocalDate today = LocalDate.now(clock);
        SentinelRecords.Recorded app = record(username, new RecordCommand(RecordKind.ENTRY, null, police.get(),
                "反诈APP推广进校园", today.minusDays(3), null, 1, 6, Set.of(Demand.APP_DOWNLOAD, Demand.PHOTOS,
                Demand.CHAIN_SIGN_UP), null, false,
                "要求每位家长下载注册反诈APP并截图上传，班主任在工作群接龙统计完成率。"));
        SentinelRecords.Recorded quiz = record(username, new RecordCommand(RecordKind.ENTRY, null, police.get(),
                "禁毒知识网络竞赛", today.minusDays(12), null, 0, 3, Set.of(Demand.QUIZ), null, false,
                "要求全校学生在线答题，按参与率通报。"));
        SentinelRecords.Recorded food = record(username, new RecordCommand(RecordKind.INSPECTION, null, market.get(),
                "校园食品安全专项检查", today.minusDays(5), null, null, 2, Set.of(Demand.DATA_FILLING), today.minusDays(14),
                false, "检查前一周才下发自查表，要求当天报送。"));
        record(username, new RecordCommand(RecordKind.INSPECTION, null, commission.get(), "学校安全工作综合督导",
                today.minusDays(70), null, null, 3, Set.of(), null, true, null));
        SentinelRecords.Recorded secondInspection = record(username, new RecordCommand(RecordKind.INSPECTION, null,
                town, "镇街综合目标考核学校评估", today.minusDays(2), null, null, 4, Set.of(Demand.BRIEFING), null, true,
                "要求提供台账和工作简报。"));
        record(username, new RecordCommand(RecordKind.SECONDMENT, null, town, "借调至镇政府从事统计工作",
                today.minusDays(45), today.plusDays(160), null, 1, Set.of(), null, false, null));
        record(username, new RecordCommand(RecordKind.OFF_CAMPUS_REQUEST, null, town, "教师到集镇路口执勤劝导",
                today.minusDays(1), null, null, 4, Set.of(), null, false, "周末两天，每天4名教师。"));

        // The commission has begun: one alert looked into, one dismissed, one turned into a supervision case.
        as("commission", () -> {
            first(app, AlertKind.NOT_COVERED).ifPresent(a -> alerts.openCase(a.id(), a.version(),
                    "区公安局未经审批进校推广APP并要求家长截图，转督导室核查。"));
            first(quiz, AlertKind.FORMALISM_DEMAND).ifPresent(a -> alerts.acknowledge(a.id(), a.version()));
            first(food, AlertKind.NOT_COVERED).ifPresent(a -> alerts.dismiss(a.id(), a.version(),
                    "经核实属食品安全法规定的法定检查，已列入督查检查评比考核事项，不属违规进校。"));
            first(secondInspection, AlertKind.TOO_MANY_COMPREHENSIVE_INSPECTIONS)
                    .ifPresent(a -> alerts.acknowledge(a.id(), a.version()));
            return null;
        });
        if (school.monitoringSchool() && returns.termMonth(YearMonth.from(today))) {
            as(username, () -> returns.open(YearMonth.from(today)));
        }
        log.info("Recorded 7 demo sentinel records for {}", school.name());
    }

    private SentinelRecords.Recorded record(String username, RecordCommand command) {
        return as(username, () -> records.record(command));
    }

    private static Optional<Alert> first(SentinelRecords.Recorded recorded, AlertKind kind) {
        return recorded.alerts().stream().filter(a -> a.kind() == kind).findFirst();
    }

    private Optional<Long> body(String name) {
        return organizations.ofKind(OrganizationKind.DEPARTMENT).stream().filter(o -> o.name().equals(name))
                .map(Organization::id).findFirst();
    }

    private <T> T as(String username, Supplier<T> work) {
        return actingAs.call(username, work);
    }

}
