package cn.campusgate.delivery;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.campusgate.approval.Semester;
import cn.campusgate.delivery.ScheduleRules.Activity;
import cn.campusgate.delivery.ScheduleRules.Assessment;
import cn.campusgate.delivery.ScheduleRules.ExamWeek;
import cn.campusgate.delivery.ScheduleRules.WarningKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Caps, clustering and exam weeks on one school's semester schedule. */
class ScheduleRulesTests {

    private static final Semester SPRING = new Semester(2027, false);
    private final ScheduleRules rules = new ScheduleRules(14, 2, List.of(ExamWeek.parse("04-19/04-23"),
            ExamWeek.parse("06-28/07-09"), ExamWeek.parse("01-11/01-22")));

    private static Activity on(long id, String day, boolean pending) {
        LocalDate d = LocalDate.parse(day);
        return new Activity(id, "活动" + id, "部门", d, d, pending);
    }

    private List<WarningKind> kinds(Assessment a) {
        return a.warnings().stream().map(ScheduleRules.Warning::kind).toList();
    }

    @Test
    void activitiesWithinTheCapAndApartRaiseNothing() {
        Assessment a = rules.assess(SPRING, List.of(on(1, "2027-03-01", false), on(2, "2027-03-20", false),
                on(3, "2027-05-10", false)), 6);
        assertThat(a.warnings()).isEmpty();
        assertThat(a.approved()).isEqualTo(3);
    }

    @Test
    void approvedActivitiesOverTheCapAreFlaggedAndPendingOnesThatWouldExceedItToo() {
        List<Activity> seven = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            seven.add(on(i + 1, LocalDate.of(2027, 3, 1).plusWeeks(2L * i).toString(), false));
        }
        Assessment over = rules.assess(SPRING, seven, 6);
        assertThat(kinds(over)).containsExactly(WarningKind.OVER_CAP);
        assertThat(over.warnings().getFirst().count()).isEqualTo(7);
        assertThat(over.warnings().getFirst().limit()).isEqualTo(6);

        List<Activity> atCapPlusPending = new ArrayList<>(seven.subList(0, 6));
        atCapPlusPending.add(on(99, "2027-07-20", true));
        Assessment pending = rules.assess(SPRING, atCapPlusPending, 6);
        assertThat(kinds(pending)).containsExactly(WarningKind.PENDING_OVER_CAP);
        assertThat(pending.warnings().getFirst().planIds()).containsExactly(99L);

        Assessment exactlyAtCap = rules.assess(SPRING, seven.subList(0, 6), 6);
        assertThat(exactlyAtCap.warnings()).isEmpty();
    }

    @Test
    void activitiesOfOtherSemestersDoNotCount() {
        Assessment a = rules.assess(SPRING, List.of(on(1, "2026-12-01", false), on(2, "2027-09-01", false),
                on(3, "2027-03-03", false)), 1);
        assertThat(a.activities()).extracting(Activity::planId).containsExactly(3L);
        assertThat(a.warnings()).isEmpty();
    }

    @Test
    void moreThanTheAllowedNumberWithinTheWindowIsACluster() {
        Assessment two = rules.assess(SPRING, List.of(on(1, "2027-03-01", false), on(2, "2027-03-14", false)), 6);
        assertThat(two.warnings()).as("two within 14 days is allowed").isEmpty();

        Assessment three = rules.assess(SPRING, List.of(on(1, "2027-03-01", false), on(2, "2027-03-08", false),
                on(3, "2027-03-14", true)), 6);
        assertThat(kinds(three)).containsExactly(WarningKind.CLUSTER);
        ScheduleRules.Warning cluster = three.warnings().getFirst();
        assertThat(cluster.planIds()).containsExactly(1L, 2L, 3L);
        assertThat(cluster.from()).isEqualTo(LocalDate.of(2027, 3, 1));
        assertThat(cluster.to()).isEqualTo(LocalDate.of(2027, 3, 14));
        assertThat(three.warned(3)).isTrue();

        Assessment spread = rules.assess(SPRING, List.of(on(1, "2027-03-01", false), on(2, "2027-03-08", false),
                on(3, "2027-03-15", false)), 6);
        assertThat(spread.warnings()).as("the third falls on day 15, outside the window").isEmpty();
    }

    @Test
    void aLongActivityCountsOnEveryDayItSpansAndOverlappingClustersAreReportedOnce() {
        Activity week = new Activity(1, "活动周", "部门", LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 20), false);
        Assessment a = rules.assess(SPRING, List.of(week, on(2, "2027-03-18", false), on(3, "2027-03-19", false),
                on(4, "2027-03-20", false)), 6);
        assertThat(kinds(a)).containsExactly(WarningKind.CLUSTER);
        assertThat(a.warnings().getFirst().planIds()).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void theWindowAndCountAreConfigurable() {
        ScheduleRules strict = new ScheduleRules(30, 1, List.of());
        Assessment a = strict.assess(SPRING, List.of(on(1, "2027-03-01", false), on(2, "2027-03-25", false)), 6);
        assertThat(kinds(a)).containsExactly(WarningKind.CLUSTER);
    }

    @Test
    void activitiesOnExamWeeksAreFlagged() {
        Assessment a = rules.assess(SPRING, List.of(on(1, "2027-04-21", false), on(2, "2027-05-12", false),
                new Activity(3, "夏令营", "部门", LocalDate.of(2027, 7, 5), LocalDate.of(2027, 7, 20), false)), 6);
        assertThat(kinds(a)).containsExactly(WarningKind.EXAM_WEEK, WarningKind.EXAM_WEEK);
        assertThat(a.warnings().get(0).planIds()).containsExactly(1L);
        assertThat(a.warnings().get(0).from()).isEqualTo(LocalDate.of(2027, 4, 19));
        assertThat(a.warnings().get(1).planIds()).containsExactly(3L);

        Assessment autumn = rules.assess(new Semester(2026, true), List.of(on(4, "2027-01-12", false)), 6);
        assertThat(kinds(autumn)).as("January's finals belong to the autumn semester").containsExactly(WarningKind.EXAM_WEEK);
    }
}
