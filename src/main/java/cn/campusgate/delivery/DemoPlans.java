package cn.campusgate.delivery;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import cn.campusgate.core.DemoClock;
import cn.campusgate.core.DemoTimeline;
import cn.campusgate.core.Role;
import cn.campusgate.item.DeliveryMode;
import cn.campusgate.item.GraduatingClasses;
import cn.campusgate.item.IntegrationChannel;
import cn.campusgate.organization.ActingAs;
import cn.campusgate.organization.Account;
import cn.campusgate.organization.Accounts;
import cn.campusgate.organization.Organization;
import cn.campusgate.organization.OrganizationKind;
import cn.campusgate.organization.Organizations;
import cn.campusgate.whitelist.WhitelistEntry;
import cn.campusgate.whitelist.Whitelists;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Files demo implementation plans for the health commission's 心理健康教育 on the current year's list (after {@code DemoYear}
 * published it), through the same services people use and on the days of the demo's story ({@link DemoTimeline}):
 * one filed more than a month ahead, approved narrowed by the commission and delivered last week, so evaluation can
 * ask about it; one filed ten days ago waiting for the commission's review. Both reach the sentinel school. A plan
 * whose dates cannot fit the current year's entry (early January, late December) is left out. Only once, on a fresh
 * demo district with the demo progress on.
 */
@Component
@Order(16)
@ConditionalOnProperty(name = {"campusgate.demo.enabled", "campusgate.demo.progress"}, havingValue = "true")
class DemoPlans implements ApplicationRunner {

    static final String SENTINEL_SCHOOL = "合川区二郎镇中心小学";
    static final String TITLE = "心理健康教育";
    private static final Logger log = LoggerFactory.getLogger(DemoPlans.class);

    private final ImplementationPlans plans;
    private final Whitelists whitelists;
    private final Organizations organizations;
    private final Accounts accounts;
    private final ActingAs actingAs;
    private final JdbcClient jdbc;
    private final DemoClock demoClock;

    DemoPlans(ImplementationPlans plans, Whitelists whitelists, Organizations organizations, Accounts accounts,
              ActingAs actingAs, JdbcClient jdbc, DemoClock demoClock) {
        this.plans = plans;
        this.whitelists = whitelists;
        this.organizations = organizations;
        this.accounts = accounts;
        this.actingAs = actingAs;
        this.jdbc = jdbc;
        this.demoClock = demoClock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demoClock.seededThisStart()
                || jdbc.sql("SELECT count(*) FROM implementation_plan").query(Long.class).single() > 0) {
            return;
        }
        for (Organization department : organizations.ofKind(OrganizationKind.DEPARTMENT)) {
            Optional<Account> applicant = accounts.activeHolders(department.id(), Role.APPLICANT).stream().findFirst();
            Optional<WhitelistEntry> entry = whitelists.plannableEntriesOfDepartment(department.id()).stream()
                    .filter(e -> e.title().equals(TITLE)).findFirst();
            if (applicant.isPresent() && entry.isPresent()) {
                seed(applicant.get().username(), entry.get());
                return;
            }
        }
    }

    private void seed(String username, WhitelistEntry entry) {
        DemoTimeline timeline = DemoTimeline.of(demoClock);
        List<Organization> reached = as(username, () -> plans.schoolsReachedBy(entry));
        List<Long> schools = new ArrayList<>();
        reached.stream().filter(s -> s.name().equals(SENTINEL_SCHOOL)).findFirst().ifPresent(s -> schools.add(s.id()));
        reached.stream().filter(s -> !s.name().equals(SENTINEL_SCHOOL)).limit(3).forEach(s -> schools.add(s.id()));
        if (schools.size() < 4) {
            return;
        }
        int filed = 0;
        // Delivered: filed more than a month ahead, approved two days later, its last day a week ago.
        LocalDate ended = timeline.today().minusDays(7);
        LocalDate start = ended.minusDays(4);
        LocalDate filedOn = start.minusMonths(ImplementationPlan.LEAD_MONTHS).minusDays(3);
        if (!start.isBefore(entry.startsOn()) && filedOn.isAfter(timeline.listsPublished())) {
            at(filedOn, 10);
            ImplementationPlan first = as(username, () -> plans.file(new PlanCommand(entry.id(), start, ended,
                    schools, "四至六年级", GraduatingClasses.EXCLUDED, null, 2, 1, DeliveryMode.ON_CAMPUS,
                    IntegrationChannel.CLASS_TEAM_MEETING,
                    "专业人员于周五班队会时间进班，以案例讲解和互动问答开展，每班一课时；学校无需准备场地和材料，不要求报送照片、简报。",
                    null)));
            at(filedOn.plusDays(2), 15);
            as("commission", () -> plans.review(first.id(), new PlanReview(PlanReview.Decision.APPROVE,
                    "同意。压缩为一课时，先在三所学校开展，效果评估后再扩大。", schools.subList(0, 3), start, start.plusDays(2), 1,
                    null, first.version())));
            filed++;
        }
        // Waiting for the commission: filed ten days ago (or earlier, so that it fits this year's entry).
        for (int daysAgo : List.of(10, 25)) {
            LocalDate on = timeline.today().minusDays(daysAgo);
            LocalDate from = on.plusMonths(ImplementationPlan.LEAD_MONTHS).plusDays(2);
            if (on.isAfter(timeline.listsPublished()) && !from.isBefore(entry.startsOn())
                    && !from.plusDays(2).isAfter(entry.endsOn())) {
                at(on, 11);
                as(username, () -> plans.file(new PlanCommand(entry.id(), from, from.plusDays(2),
                        List.of(schools.getFirst(), schools.get(3)), "一至三年级", GraduatingClasses.EXCLUDED, null, 1, 0,
                        DeliveryMode.RESOURCE_PACK, IntegrationChannel.AFTER_SCHOOL_SERVICE,
                        "提供微课视频和绘本资源包，学校在课后服务时段自主选用，部门不进校、不检查、不要求反馈材料。",
                        "微课视频 3 节、绘本 1 套、教师指导手册 1 份，由部门送至学校。")));
                filed++;
                break;
            }
        }
        log.info("Filed {} demo implementation plans for \"{}\"", filed, entry.title());
    }

    private void at(LocalDate day, int hour) {
        demoClock.seedAsOf(DemoTimeline.at(day, hour));
    }

    private <T> T as(String username, Supplier<T> work) {
        return actingAs.call(username, work);
    }
}
