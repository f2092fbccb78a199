package cn.campusgate.campaign;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

import cn.campusgate.campaign.Campaigns.LedgerCommand;
import cn.campusgate.campaign.Campaigns.OpenCampaignCommand;
import cn.campusgate.campaign.Campaigns.ProblemView;
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
 * The demo district's campaign of the current year, through the same services people use: deployed, surveyed by
 * police, health, fire, a town and a school over the last two years, the problems screened out, most in the ledger
 * at every stage, one typical case. Its milestones stand where today puts them: those whose date has passed are
 * completed (two days ahead of the plan), the next one is under way, the later ones are planned, so nothing is
 * overdue that the demo could have done. Only once, on a fresh demo district, after the demo items moved along and the
 * sentinels recorded (so it runs after {@code DemoProgress} and {@code DemoSentinel}).
 */
@Component
@Order(70)
@ConditionalOnProperty(name = {"campusgate.demo.enabled", "campusgate.demo.progress"}, havingValue = "true")
class DemoCampaign implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCampaign.class);
    /** The year the affairs' dates below are written for; they move with the current year. */
    private static final int WRITTEN_FOR = 2024;

    private final Campaigns campaigns;
    private final Organizations organizations;
    private final cn.campusgate.organization.ActingAs actingAs;
    private final cn.campusgate.organization.Accounts accounts;
    private final JdbcClient jdbc;
    private final Clock clock;

    DemoCampaign(Campaigns campaigns, Organizations organizations, cn.campusgate.organization.ActingAs actingAs,
                 cn.campusgate.organization.Accounts accounts, JdbcClient jdbc, Clock clock) {
        this.accounts = accounts;
        this.campaigns = campaigns;
        this.organizations = organizations;
        this.actingAs = actingAs;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private record Affair(String reporter, String title, String department, AffairKind kind, String date, String school,
                          String hours, boolean approved, String content) {
    }

    private static final List<Affair> AFFAIRS = List.of(
            new Affair("dept.police", "防范电信网络诈骗宣传进校园", "区公安局", AffairKind.PUBLICITY, "2023-09-15", "合川区二郎镇中心小学", "1", true,
                    "民警结合典型案例开展专题讲座，融入班团队会"),
            new Affair("dept.police", "交通安全劝导志愿服务", "区公安局", AffairKind.ACTIVITY, "2023-11-08", "合川中学", "0", false,
                    "组织学生上街开展交通劝导，发放宣传单"),
            new Affair("dept.police", "禁毒知识网络答题", "区禁毒办", AffairKind.DATA_REQUEST, "2024-03-20", "", "0", false,
                    "要求每名学生和家长登录APP答题并截图上传班级群，按参与率通报各校"),
            new Affair("dept.health", "近视防控知识问卷", "区卫生健康委", AffairKind.DATA_REQUEST, "2024-04-10", "", "0", true,
                    "要求家长扫码填写问卷，每日接龙报送完成情况"),
            new Affair("dept.health", "春季传染病防控检查", "区卫生健康委", AffairKind.INSPECTION, "2024-03-05", "合川区二郎镇中心小学", "0", true,
                    "检查学校晨午检记录，要求提供台账和照片"),
            new Affair("dept.fire", "消防安全疏散演练", "区消防救援支队", AffairKind.ACTIVITY, "2023-11-09", "合川区二郎镇中心小学", "1", true,
                    "按学期安排，结合综合实践活动开展"),
            new Affair("dept.fire", "消防宣传月教师值守", "区消防救援支队", AffairKind.OTHER, "2023-11-15", "", "0", false,
                    "安排教师到商场广场参加消防宣传值守"),
            new Affair("town.erlang", "文明城市创建迎检", "二郎镇", AffairKind.INSPECTION, "2023-10-20", "", "2", false,
                    "抽调教师到街道参加文明城市创建值守，要求学校报送简报和照片"),
            new Affair("town.erlang", "人口普查入户登记", "二郎镇", AffairKind.SECONDMENT, "2023-05-08", "", "0", false,
                    "借调3名教师参加入户登记两周"),
            new Affair("school.sentinel", "某培训机构课程推介", "某教育科技公司", AffairKind.ACTIVITY, "2024-05-12", "", "1", false,
                    "进校推销课外辅导课程，向家长收取资料费"),
            new Affair("school.sentinel", "安全教育平台专题学习打卡", "区教委", AffairKind.DATA_REQUEST, "2024-06-03", "", "0", false,
                    "要求学生每日在平台打卡，班主任截图上报完成率"),
            new Affair("school.sentinel", "防溺水安全教育", "区应急管理局", AffairKind.PUBLICITY, "2024-05-28", "", "1", true,
                    "暑假前结合班会开展"));

    @Override
    public void run(ApplicationArguments args) {
        boolean fresh = jdbc.sql("SELECT count(*) FROM campaign").query(Long.class).single() == 0
                && jdbc.sql("SELECT count(*) FROM item WHERE created_by = 'demo'").query(Long.class).single() > 0;
        if (!fresh) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        int year = today.getYear();
        Campaign campaign = as("commission", () -> campaigns.open(new OpenCampaignCommand(year,
                "规范社会事务进校园为中小学教师减负专项整治", LocalDate.of(year - 2, 1, 1))));
        long id = campaign.id();
        List<Milestone> milestones = as("commission", () -> campaigns.milestones(id));
        String[] notes = {"印发专项行动方案，召开专题部署会，明确任务分工。", "各部门、各镇街和学校完成摸排，建立问题清单和整改台账。",
                year + "年社会事务进校园白名单经审核后向社会公布，并在公开平台接受查询。", "工作总结已报区委教育工作领导小组。"};
        boolean earlierDone = true;
        for (int i = 0; i < milestones.size(); i++) {
            Milestone m = milestones.get(i);
            if (!earlierDone) {
                break; // planned, after the one under way
            }
            Milestone running = as("commission", () -> campaigns.moveMilestone(m.id(), m.version(), MilestoneStatus.IN_PROGRESS, ""));
            // Past its date: completed two days ahead of the plan; else under way, and the later ones wait.
            if (m.dueOn() != null && m.dueOn().isBefore(today) && i < notes.length) {
                String note = notes[i];
                as("commission", () -> campaigns.moveMilestone(m.id(), running.version(), MilestoneStatus.COMPLETED, note));
                jdbc.sql("UPDATE campaign_milestone SET completed_on = due_on - 2 WHERE id = :id").param("id", m.id()).update();
            } else {
                earlierDone = false;
            }
        }
        for (Affair a : AFFAIRS) {
            LocalDate written = LocalDate.parse(a.date()).plusYears(year - WRITTEN_FOR);
            // Each affair as long ago as the seed describes it, but never in the future nor before the survey's start.
            LocalDate occurred = written.isAfter(today.minusDays(3)) ? written.minusYears(1) : written;
            as(a.reporter(), () -> campaigns.record(id, new SurveyCommand(a.title(), a.department(), a.kind(),
                    occurred, a.school().isEmpty() ? null : a.school(), new BigDecimal(a.hours()),
                    a.approved(), a.content(), a.content().contains("收取") ? Boolean.TRUE : null,
                    a.content().contains("值守") || a.content().contains("上街") ? Boolean.TRUE : null)));
        }
        List<ProblemView> problems = as("commission", () -> campaigns.problems(id));
        int n = 0;
        for (ProblemView v : problems) {
            // One problem per affair goes into the ledger; the rest wait for the task force.
            if (problems.stream().filter(o -> o.affair().id() == v.affair().id()).findFirst().orElseThrow() != v) {
                continue;
            }
            long owner = ownerOf(v);
            LedgerEntry entry = as("commission", () -> campaigns.assign(v.problem().id(), v.problem().version(),
                    new LedgerCommand(owner, measure(v), today.plusDays(15 + 5L * (v.affair().id() % 4)))));
            String ownerAccount = accountOf(owner);
            if (ownerAccount != null && n % 3 != 2) {
                LedgerEntry started = as(ownerAccount, () -> campaigns.start(entry.id(), entry.version(), "已部署整改，正在落实。"));
                if (n % 3 == 0) {
                    LedgerEntry submitted = as(ownerAccount, () -> campaigns.submit(entry.id(), started.version(),
                            "已停止相关做法并书面告知学校。", "整改通知及告知学校的回执"));
                    if (n % 2 == 0) {
                        as("commission", () -> campaigns.verify(entry.id(), submitted.version(), "整改到位，予以销号。"));
                    }
                }
            }
            n++;
        }
        problems.stream().filter(v -> v.affair().title().equals("禁毒知识网络答题")).findFirst().ifPresent(v -> {
            int version = as("commission", () -> campaigns.problem(v.problem().id())).problem().version();
            as("commission", () -> campaigns.chooseTypical(v.problem().id(), version, true,
                    "以网络答题参与率通报学校，要求家长截图上传，属于典型的“指尖上的形式主义”。专班约谈牵头部门，停止按参与率通报，改为结合道德与法治课开展禁毒教育。"));
        });
        problems.stream().filter(v -> v.affair().title().equals("文明城市创建迎检")).findFirst().ifPresent(v -> {
            int version = as("commission", () -> campaigns.problem(v.problem().id())).problem().version();
            as("commission", () -> campaigns.chooseTypical(v.problem().id(), version, true,
                    "镇街抽调教师参加创建值守并要求学校报送简报照片。专班督促镇街收回通知，创建工作不再安排教师参与。"));
        });
        log.info("Seeded the demo campaign {} with {} surveyed affairs and {} problems", year, AFFAIRS.size(), problems.size());
    }

    private long ownerOf(ProblemView v) {
        if (v.affair().departmentId() != null) {
            return v.affair().departmentId();
        }
        return organizations.ofKind(OrganizationKind.JURISDICTION).stream()
                .filter(o -> o.name().equals(v.affair().departmentName())).map(Organization::id).findFirst()
                .orElse(v.affair().reporterId());
    }

    private @org.jspecify.annotations.Nullable String accountOf(long organizationId) {
        return accounts.activeMembers(organizationId).stream().map(cn.campusgate.organization.Account::username)
                .findFirst().orElse(null);
    }

    private static String measure(ProblemView v) {
        return switch (v.problem().family()) {
            // The refund only where the affair charged families: a measure is read as what was wrong.
            case IRRELEVANT -> "立即停止，不再安排教师或学生参与与教育教学无关的工作"
                    + (v.affair().chargesStudents() ? "；向学生家长收取的费用全额退还。" : "。");
            case DISORDERLY -> "未经审批报备的事项一律停止进校，确需开展的按程序申报列入白名单。";
            case INEFFECTIVE -> "取消打卡、截图、接龙和按参与率通报，改为融入课堂教学开展。";
        };
    }

    private <T> T as(String username, Supplier<T> work) {
        return actingAs.call(username, work);
    }
}
