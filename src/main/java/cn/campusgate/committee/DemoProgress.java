package cn.campusgate.committee;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import cn.campusgate.approval.Approvals;
import cn.campusgate.approval.Decision;
import cn.campusgate.core.DemoClock;
import cn.campusgate.core.DemoTimeline;
import cn.campusgate.item.Item;
import cn.campusgate.item.ItemStatus;
import cn.campusgate.item.Items;
import cn.campusgate.organization.ActingAs;
import cn.campusgate.organization.Accounts;
import cn.campusgate.whitelist.Whitelist;
import cn.campusgate.whitelist.WhitelistKind;
import cn.campusgate.whitelist.WhitelistStatus;
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
 * Moves some demo items along the chain, through the same services people use, so that every demo account
 * meets work on its first visit: next year's items (from {@code DemoItems}) at the commission, the district and the
 * municipal group, four on next year's whitelist, which is in its public comment period (the default seven days, from
 * yesterday in the demo's story, see {@link DemoTimeline}), one panel in review. Only once, on a fresh demo district.
 */
@Component
@Order(40)
@ConditionalOnProperty(name = {"campusgate.demo.enabled", "campusgate.demo.progress"}, havingValue = "true")
class DemoProgress implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoProgress.class);

    private final Items items;
    private final Panels panels;
    private final Reviews reviews;
    private final Approvals approvals;
    private final Whitelists whitelists;
    private final Accounts accounts;
    private final ActingAs actingAs;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final DemoClock demoClock;

    DemoProgress(Items items, Panels panels, Reviews reviews, Approvals approvals, Whitelists whitelists,
                 Accounts accounts, ActingAs actingAs, JdbcClient jdbc, Clock clock, DemoClock demoClock) {
        this.demoClock = demoClock;
        this.items = items;
        this.panels = panels;
        this.reviews = reviews;
        this.approvals = approvals;
        this.whitelists = whitelists;
        this.accounts = accounts;
        this.actingAs = actingAs;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        // Fresh: next year's demo items (created by 'demo'; the current year's are DemoYear's) have no panel at work.
        boolean fresh = jdbc.sql("""
                SELECT count(*) FROM panel p JOIN item i ON i.id = p.item_id
                WHERE p.status <> 'REQUESTED' AND i.created_by = 'demo'""").query(Long.class).single() == 0
                && jdbc.sql("SELECT count(*) FROM item WHERE created_by = 'demo'").query(Long.class).single() > 0;
        if (!fresh) {
            return;
        }
        DemoTimeline timeline = DemoTimeline.of(demoClock);
        if (demoClock.seededThisStart()) {
            demoClock.seedAsOf(DemoTimeline.at(timeline.nextYearProgress(), 9));
        }
        List<Item> demo = items.inStatusForSystem(ItemStatus.SUBMITTED).stream()
                .filter(i -> "demo".equals(i.createdBy()) && !i.title().contains("溺水")).toList();
        if (demo.size() < 7) {
            return;
        }
        sign(demo.get(0).id(), Recommendation.APPROVE);
        sign(demo.get(1).id(), Recommendation.APPROVE);
        sign(demo.get(2).id(), Recommendation.APPROVE);
        decide("commission", demo.get(2).id(), "初审同意，请控制在一课时内并融入班团队会。");
        sign(demo.get(3).id(), Recommendation.APPROVE);
        decide("commission", demo.get(3).id(), "初审同意。");
        decide("district", demo.get(3).id(), "经领导小组研究，同意列入年度计划。");
        sign(demo.get(4).id(), Recommendation.APPROVE);
        decide("commission", demo.get(4).id(), "初审同意。");
        decide("district", demo.get(4).id(), "同意。");
        decide("municipal", demo.get(4).id(), "予以备案。");
        sign(demo.get(5).id(), Recommendation.APPROVE_WITH_CHANGES);
        inReview(demo.get(6).id());
        // Three more through every step, so that next year's list has entries the public can comment on.
        for (Item item : demo.subList(7, Math.min(10, demo.size()))) {
            sign(item.id(), Recommendation.APPROVE);
            decide("commission", item.id(), "初审同意。");
            decide("district", item.id(), "同意列入年度计划。");
            decide("municipal", item.id(), "予以备案。");
        }
        if (demoClock.seededThisStart()) {
            demoClock.seedAsOf(DemoTimeline.at(timeline.nextYearCommentStarts(), 9));
        }
        openCommentPeriod();
        log.info("Moved {} demo items along the approval chain", Math.min(10, demo.size()));
    }

    /** 公示 of the lists that approved items opened: the public sees them and may object. */
    private void openCommentPeriod() {
        as("commission", whitelists::managed).stream().map(Whitelists.Summary::list)
                .filter(list -> list.status() == WhitelistStatus.DRAFT && list.kind() == WhitelistKind.SOCIAL_AFFAIRS)
                .forEach(list -> as("commission", () -> whitelists.startCommentPeriod(list.id(), list.version(),
                        Whitelist.DEFAULT_COMMENT_DAYS)));
    }

    private void sign(long itemId, Recommendation recommendation) {
        Panel panel = convened(itemId);
        for (Review review : panel.currentReviews()) {
            submit(review, recommendation);
        }
        as("secretary", () -> panels.draftOpinion(panel.id()));
        as("secretary", () -> panels.sign(panel.id()));
    }

    /** A convened panel where two of three members have reviewed. */
    private void inReview(long itemId) {
        Panel panel = convened(itemId);
        panel.currentReviews().stream().limit(2).forEach(review -> submit(review, Recommendation.APPROVE));
    }

    private Panel convened(long itemId) {
        Panel panel = as("secretary", () -> panels.page(itemId).panel());
        as("secretary", () -> panels.propose(panel.id(), 3, null));
        return as("secretary", () -> panels.convene(panel.id(), LocalDate.now(clock).plusDays(7)));
    }

    private void submit(Review review, Recommendation recommendation) {
        String member = accounts.find(review.accountId()).orElseThrow().username();
        as(member, () -> reviews.confirmNoConflict(review.id()));
        as(member, () -> reviews.submit(review.id(), review(recommendation)));
    }

    private void decide(String username, long itemId, String opinion) {
        as(username, () -> {
            long task = approvals.forItem(itemId).orElseThrow().openTasks().findFirst().orElseThrow().id();
            return approvals.decide(task, Decision.APPROVED, opinion, null);
        });
    }

    private static ReviewCommand review(Recommendation recommendation) {
        String[] comments = {"主题明确，符合学生成长需要。", "面向学段和年级合理，不含毕业年级。", "组织方式简便，不增加教师负担。",
                "安排在学期中段，避开考试周。", "预期效果具体可感。", "评价方式不要求学校报送材料。"};
        Aspect[] aspects = Aspect.values();
        return new ReviewCommand(
                Arrays.stream(aspects).map(a -> new ReviewCommand.AspectInput(a, 4, comments[a.ordinal() % comments.length]))
                        .toList(),
                Arrays.stream(Judgement.values()).map(j -> new ReviewCommand.JudgementInput(j, true, "")).toList(),
                recommendation,
                recommendation == Recommendation.APPROVE_WITH_CHANGES ? "压缩为一课时\n说明如何融入班团队会" : "",
                "");
    }

    private <T> T as(String username, Supplier<T> work) {
        return actingAs.call(username, work);
    }
}
