package cn.campusgate.committee;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.campusgate.core.Role;
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
import org.springframework.transaction.annotation.Transactional;

/**
 * Describes the six demo experts on the roster (affiliation, topics, a three-year term around the demo's dates; one
 * with a declared tie to the health commission, one with a commercial tie), right after the demo district exists and
 * before any panel is drawn. Only into a roster nobody has described yet.
 */
@Component
@Order(11)
@ConditionalOnProperty(name = "campusgate.demo.enabled", havingValue = "true")
class DemoRoster implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoRoster.class);

    private final Roster roster;
    private final Accounts accounts;
    private final Organizations organizations;
    private final JdbcClient jdbc;
    private final Clock clock;

    DemoRoster(Roster roster, Accounts accounts, Organizations organizations, JdbcClient jdbc, Clock clock) {
        this.roster = roster;
        this.accounts = accounts;
        this.organizations = organizations;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT count(*) FROM committee_member").query(Long.class).single() > 0) {
            return;
        }
        // A term that began before the demo's story and lasts well past a year of demo-clock moves.
        int year = LocalDate.now(clock).getYear();
        LocalDate termStarts = LocalDate.of(year - 1, 7, 1);
        LocalDate termEnds = LocalDate.of(year + 3, 6, 30);
        Optional<Long> health = organizations.ofKind(OrganizationKind.DEPARTMENT).stream()
                .filter(o -> o.name().equals("区卫生健康委")).map(Organization::id).findFirst();
        Map<String, RosterProfile> profiles = Map.of(
                "expert.edu", new RosterProfile("重庆师范大学教育科学学院", List.of("德育", "心理健康", "劳动教育", "课程"),
                        termStarts, termEnds, true, null, List.of(), List.of()),
                "expert.edu2", new RosterProfile("合川区教育科学研究所", List.of("综合实践", "安全教育", "科学教育", "法治教育"),
                        termStarts, termEnds, true, null, List.of(), List.of()),
                "expert.school", new RosterProfile("合川区南津街街道第一小学（校长）", List.of("学校管理", "课后服务", "消防", "交通安全"),
                        termStarts, termEnds, true, null, List.of(), List.of()),
                "expert.school2", new RosterProfile("合川区二郎镇中心小学（班主任）", List.of("班团队会", "心理健康", "防溺水", "家校沟通"),
                        termStarts, termEnds, true, null, List.of(), List.of()),
                "expert.npc", new RosterProfile("合川区钓鱼城街道社区卫生服务中心", List.of("卫生健康", "食品安全", "传染病防控"),
                        termStarts, termEnds, true, null, health.map(List::of).orElse(List.of()), List.of()),
                "expert.cppcc", new RosterProfile("重庆渝合律师事务所", List.of("法治教育", "未成年人保护", "防范电信诈骗"),
                        termStarts, termEnds, true, null, List.of(), List.of("重庆安学通教育科技有限公司：配偶持股")));
        int described = 0;
        for (Organization committee : organizations.ofKind(OrganizationKind.EXPERT_COMMITTEE)) {
            for (Account expert : accounts.activeHolders(committee.id(), Role.EXPERT)) {
                RosterProfile profile = profiles.get(expert.username());
                if (profile != null) {
                    roster.seed(expert.id(), committee.id(), profile);
                    described++;
                }
            }
        }
        log.info("Described {} demo experts on the committee roster", described);
    }
}
