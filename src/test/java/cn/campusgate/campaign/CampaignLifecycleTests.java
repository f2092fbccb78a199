package cn.campusgate.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import cn.campusgate.core.BusinessRuleViolation;
import cn.campusgate.screening.RuleFamily;
import cn.campusgate.screening.Severity;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The three lifecycles of the campaign, each walked over its whole transition table, without Spring. */
class CampaignLifecycleTests {

    static final LocalDate TODAY = LocalDate.of(2024, 7, 25);
    static final Instant NOW = Instant.parse("2024-07-25T02:00:00Z");

    @Test
    void milestoneTransitionTable() {
        Map<MilestoneStatus, Set<MilestoneStatus>> allowed = Map.of(
                MilestoneStatus.PLANNED, EnumSet.of(MilestoneStatus.IN_PROGRESS),
                MilestoneStatus.IN_PROGRESS, EnumSet.of(MilestoneStatus.COMPLETED),
                MilestoneStatus.COMPLETED, EnumSet.of(MilestoneStatus.IN_PROGRESS));
        for (MilestoneStatus from : MilestoneStatus.values()) {
            assertThat(MilestoneStatus.successors(from)).as(from.name()).isEqualTo(allowed.get(from));
            for (MilestoneStatus to : MilestoneStatus.values()) {
                assertThat(from.canMoveTo(to)).as(from + " → " + to).isEqualTo(allowed.get(from).contains(to));
                Milestone m = milestone(from);
                if (allowed.get(from).contains(to)) {
                    assertThat(m.moveTo(to, TODAY, "理由").status()).isEqualTo(to);
                } else {
                    assertThatThrownBy(() -> m.moveTo(to, TODAY, "理由")).isInstanceOf(BusinessRuleViolation.class)
                            .hasMessage("campaign.illegalTransition");
                }
            }
        }
    }

    @Test
    void problemTransitionTable() {
        Map<ProblemStatus, Set<ProblemStatus>> allowed = Map.of(
                ProblemStatus.OPEN, EnumSet.of(ProblemStatus.LEDGERED, ProblemStatus.DISMISSED),
                ProblemStatus.LEDGERED, EnumSet.of(ProblemStatus.CLOSED),
                ProblemStatus.CLOSED, EnumSet.noneOf(ProblemStatus.class),
                ProblemStatus.DISMISSED, EnumSet.noneOf(ProblemStatus.class));
        for (ProblemStatus from : ProblemStatus.values()) {
            assertThat(ProblemStatus.successors(from)).as(from.name()).isEqualTo(allowed.get(from));
            for (ProblemStatus to : ProblemStatus.values()) {
                assertThat(from.canMoveTo(to)).as(from + " → " + to).isEqualTo(allowed.get(from).contains(to));
                Problem p = problem(from);
                if (allowed.get(from).contains(to)) {
                    assertThat(p.moveTo(to).status()).isEqualTo(to);
                } else {
                    assertThatThrownBy(() -> p.moveTo(to)).isInstanceOf(BusinessRuleViolation.class);
                }
            }
        }
        assertThat(ProblemStatus.OPEN.open()).isTrue();
        assertThat(ProblemStatus.LEDGERED.open()).isTrue();
        assertThat(ProblemStatus.CLOSED.open()).isFalse();
        assertThat(ProblemStatus.DISMISSED.open()).isFalse();
    }

    @Test
    void ledgerTransitionTable() {
        Map<LedgerStatus, Set<LedgerStatus>> allowed = Map.of(
                LedgerStatus.ASSIGNED, EnumSet.of(LedgerStatus.IN_PROGRESS, LedgerStatus.SUBMITTED),
                LedgerStatus.IN_PROGRESS, EnumSet.of(LedgerStatus.SUBMITTED),
                LedgerStatus.SUBMITTED, EnumSet.of(LedgerStatus.VERIFIED, LedgerStatus.IN_PROGRESS),
                LedgerStatus.VERIFIED, EnumSet.noneOf(LedgerStatus.class));
        for (LedgerStatus from : LedgerStatus.values()) {
            assertThat(LedgerStatus.successors(from)).as(from.name()).isEqualTo(allowed.get(from));
            for (LedgerStatus to : LedgerStatus.values()) {
                assertThat(from.canMoveTo(to)).as(from + " → " + to).isEqualTo(allowed.get(from).contains(to));
                LedgerEntry e = entry(from);
                if (allowed.get(from).contains(to)) {
                    LedgerEntry moved = e.moveTo(to, "进展", null, null, TODAY, NOW);
                    assertThat(moved.status()).isEqualTo(to);
                    assertThat(moved.verifiedOn()).isEqualTo(to == LedgerStatus.VERIFIED ? TODAY : null);
                } else {
                    assertThatThrownBy(() -> e.moveTo(to, null, null, null, TODAY, NOW))
                            .isInstanceOf(BusinessRuleViolation.class);
                }
            }
        }
    }

    @Test
    void aReopenedMilestoneNeedsItsReasonAndACompletedOneKeepsItsDate() {
        Milestone done = milestone(MilestoneStatus.COMPLETED);
        assertThatThrownBy(() -> done.moveTo(MilestoneStatus.IN_PROGRESS, TODAY, " "))
                .hasMessage("campaign.reasonRequired");
        assertThatThrownBy(() -> done.reschedule(TODAY)).hasMessage("campaign.milestone.completedNoReschedule");
        Milestone completed = milestone(MilestoneStatus.IN_PROGRESS).moveTo(MilestoneStatus.COMPLETED, TODAY, "已部署");
        assertThat(completed.completedOn()).isEqualTo(TODAY);
        assertThat(completed.completedLate()).isTrue(); // due 20 July, done 25 July
    }

    @Test
    void milestonesAreOverdueAfterTheirDateUnlessCompleted() {
        assertThat(milestone(MilestoneStatus.IN_PROGRESS).overdue(TODAY)).isTrue();
        assertThat(milestone(MilestoneStatus.IN_PROGRESS).overdue(LocalDate.of(2024, 7, 20))).isFalse();
        assertThat(milestone(MilestoneStatus.COMPLETED).overdue(TODAY)).isFalse();
        assertThat(MilestoneKind.CONTINUING_SUPERVISION.defaultDueIn(2024)).isNull();
        assertThat(MilestoneKind.BASELINE_SURVEY.defaultDueIn(2024)).isEqualTo(LocalDate.of(2024, 7, 30));
        assertThat(MilestoneKind.SUMMARY.defaultDueIn(2024)).isEqualTo(LocalDate.of(2024, 8, 31));
    }

    @Test
    void aDismissedProblemIsNoTypicalCase() {
        Problem dismissed = problem(ProblemStatus.OPEN).dismissed("经核实为学校自主开展的教学活动");
        assertThat(dismissed.status()).isEqualTo(ProblemStatus.DISMISSED);
        assertThatThrownBy(() -> dismissed.typical(true, "说明")).hasMessage("campaign.problem.dismissedNotTypical");
        assertThat(problem(ProblemStatus.CLOSED).typical(true, "说明").typical()).isTrue();
    }

    static Milestone milestone(MilestoneStatus status) {
        return new Milestone(1, 1, MilestoneKind.DEPLOYMENT, LocalDate.of(2024, 7, 20), status,
                status == MilestoneStatus.COMPLETED ? LocalDate.of(2024, 7, 19) : null, null, 0);
    }

    static Problem problem(ProblemStatus status) {
        return new Problem(1, 1, 1, "R2-INE-CHECK-IN", RuleFamily.INEFFECTIVE, Severity.WARN, "条款", "说明", "打卡",
                status, null, false, null, NOW, 0);
    }

    static LedgerEntry entry(LedgerStatus status) {
        return new LedgerEntry(1, 1, 1, 9, "区卫生健康委", "停止打卡", TODAY.plusDays(10), status, null, null, null, null,
                "commission", NOW, NOW, 0);
    }
}
