package cn.campusgate.item;

import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import cn.campusgate.core.Actors;
import cn.campusgate.core.AuditedEvent;
import cn.campusgate.core.DemoClock;
import cn.campusgate.organization.Organization;
import cn.campusgate.organization.OrganizationKind;
import cn.campusgate.organization.Organizations;
import cn.campusgate.organization.SchoolStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The current year's items of the demo, submitted in November of the year before (the seed runs as of then, see
 * {@link cn.campusgate.core.DemoTimeline}): eight social affairs and eight inspections of several departments, with
 * windows spread over both semesters so that no school meets more than the semester cap, eight of them national
 * joint deployments outside the year's item cap. {@code DemoYear} (committee) takes them through the chain onto the
 * current year's lists. Only on a fresh demo district with the demo progress on.
 */
@Component
@Order(12)
@ConditionalOnProperty(name = {"campusgate.demo.enabled", "campusgate.demo.progress"}, havingValue = "true")
class DemoYearItems implements ApplicationRunner {

    /** {@code created_by} of these items, so that the other demo runners tell them from next year's. */
    static final String CREATED_BY = "demo-year";
    private static final Logger log = LoggerFactory.getLogger(DemoYearItems.class);
    private static final Set<SchoolStage> BASIC = Set.of(SchoolStage.PRIMARY, SchoolStage.JUNIOR_SECONDARY);
    private static final Set<SchoolStage> ALL_STAGES = Set.of(SchoolStage.PRIMARY, SchoolStage.JUNIOR_SECONDARY,
            SchoolStage.SENIOR_SECONDARY);

    record Planned(String title, String department, AdmissionGround ground, String basis, String form,
                   MonthDay from, MonthDay to, boolean exempt, Set<SchoolStage> stages, int classHours,
                   IntegrationChannel channel) {
    }

    /** 社会事务进校园白名单. */
    static final List<Planned> SOCIAL_AFFAIRS = List.of(
            new Planned("消防安全教育", "区消防救援支队", AdmissionGround.LAW, "《中华人民共和国消防法》第六条",
                    "专题讲座与疏散演练", MonthDay.of(1, 1), MonthDay.of(12, 31), false, BASIC, 1,
                    IntegrationChannel.CLASS_TEAM_MEETING),
            new Planned("道路交通安全教育", "区公安局", AdmissionGround.LAW, "《中华人民共和国道路交通安全法》第六条",
                    "交通安全主题班会", MonthDay.of(3, 1), MonthDay.of(6, 30), false, BASIC, 1,
                    IntegrationChannel.CLASS_TEAM_MEETING),
            new Planned("心理健康教育", "区卫生健康委", AdmissionGround.LAW, "《中华人民共和国精神卫生法》第十六条",
                    "心理健康专题课", MonthDay.of(1, 1), MonthDay.of(12, 31), false, BASIC, 1,
                    IntegrationChannel.CLASS_TEAM_MEETING),
            new Planned("防震减灾应急演练", "区应急管理局", AdmissionGround.LAW, "《中华人民共和国防震减灾法》第四十四条",
                    "应急疏散演练", MonthDay.of(4, 1), MonthDay.of(5, 31), true, BASIC, 1,
                    IntegrationChannel.AFTER_SCHOOL_SERVICE),
            new Planned("国家安全教育日宣传", "区委政法委", AdmissionGround.LAW, "《中华人民共和国国家安全法》第七十六条",
                    "主题班会与展板", MonthDay.of(4, 1), MonthDay.of(4, 30), true, BASIC, 1,
                    IntegrationChannel.CLASS_TEAM_MEETING),
            new Planned("宪法学习宣传", "区司法局", AdmissionGround.UNIFIED_ARRANGEMENT, "全国学生“学宪法 讲宪法”活动安排",
                    "宪法晨读与主题班会", MonthDay.of(11, 15), MonthDay.of(12, 31), true, BASIC, 1,
                    IntegrationChannel.CLASS_TEAM_MEETING),
            new Planned("预防学生溺水专题教育", "区教委", AdmissionGround.UNIFIED_ARRANGEMENT,
                    "教育部等部门预防中小学生溺水工作通知（年度）", "专题班会与家长告知", MonthDay.of(5, 1), MonthDay.of(7, 10),
                    true, BASIC, 1, IntegrationChannel.CLASS_TEAM_MEETING),
            new Planned("儿童青少年近视防控", "区卫生健康委", AdmissionGround.UNIFIED_ARRANGEMENT,
                    "《综合防控儿童青少年近视实施方案》", "视力筛查与用眼卫生课", MonthDay.of(9, 1), MonthDay.of(11, 30), true,
                    BASIC, 1, IntegrationChannel.CLASS_TEAM_MEETING));

    /** 督查检查评比考核事项白名单. */
    static final List<Planned> INSPECTIONS = List.of(
            new Planned("校园食品安全专项检查", "区市场监管局", AdmissionGround.LAW, "《中华人民共和国食品安全法》第一百零九条",
                    "食堂和校园周边食品安全检查", MonthDay.of(1, 1), MonthDay.of(12, 31), true, ALL_STAGES, 0,
                    IntegrationChannel.CAMPUS_CULTURE),
            new Planned("学校消防安全检查", "区消防救援支队", AdmissionGround.LAW, "《中华人民共和国消防法》第五十三条",
                    "消防设施和疏散通道检查", MonthDay.of(11, 1), MonthDay.of(11, 30), false, ALL_STAGES, 0,
                    IntegrationChannel.CAMPUS_CULTURE),
            new Planned("学校安全工作综合督导", "区教委", AdmissionGround.LAW, "《教育督导条例》第十一条",
                    "安全工作综合督导（每年一次）", MonthDay.of(1, 1), MonthDay.of(12, 31), false, ALL_STAGES, 0,
                    IntegrationChannel.CAMPUS_CULTURE),
            new Planned("学校卫生监督检查", "区卫生健康委", AdmissionGround.LAW, "《学校卫生工作条例》第二十八条",
                    "教学环境和饮用水卫生检查", MonthDay.of(9, 1), MonthDay.of(10, 31), false, ALL_STAGES, 0,
                    IntegrationChannel.CAMPUS_CULTURE),
            new Planned("校车安全检查", "区公安局", AdmissionGround.LAW, "《校车安全管理条例》第六条",
                    "校车和驾驶人安全检查", MonthDay.of(2, 15), MonthDay.of(3, 15), false, ALL_STAGES, 0,
                    IntegrationChannel.CAMPUS_CULTURE),
            new Planned("学校特种设备安全检查", "区市场监管局", AdmissionGround.LAW, "《中华人民共和国特种设备安全法》第五十七条",
                    "锅炉、电梯等特种设备检查", MonthDay.of(6, 1), MonthDay.of(6, 30), false, ALL_STAGES, 0,
                    IntegrationChannel.CAMPUS_CULTURE),
            new Planned("学校防汛安全检查", "区应急管理局", AdmissionGround.LAW, "《中华人民共和国防洪法》第三十八条",
                    "汛前校舍和周边隐患检查", MonthDay.of(5, 1), MonthDay.of(6, 30), true, ALL_STAGES, 0,
                    IntegrationChannel.CAMPUS_CULTURE),
            new Planned("农村学校供水设施安全检查", "区水利局", AdmissionGround.LAW, "《中华人民共和国水法》第二十三条",
                    "供水设施和水质检查", MonthDay.of(9, 1), MonthDay.of(9, 30), true, ALL_STAGES, 0,
                    IntegrationChannel.CAMPUS_CULTURE));

    private final ItemRepository repository;
    private final ItemScreening screening;
    private final Organizations organizations;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final DemoClock demoClock;

    DemoYearItems(ItemRepository repository, ItemScreening screening, Organizations organizations, JdbcClient jdbc,
                  ApplicationEventPublisher events, Clock clock, DemoClock demoClock) {
        this.repository = repository;
        this.screening = screening;
        this.organizations = organizations;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
        this.demoClock = demoClock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!demoClock.seededThisStart() || jdbc.sql("SELECT count(*) FROM item").query(Long.class).single() > 0) {
            return;
        }
        Map<String, Organization> departments = Stream.concat(
                        organizations.ofKind(OrganizationKind.DEPARTMENT).stream(),
                        organizations.ofKind(OrganizationKind.EDUCATION_COMMISSION).stream())
                .collect(Collectors.toMap(Organization::name, Function.identity()));
        // The items are for the year after the seed's "today" (November of last year): the current year.
        int year = LocalDate.now(clock).getYear() + 1;
        int seeded = 0;
        for (Planned planned : Stream.concat(SOCIAL_AFFAIRS.stream(), INSPECTIONS.stream()).toList()) {
            Organization department = departments.get(planned.department());
            if (department == null) {
                continue;
            }
            submit(department.id(), content(planned, year));
            seeded++;
        }
        events.publishEvent(new DemoYearItemsSeeded(year, seeded));
        log.info("Seeded {} demo items for {}", seeded, year);
    }

    record DemoYearItemsSeeded(int year, int items) implements AuditedEvent {
        public String actor() { return Actors.SYSTEM; }
        public String action() { return "demo.year-items-seeded"; }
        public String subject() { return "item:demo"; }
        public Map<String, Object> details() { return Map.of("year", year, "items", items); }
    }

    private void submit(long departmentId, ItemContent content) {
        var now = clock.instant();
        Item item = Item.draft(departmentId, content, CREATED_BY, now);
        item.submit(LocalDate.now(clock), List.of(), now);
        repository.save(item);
        repository.saveVersion(item.id(), 1, content, CREATED_BY, now);
        screening.index(item);
        events.publishEvent(new ItemEvents.ItemSubmitted(Actors.SYSTEM, item.id(), departmentId, 1, item.title(),
                content, CREATED_BY));
    }

    static ItemContent content(Planned p, int year) {
        boolean inspection = p.classHours() == 0;
        String text = inspection
                ? p.department() + "依法开展" + p.title() + "，检查人员按清单现场查看，不要求学校另行准备汇报材料、不听取专题汇报、不要求报送照片。"
                : p.department() + "结合" + p.title() + "的重点内容，组织专业人员以案例讲解、互动问答和现场体验等方式开展，"
                        + "内容与学校现有课程不重复，不要求学校报送照片或简报。";
        return new ItemContent(p.title(), p.title(), null, ItemRoute.ANNUAL, p.ground(), p.basis(), text, p.form(),
                DeliveryMode.ON_CAMPUS, p.stages(), null, null, GraduatingClasses.EXCLUDED,
                p.from().atYear(year), p.to().atYear(year), inspection ? Frequency.ONCE : Frequency.PER_SCHOOL_YEAR,
                p.classHours(), inspection ? 1 : 0, false, null,
                inspection ? "及时发现并整改" + p.title().replace("检查", "").replace("督导", "") + "方面的隐患"
                        : "学生掌握" + p.title() + "相关的基本知识和技能",
                inspection ? "检查结果当场反馈学校，问题清单限期整改" : "学校结合课堂观察和学生反馈自评",
                p.channel(), p.exempt(), null);
    }
}
