package cn.campusgate.supervision;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

import cn.campusgate.organization.ActingAs;
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
 * A few demo complaints moved along through the same services people use, so that the supervisor, the fire
 * brigade, the town of 二郎镇 and the public meet supervision at once: two related complaints grouped into one
 * case waiting to be taken up, a monitoring alert, a hotline complaint in verification, a supervision order
 * waiting for the fire brigade's response, and a closed case with a published exposure. Only once, into an
 * empty complaint table, after the demo district and its items exist.
 */
@Component
@Order(50)
@ConditionalOnProperty(name = {"campusgate.demo.enabled", "campusgate.demo.progress"}, havingValue = "true")
class DemoSupervision implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoSupervision.class);

    private final Complaints complaints;
    private final Cases cases;
    private final Organizations organizations;
    private final ActingAs actingAs;
    private final JdbcClient jdbc;
    private final Clock clock;

    DemoSupervision(Complaints complaints, Cases cases, Organizations organizations, ActingAs actingAs,
                    JdbcClient jdbc, Clock clock) {
        this.complaints = complaints;
        this.cases = cases;
        this.organizations = organizations;
        this.actingAs = actingAs;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT count(*) FROM complaint").query(Long.class).single() > 0
                || organizations.ofKind(OrganizationKind.SCHOOL).isEmpty()) {
            return;
        }
        LocalDate today = LocalDate.now(clock);

        // Two parents about the same health-app campaign at the same school: one case, weight 2.
        complaints.fileOnline(complaint(ComplaintCategory.FORCED_APPS, "合川区二郎镇中心小学", "区卫生健康委", "健康码应用推广",
                today.minusDays(4), "班主任被要求动员全班家长下载某健康应用并实名注册，每天晚上在家长群里通报未完成名单。", null, null), List.of());
        complaints.fileOnline(complaint(ComplaintCategory.FORCED_APPS, "合川区二郎镇中心小学", "区卫生健康委", null,
                today.minusDays(3), "孩子的老师说不下载应用就要被通报，老师每天要截图上报下载率，影响正常上课。", null, null), List.of());

        // A monitoring alert from a sentinel school opens a case without a complainant.
        complaints.openFromMonitoring(complaint(ComplaintCategory.TOO_MANY, "合川区龙市镇中心小学", "区文化旅游委",
                "文明旅游进校园", today.minusDays(6),
                "监测哨点记录：本月同一主题“文明旅游”宣讲进校三次，均要求学校提供活动照片和简报。", null, null));

        // A hotline complaint, identified, in verification.
        Complaints.Filed hotline = as("supervisor", () -> complaints.log(Channel.HOTLINE, complaint(
                ComplaintCategory.UNRELATED_TASKS, "合川区钓鱼城街道第二小学", "区统计局", "经济普查入户登记",
                today.minusDays(7), "来电反映：学校被要求抽调 6 名教师连续两周下午参与经济普查入户登记，课务只能由其他老师代上。",
                "某教师", "139****0000（来电号码已核对）"), List.of()));
        as("supervisor", () -> cases.accept(hotline.caseId(), cases.get(hotline.caseId()).version()));

        // Substantiated: a supervision order waits for the fire brigade's response.
        Complaints.Filed fire = complaints.fileOnline(complaint(ComplaintCategory.FINGERTIP_FORMALISM, "合川区三汇镇中心小学",
                "区消防救援支队", "消防安全知识答题", today.minusDays(12),
                "消防安全线上答题要求全校师生每天参加并截图，班级参与率每天在工作群排名，老师要一个个催。", null, null), List.of());
        as("supervisor", () -> cases.accept(fire.caseId(), cases.get(fire.caseId()).version()));
        as("supervisor", () -> cases.verify(fire.caseId(), cases.get(fire.caseId()).version(), CaseOutcome.SUBSTANTIATED,
                "经核查，区消防救援支队通过工作群要求该校师生每日答题截图，并按班级通报参与率，属实。"));
        as("supervisor", () -> cases.issue(fire.caseId(), cases.get(fire.caseId()).version(), SanctionKind.SUPERVISION_ORDER,
                body("区消防救援支队"), "行动方案三、整治重点（三）：不得滥用应用程序和工作群组，不得打卡、做题、拍照留痕",
                "请立即停止每日答题截图和按班级通报参与率的做法，并于时限内书面回复整改情况。", 5, null));

        // Closed, with the exposure on the public page.
        Complaints.Filed town = complaints.fileOnline(complaint(ComplaintCategory.TEACHERS_DRAWN_AWAY, "合川区二郎镇第二小学",
                "二郎镇", "创文值守", today.minusDays(30),
                "镇里要求学校每周安排 4 名教师周末到街面参加创文值守，已经持续两个月。", null, null), List.of());
        as("supervisor", () -> cases.accept(town.caseId(), cases.get(town.caseId()).version()));
        as("supervisor", () -> cases.verify(town.caseId(), cases.get(town.caseId()).version(), CaseOutcome.SUBSTANTIATED,
                "经核查，二郎镇自本学期起每周安排辖区学校教师周末参加创文街面值守，属实。"));
        Sanction exposure = as("supervisor", () -> cases.issue(town.caseId(), cases.get(town.caseId()).version(),
                SanctionKind.EXPOSURE, body("二郎镇"), "行动方案三、整治重点（一）；五、时间安排（五）：对推动不力的镇街进行通报、约谈、曝光",
                "拟对安排教师参加创文值守问题公开曝光，请于时限内回复整改情况。", 5, null));
        as("town.erlang", () -> cases.respond(exposure.id(), "已停止安排教师参加街面值守，改由镇社区工作人员和志愿者承担。"));
        as("supervisor", () -> cases.publishExposure(town.caseId(), cases.get(town.caseId()).version(), exposure.id(),
                "二郎镇本学期起每周安排辖区学校教师周末参加创文街面值守，将校门外工作不当延伸给学校和教师。经核查属实，已责令立即停止，"
                        + "二郎镇已改由社区工作人员和志愿者承担。"));
        as("supervisor", () -> cases.concludeHandling(town.caseId(), cases.get(town.caseId()).version(), "二郎镇已整改。"));
        as("supervisor", () -> cases.close(town.caseId(), cases.get(town.caseId()).version(),
                "您反映的问题经核查属实，二郎镇已停止安排教师参加创文值守，相关情况已在曝光台公开。感谢您的监督。"));
        log.info("Filed 6 demo complaints in 5 supervision cases, one exposure published");
    }

    private ComplaintCommand complaint(ComplaintCategory category, String school, String body, String itemTitle,
                                       LocalDate happened, String text, String name, String contact) {
        long schoolId = organizations.ofKind(OrganizationKind.SCHOOL).stream().filter(o -> o.name().equals(school))
                .findFirst().orElseThrow().id();
        return new ComplaintCommand(category, schoolId, body(body), itemTitle, happened, text, name, contact);
    }

    private long body(String name) {
        return organizations.ofKind(OrganizationKind.DEPARTMENT).stream().filter(o -> o.name().equals(name))
                .map(Organization::id).findFirst()
                .orElseGet(() -> organizations.towns().stream().filter(o -> o.name().equals(name)).findFirst()
                        .orElseThrow().id());
    }

    private <T> T as(String username, Supplier<T> work) {
        return actingAs.call(username, work);
    }
}
