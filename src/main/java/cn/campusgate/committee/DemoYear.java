package cn.campusgate.committee;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
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
import cn.campusgate.whitelist.Objection;
import cn.campusgate.whitelist.Whitelist;
import cn.campusgate.whitelist.WhitelistEntry;
import cn.campusgate.whitelist.WhitelistKind;
import cn.campusgate.whitelist.WhitelistStatus;
import cn.campusgate.whitelist.Whitelists;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The current year's lists of the demo, reached through the same services people use and on the days of the demo's
 * story ({@link DemoTimeline}), so that on a fresh start the public finds both lists in force whatever the date: the
 * current year's items (from {@code DemoYearItems}) pass the expert committee, the commission, the district and the
 * municipal group in November of last year; the commission opens the 公示 of both lists on 1 December for the default
 * seven days; a visitor objects and the commission answers; the district leadership group approves after the period,
 * and the commission publishes both lists, in force from 1 January to 31 December. Only once, on a fresh demo district
 * with the demo progress on.
 */
@Component
@Order(14)
@ConditionalOnProperty(name = {"campusgate.demo.enabled", "campusgate.demo.progress"}, havingValue = "true")
class DemoYear implements ApplicationRunner {

    /** As {@code DemoYearItems} marks the current year's items. */
    static final String CREATED_BY = "demo-year";
    private static final Logger log = LoggerFactory.getLogger(DemoYear.class);

    private final Items items;
    private final Panels panels;
    private final Reviews reviews;
    private final Approvals approvals;
    private final Whitelists whitelists;
    private final Accounts accounts;
    private final ActingAs actingAs;
    private final DemoClock demoClock;
    private final Clock clock;

    DemoYear(Items items, Panels panels, Reviews reviews, Approvals approvals, Whitelists whitelists,
             Accounts accounts, ActingAs actingAs, DemoClock demoClock, Clock clock) {
        this.clock = clock;
        this.items = items;
        this.panels = panels;
        this.reviews = reviews;
        this.approvals = approvals;
        this.whitelists = whitelists;
        this.accounts = accounts;
        this.actingAs = actingAs;
        this.demoClock = demoClock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demoClock.seededThisStart()) {
            return;
        }
        List<Item> year = items.inStatusForSystem(ItemStatus.SUBMITTED).stream()
                .filter(i -> CREATED_BY.equals(i.createdBy())).sorted(Comparator.comparingLong(Item::id)).toList();
        if (year.isEmpty()) {
            return;
        }
        DemoTimeline timeline = DemoTimeline.of(demoClock);
        at(timeline.expertOpinions(), 10);
        year.forEach(item -> sign(item.id()));
        at(timeline.preliminaryReview(), 10);
        year.forEach(item -> decide("commission", item.id(), "初审同意，按白名单要求融入学校工作开展。"));
        at(timeline.districtApproval(), 15);
        year.forEach(item -> decide("district", item.id(), "经区委教育工作领导小组研究，同意列入年度白名单。"));
        at(timeline.municipalFiling(), 10);
        year.forEach(item -> decide("municipal", item.id(), "予以备案。"));

        int listYear = timeline.year();
        List<Whitelist> lists = as("commission", whitelists::managed).stream().map(Whitelists.Summary::list)
                .filter(l -> l.year() == listYear && l.status() == WhitelistStatus.DRAFT)
                .sorted(Comparator.comparing(Whitelist::kind)).toList();
        at(timeline.commentStarts(), 9);
        for (Whitelist list : lists) {
            as("commission", () -> whitelists.startCommentPeriod(list.id(), list.version(), Whitelist.DEFAULT_COMMENT_DAYS));
        }
        lists.stream().filter(l -> l.kind() == WhitelistKind.INSPECTION).findFirst().ifPresent(inspections -> {
            at(timeline.objectionFiled(), 20);
            WhitelistEntry bus = whitelists.entries(whitelists.listInCommentPeriod(inspections.id()), true).stream()
                    .filter(e -> e.title().equals("校车安全检查")).findFirst().orElseThrow();
            whitelists.fileObjection(inspections.id(), bus.id(), "张女士", "13900001111",
                    "校车安全检查安排在开学第一周，学校正忙于开学工作，建议错开，并且不要再让学校准备汇报材料。");
            at(timeline.objectionAnswered(), 10);
            for (Objection objection : as("commission", () -> whitelists.objections(inspections.id()))) {
                as("commission", () -> whitelists.answerObjection(objection.id(),
                        "经与区公安局商定，校车安全检查安排在开学第二周之后进行，检查人员按清单现场查看，不要求学校准备汇报材料。",
                        false));
            }
        });
        at(timeline.listsApproved(), 15);
        for (Whitelist list : lists) {
            Whitelist current = as("district", () -> whitelists.get(list.id()));
            as("district", () -> whitelists.approve(list.id(), current.version(),
                    "公示期满，异议已答复，经区委教育工作领导小组研究，同意发布。"));
        }
        at(timeline.listsPublished(), 10);
        int number = 12;
        for (Whitelist list : lists) {
            Whitelist current = as("commission", () -> whitelists.get(list.id()));
            String documentNumber = "合委教组发〔" + (listYear - 1) + "〕" + number++ + "号";
            as("commission", () -> whitelists.publish(list.id(), current.version(), documentNumber,
                    LocalDate.of(listYear, 1, 1), LocalDate.of(listYear, 12, 31)));
        }
        log.info("Published the demo's {} whitelists ({} items) as of {}", listYear, year.size(),
                timeline.listsPublished());
    }

    private void at(LocalDate day, int hour) {
        demoClock.seedAsOf(DemoTimeline.at(day, hour));
    }

    private void sign(long itemId) {
        Panel panel = as("secretary", () -> panels.page(itemId).panel());
        as("secretary", () -> panels.propose(panel.id(), 3, null));
        Panel convened = as("secretary", () -> panels.convene(panel.id(), LocalDate.now(clock).plusDays(5)));
        for (Review review : convened.currentReviews()) {
            String member = accounts.find(review.accountId()).orElseThrow().username();
            as(member, () -> reviews.confirmNoConflict(review.id()));
            as(member, () -> reviews.submit(review.id(), review()));
        }
        as("secretary", () -> panels.draftOpinion(convened.id()));
        as("secretary", () -> panels.sign(convened.id()));
    }

    private void decide(String username, long itemId, String opinion) {
        as(username, () -> {
            long task = approvals.forItem(itemId).orElseThrow().openTasks().findFirst().orElseThrow().id();
            return approvals.decide(task, Decision.APPROVED, opinion, null);
        });
    }

    private static ReviewCommand review() {
        String[] comments = {"依据明确，属法定或统一部署事项。", "面向学段合理，不含毕业年级。", "方式简便，不增加教师负担。",
                "时间安排避开考试周。", "预期效果具体可感。", "不要求学校报送照片、简报等材料。"};
        return new ReviewCommand(
                Arrays.stream(Aspect.values())
                        .map(a -> new ReviewCommand.AspectInput(a, 4, comments[a.ordinal() % comments.length])).toList(),
                Arrays.stream(Judgement.values()).map(j -> new ReviewCommand.JudgementInput(j, true, "")).toList(),
                Recommendation.APPROVE, "", "");
    }

    private <T> T as(String username, Supplier<T> work) {
        return actingAs.call(username, work);
    }
}
