package cn.campusgate.item;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.campusgate.core.Actors;
import cn.campusgate.core.AuditedEvent;
import cn.campusgate.core.DemoClock;
import cn.campusgate.core.DemoTimeline;
import cn.campusgate.organization.Organization;
import cn.campusgate.organization.OrganizationKind;
import cn.campusgate.organization.Organizations;
import cn.campusgate.organization.SchoolStage;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seeds the demo district's submitted items, one for each admissible typical theme of
 * {@code demo/themes.csv} with its usual lead department, so reviewers meet a realistic list and
 * similar themes across departments (预防溺水 by the commission and by the health commission) at once.
 * Runs after the organisations are seeded and only into an empty item table.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "campusgate.demo.enabled", havingValue = "true")
class DemoItems implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoItems.class);
    private static final Set<String> ADMISSIBLE = Set.of("LAW", "UNIFIED_ARRANGEMENT", "ALL_ROUND_DEVELOPMENT");

    private final ItemRepository repository;
    private final ItemScreening screening;
    private final Organizations organizations;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final DemoClock demoClock;

    DemoItems(ItemRepository repository, ItemScreening screening, Organizations organizations, JdbcClient jdbc,
              ApplicationEventPublisher events, Clock clock, DemoClock demoClock) {
        this.demoClock = demoClock;
        this.repository = repository;
        this.screening = screening;
        this.organizations = organizations;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) throws IOException {
        // The current year's demo items (DemoYearItems, with the demo progress) may be there already.
        if (jdbc.sql("SELECT count(*) FROM item WHERE created_by <> :year").param("year", DemoYearItems.CREATED_BY)
                .query(Long.class).single() > 0) {
            return;
        }
        if (demoClock.seededThisStart()) {
            // With the demo's story (see DemoTimeline): next year's items, submitted a few days ago.
            demoClock.seedAsOf(DemoTimeline.at(DemoTimeline.of(demoClock).nextYearItemsSubmitted(), 9));
        }
        Map<String, Organization> departments = java.util.stream.Stream.concat(
                        organizations.ofKind(OrganizationKind.DEPARTMENT).stream(),
                        organizations.ofKind(OrganizationKind.EDUCATION_COMMISSION).stream())
                .collect(Collectors.toMap(Organization::name, Function.identity()));
        // In the demo's story these are next year's items (from March, in its spring semester); otherwise they start in
        // two months.
        LocalDate start = demoClock.seededThisStart()
                ? LocalDate.of(DemoTimeline.of(demoClock).year() + 1, 3, 2)
                : LocalDate.now(clock).plusMonths(2).withDayOfMonth(1);
        int seeded = 0;
        for (CSVRecord row : rows()) {
            Organization department = departments.get(row.get("lead_department"));
            if (department == null || !ADMISSIBLE.contains(row.get("ground"))) {
                continue;
            }
            ItemContent content = content(row.get("theme"), AdmissionGround.valueOf(row.get("ground")),
                    row.get("basis"), department.name(), start.plusWeeks(seeded % 12));
            submit(department.id(), content);
            seeded++;
        }
        // The same theme from a second department: what similar-theme detection is for.
        Organization health = departments.get("区卫生健康委");
        if (health != null) {
            submit(health.id(), content("珍爱生命预防溺水专题讲座", AdmissionGround.UNIFIED_ARRANGEMENT,
                    "教育部等部门预防中小学生溺水工作通知（年度）", "区卫生健康委", start));
            seeded++;
        }
        events.publishEvent(new DemoItemsSeeded(seeded));
        log.info("Seeded {} demo items", seeded);
    }

    record DemoItemsSeeded(int items) implements AuditedEvent {
        public String actor() { return Actors.SYSTEM; }
        public String action() { return "demo.items-seeded"; }
        public String subject() { return "item:demo"; }
        public Map<String, Object> details() { return Map.of("items", items); }
    }

    private void submit(long departmentId, ItemContent content) {
        var now = clock.instant();
        Item item = Item.draft(departmentId, content, "demo", now);
        item.submit(LocalDate.now(clock), List.of(), now);
        repository.save(item);
        repository.saveVersion(item.id(), 1, content, "demo", now);
        screening.index(item);
        // The approval chain starts for demo items as for any other submission.
        events.publishEvent(new ItemEvents.ItemSubmitted(Actors.SYSTEM, item.id(), departmentId, 1, item.title(),
                content, "demo"));
    }

    private static ItemContent content(String theme, AdmissionGround ground, String basis, String department,
                                       LocalDate start) {
        String text = department + "结合" + theme + "的重点内容，组织专业人员以案例讲解、互动问答和现场体验等方式开展，"
                + "内容与学校现有课程不重复，不要求学校报送照片或简报。";
        return new ItemContent(theme, theme, null, ItemRoute.ANNUAL, ground, basis, text, "专题讲座与体验活动",
                DeliveryMode.ON_CAMPUS, Set.of(SchoolStage.PRIMARY, SchoolStage.JUNIOR_SECONDARY), null, null,
                GraduatingClasses.EXCLUDED, start, start.plusMonths(1), Frequency.PER_SCHOOL_YEAR, 1, 0, false, null,
                "学生掌握" + theme + "相关的基本知识和技能", "学校结合课堂观察和学生反馈自评",
                IntegrationChannel.CLASS_TEAM_MEETING, false, null);
    }

    private static List<CSVRecord> rows() throws IOException {
        try (Reader reader = new InputStreamReader(new ClassPathResource("demo/themes.csv").getInputStream(),
                StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
    }
}
