package cn.campusgate.delivery;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

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
 * Files demo implementation plans for the demo item that reached the whitelist (after {@code DemoProgress} moved
 * it there), through the same services people use: one approved narrowed by the commission, one waiting for its
 * review, both reaching the sentinel school, so the department, the commission and the school meet them at once.
 * Only once, on a fresh demo district with the demo progress on.
 */
@Component
@Order(50)
@ConditionalOnProperty(name = {"campusgate.demo.enabled", "campusgate.demo.progress"}, havingValue = "true")
class DemoPlans implements ApplicationRunner {

    static final String SENTINEL_SCHOOL = "合川区二郎镇中心小学";
    private static final Logger log = LoggerFactory.getLogger(DemoPlans.class);

    private final ImplementationPlans plans;
    private final Whitelists whitelists;
    private final Organizations organizations;
    private final Accounts accounts;
    private final ActingAs actingAs;
    private final JdbcClient jdbc;
    private final Clock clock;

    DemoPlans(ImplementationPlans plans, Whitelists whitelists, Organizations organizations, Accounts accounts,
              ActingAs actingAs, JdbcClient jdbc, Clock clock) {
        this.plans = plans;
        this.whitelists = whitelists;
        this.organizations = organizations;
        this.accounts = accounts;
        this.actingAs = actingAs;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT count(*) FROM implementation_plan").query(Long.class).single() > 0) {
            return;
        }
        for (Organization department : organizations.ofKind(OrganizationKind.DEPARTMENT)) {
            Optional<Account> applicant = accounts.activeHolders(department.id(), Role.APPLICANT).stream().findFirst();
            // Only entries in force (or of an approved list) may be planned: none while the demo's lists are drafts.
            List<WhitelistEntry> entries = whitelists.plannableEntriesOfDepartment(department.id());
            if (applicant.isPresent() && !entries.isEmpty()) {
                seed(applicant.get().username(), entries.getFirst());
                return;
            }
        }
    }

    private void seed(String username, WhitelistEntry entry) {
        LocalDate earliest = LocalDate.now(clock).plusMonths(ImplementationPlan.LEAD_MONTHS).plusDays(1);
        LocalDate start = entry.startsOn().isAfter(earliest) ? entry.startsOn() : earliest;
        if (start.plusDays(9).isAfter(entry.endsOn())) {
            return;
        }
        List<Organization> reached = as(username, () -> plans.schoolsReachedBy(entry));
        List<Long> schools = new ArrayList<>();
        reached.stream().filter(s -> s.name().equals(SENTINEL_SCHOOL)).findFirst().ifPresent(s -> schools.add(s.id()));
        reached.stream().filter(s -> !s.name().equals(SENTINEL_SCHOOL)).limit(3).forEach(s -> schools.add(s.id()));
        if (schools.size() < 3) {
            return;
        }
        ImplementationPlan first = as(username, () -> plans.file(new PlanCommand(entry.id(), start, start.plusDays(4),
                schools, "四至六年级", GraduatingClasses.EXCLUDED, null, 2, 1, DeliveryMode.ON_CAMPUS,
                IntegrationChannel.CLASS_TEAM_MEETING,
                "专业人员于周五班队会时间进班，以案例讲解和互动问答开展，每班一课时；学校无需准备场地和材料，不要求报送照片、简报。",
                null)));
        as("commission", () -> plans.review(first.id(), new PlanReview(PlanReview.Decision.APPROVE,
                "同意。压缩为一课时，先在三所学校开展，效果评估后再扩大。", schools.subList(0, 3), start, start.plusDays(2), 1,
                null, first.version())));
        as(username, () -> plans.file(new PlanCommand(entry.id(), start.plusDays(7), start.plusDays(9),
                List.of(schools.getFirst(), schools.get(3)), "一至三年级", GraduatingClasses.EXCLUDED, null, 1, 0,
                DeliveryMode.RESOURCE_PACK, IntegrationChannel.AFTER_SCHOOL_SERVICE,
                "提供微课视频和绘本资源包，学校在课后服务时段自主选用，部门不进校、不检查、不要求反馈材料。",
                "微课视频 3 节、绘本 1 套、教师指导手册 1 份，由部门送至学校。")));
        log.info("Filed 2 demo implementation plans for \"{}\"", entry.title());
    }

    private <T> T as(String username, Supplier<T> work) {
        return actingAs.call(username, work);
    }
}
