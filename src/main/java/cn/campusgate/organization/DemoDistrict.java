package cn.campusgate.organization;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.campusgate.core.AuditedEvent;
import cn.campusgate.core.Actors;
import cn.campusgate.core.DemoClock;
import cn.campusgate.core.DemoTimeline;
import cn.campusgate.core.Role;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seeds the demo district (重庆市合川区) into an empty database: its 30 towns and streets, the departments
 * that bring social affairs into schools, about 140 schools, the expert committee and an account for
 * every role. Off in production ({@code campusgate.demo.enabled=false}); never touches a database that
 * already has organisations.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "campusgate.demo.enabled", havingValue = "true")
class DemoDistrict implements ApplicationRunner {

    static final String DEMO_PASSWORD = "CampusGate#2026";
    private static final Logger log = LoggerFactory.getLogger(DemoDistrict.class);

    private final OrganizationRepository organizations;
    private final Accounts accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final DemoClock demoClock;
    private final boolean progress;

    DemoDistrict(OrganizationRepository organizations, Accounts accounts, ApplicationEventPublisher events,
                 Clock clock, DemoClock demoClock, @Value("${campusgate.demo.progress:false}") boolean progress) {
        this.organizations = organizations;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
        this.demoClock = demoClock;
        this.progress = progress;
    }

    record DemoSeeded(int organizations, int accounts) implements AuditedEvent {
        public String actor() { return Actors.SYSTEM; }
        public String action() { return "demo.seeded"; }
        public String subject() { return "organization:demo"; }
        public Map<String, Object> details() { return Map.of("organizations", organizations, "accounts", accounts); }
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) throws IOException {
        if (organizations.count() > 0) {
            return;
        }
        if (progress) {
            // The demo's story starts in November of last year (see DemoTimeline): the seed runs it as of then.
            demoClock.seedAsOf(DemoTimeline.at(DemoTimeline.of(demoClock).historyStarts(), 9));
        }
        Organization city = jurisdiction("500000", "重庆市", JurisdictionLevel.CITY, null, null);
        Organization district = jurisdiction("500117", "合川区", JurisdictionLevel.DISTRICT, null, city);

        Map<String, Organization> towns = new LinkedHashMap<>();
        int townIndex = 1;
        for (CSVRecord row : csv("demo/towns.csv")) {
            TownKind kind = "街道".equals(row.get("kind")) ? TownKind.STREET : TownKind.TOWN;
            String code = "500117" + String.format("%03d", townIndex++);
            towns.put(row.get("name"), jurisdiction(code, row.get("name"), JurisdictionLevel.TOWN, kind, district));
        }

        Map<String, Organization> departments = new LinkedHashMap<>();
        for (CSVRecord row : csv("demo/departments.csv")) {
            OrganizationKind kind = "区教委".equals(row.get("name"))
                    ? OrganizationKind.EDUCATION_COMMISSION : OrganizationKind.DEPARTMENT;
            departments.put(row.get("name"), body(kind, row.get("name"), row.get("short"), district));
        }
        Organization committee = body(OrganizationKind.EXPERT_COMMITTEE, "合川区社会事务进校园专家委员会", "专家委员会", district);
        Organization supervision = body(OrganizationKind.SUPERVISION_OFFICE, "合川区人民政府教育督导室", "教育督导室", district);
        Organization districtGroup = body(OrganizationKind.DISTRICT_LEADERSHIP_GROUP, "中共重庆市合川区委教育工作领导小组",
                "区委教育工作领导小组", district);
        Organization municipalGroup = body(OrganizationKind.MUNICIPAL_LEADERSHIP_GROUP, "中共重庆市委教育工作领导小组",
                "市委教育工作领导小组", city);

        List<Organization> schools = schools(towns);
        Organization sentinelSchool = schools.stream()
                .filter(s -> s.name().equals("合川区二郎镇中心小学")).findFirst().orElseThrow();

        List<Object[]> people = List.of(
                new Object[]{"admin", "系统管理员", district, Set.of(Role.ADMINISTRATOR), null},
                new Object[]{"dept.fire", "周消安", departments.get("区消防救援支队"), Set.of(Role.APPLICANT), null},
                new Object[]{"dept.police", "刘警宁", departments.get("区公安局"), Set.of(Role.APPLICANT), null},
                new Object[]{"dept.health", "陈卫康", departments.get("区卫生健康委"), Set.of(Role.APPLICANT), null},
                new Object[]{"dept.justice", "何法明", departments.get("区司法局"), Set.of(Role.APPLICANT), null},
                new Object[]{"secretary", "杨秘书", committee, Set.of(Role.COMMITTEE_SECRETARY), null},
                new Object[]{"expert.edu", "吴教授", committee, Set.of(Role.EXPERT), MemberKind.EDUCATION_EXPERT},
                new Object[]{"expert.edu2", "郑研究员", committee, Set.of(Role.EXPERT), MemberKind.EDUCATION_EXPERT},
                new Object[]{"expert.school", "孙校长", committee, Set.of(Role.EXPERT), MemberKind.PRINCIPAL_TEACHER_REPRESENTATIVE},
                new Object[]{"expert.school2", "钱老师", committee, Set.of(Role.EXPERT), MemberKind.PRINCIPAL_TEACHER_REPRESENTATIVE},
                new Object[]{"expert.npc", "赵代表", committee, Set.of(Role.EXPERT), MemberKind.NPC_DEPUTY},
                new Object[]{"expert.cppcc", "冯委员", committee, Set.of(Role.EXPERT), MemberKind.CPPCC_MEMBER},
                new Object[]{"commission", "黄专班", departments.get("区教委"), Set.of(Role.COMMISSION_REVIEWER), null},
                new Object[]{"district", "林组长", districtGroup, Set.of(Role.DISTRICT_APPROVER), null},
                new Object[]{"municipal", "邓处长", municipalGroup, Set.of(Role.MUNICIPAL_FILER), null},
                new Object[]{"school.sentinel", "罗校长", sentinelSchool, Set.of(Role.SCHOOL_SENTINEL), null},
                new Object[]{"town.erlang", "唐镇长", towns.get("二郎镇"), Set.of(Role.TOWN_OFFICE), null},
                new Object[]{"supervisor", "曹督学", supervision, Set.of(Role.SUPERVISOR), null});
        for (Object[] person : people) {
            Organization organization = (Organization) person[2];
            @SuppressWarnings("unchecked") Set<Role> roles = (Set<Role>) person[3];
            accounts.createSeeded(new AccountCommand((String) person[0], (String) person[1], null, null,
                    organization.id(), roles, (MemberKind) person[4]), DEMO_PASSWORD);
        }
        int total = (int) organizations.count();
        events.publishEvent(new DemoSeeded(total, people.size()));
        log.info("Seeded the demo district: {} organisations ({} schools), {} accounts", total, schools.size(),
                people.size());
    }

    /**
     * About 140 schools: in each street six primary schools, a junior secondary and a nine-year school;
     * in each town a central primary, a second primary and a junior secondary; and the district's senior
     * secondary, twelve-year and special schools. Every eighth school is a monitoring school.
     */
    private List<Organization> schools(Map<String, Organization> towns) {
        record Planned(String name, SchoolStage stage, Organization town) {
        }
        List<Planned> planned = new ArrayList<>();
        towns.forEach((name, town) -> {
            String prefix = "合川区" + name;
            if (town.townKind() == TownKind.STREET) {
                for (String ordinal : List.of("第一", "第二", "第三", "第四", "第五", "第六")) {
                    planned.add(new Planned(prefix + ordinal + "小学", SchoolStage.PRIMARY, town));
                }
                planned.add(new Planned(prefix + "中学", SchoolStage.JUNIOR_SECONDARY, town));
                planned.add(new Planned(prefix + "九年制学校", SchoolStage.NINE_YEAR, town));
            } else {
                planned.add(new Planned(prefix + "中心小学", SchoolStage.PRIMARY, town));
                planned.add(new Planned(prefix + "第二小学", SchoolStage.PRIMARY, town));
                planned.add(new Planned(prefix + "中学", SchoolStage.JUNIOR_SECONDARY, town));
            }
        });
        planned.add(new Planned("重庆市合川中学", SchoolStage.SENIOR_SECONDARY, towns.get("合阳城街道")));
        planned.add(new Planned("重庆市合川太和中学", SchoolStage.SENIOR_SECONDARY, towns.get("太和镇")));
        planned.add(new Planned("重庆市合川大石中学", SchoolStage.SENIOR_SECONDARY, towns.get("大石街道")));
        planned.add(new Planned("重庆市合川龙市中学", SchoolStage.SENIOR_SECONDARY, towns.get("龙市镇")));
        planned.add(new Planned("重庆市合川实验中学", SchoolStage.TWELVE_YEAR, towns.get("南津街街道")));
        planned.add(new Planned("重庆市合川瑞山中学", SchoolStage.SENIOR_SECONDARY, towns.get("钓鱼城街道")));
        planned.add(new Planned("合川区特殊教育学校", SchoolStage.SPECIAL, towns.get("钓鱼城街道")));
        List<Organization> schools = new ArrayList<>();
        int index = 1;
        for (Planned school : planned) {
            boolean monitoring = index % 8 == 1 || school.name().equals("合川区二郎镇中心小学");
            OrganizationCommand command = new OrganizationCommand(OrganizationKind.SCHOOL,
                    "2150117" + String.format("%03d", index), school.name(), null, null, null, school.town().id(),
                    school.stage(), monitoring, school.town().name(), null);
            schools.add(organizations.save(Organization.create(command, school.town(), "", clock.instant())));
            index++;
        }
        return schools;
    }

    private Organization jurisdiction(String code, String name, JurisdictionLevel level, @Nullable TownKind townKind,
                                      @Nullable Organization parent) {
        OrganizationCommand command = new OrganizationCommand(OrganizationKind.JURISDICTION, code, name, null, level,
                townKind, parent == null ? null : parent.id(), null, false, null, null);
        return organizations.save(Organization.create(command, parent, code, clock.instant()));
    }

    private Organization body(OrganizationKind kind, String name, String shortName, Organization parent) {
        OrganizationCommand command = new OrganizationCommand(kind, null, name, shortName, null, null, parent.id(),
                null, false, null, null);
        String code = "D" + organizations.nextCodeNumber();
        return organizations.save(Organization.create(command, parent, code, clock.instant()));
    }

    private static List<CSVRecord> csv(String resource) throws IOException {
        try (Reader reader = new InputStreamReader(new ClassPathResource(resource).getInputStream(),
                StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
    }
}
