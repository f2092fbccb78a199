package cn.campusgate.delivery;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.campusgate.core.BusinessRuleViolation;
import cn.campusgate.item.DeliveryMode;
import cn.campusgate.item.GraduatingClasses;
import cn.campusgate.item.IntegrationChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static cn.campusgate.delivery.PlanStatus.APPROVED;
import static cn.campusgate.delivery.PlanStatus.MERGED;
import static cn.campusgate.delivery.PlanStatus.RETURNED;
import static cn.campusgate.delivery.PlanStatus.SUBMITTED;
import static cn.campusgate.delivery.PlanStatus.WITHDRAWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The implementation plan's state machine, cell by cell, and the rules of filing and narrowing. */
class PlanLifecycleTests {

    private static final Instant NOW = Instant.parse("2026-11-30T02:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
    private static final ImplementationPlan.Entry ENTRY = new ImplementationPlan.Entry(7, 70, "消防安全进课堂", "消防安全",
            3, LocalDate.of(2027, 1, 4), LocalDate.of(2027, 3, 31));

    private static final Map<PlanStatus, Set<PlanStatus>> EXPECTED = Map.of(
            SUBMITTED, EnumSet.of(APPROVED, RETURNED, MERGED, WITHDRAWN),
            RETURNED, EnumSet.of(SUBMITTED, WITHDRAWN),
            APPROVED, EnumSet.noneOf(PlanStatus.class),
            MERGED, EnumSet.noneOf(PlanStatus.class),
            WITHDRAWN, EnumSet.noneOf(PlanStatus.class));

    static PlanCommand command(LocalDate start, LocalDate end, List<Long> schools, int hours) {
        return new PlanCommand(ENTRY.id(), start, end, schools, "四至六年级", GraduatingClasses.EXCLUDED, null, hours, 2,
                DeliveryMode.ON_CAMPUS, IntegrationChannel.CLASS_TEAM_MEETING, "消防员进班讲解逃生要领。", null);
    }

    static ImplementationPlan filed() {
        ImplementationPlan plan = ImplementationPlan.file(ENTRY, "区消防救援支队", 2,
                command(LocalDate.of(2027, 1, 11), LocalDate.of(2027, 1, 22), List.of(101L, 102L, 103L), 2), TODAY,
                "dept.fire", NOW);
        plan.assignId(1);
        return plan;
    }

    static ImplementationPlan other(long departmentId, PlanStatus status) {
        ImplementationPlan plan = ImplementationPlan.file(new ImplementationPlan.Entry(8, 80, "防溺水", null,
                        departmentId, ENTRY.startsOn(), ENTRY.endsOn()), "区卫生健康委", 2,
                command(LocalDate.of(2027, 1, 11), LocalDate.of(2027, 1, 22), List.of(101L), 1), TODAY, "dept.health", NOW);
        plan.assignId(2);
        if (status == APPROVED) {
            plan.approve(null, null, null, null, null, "commission", NOW);
        }
        return plan;
    }

    static ImplementationPlan in(PlanStatus status) {
        ImplementationPlan plan = filed();
        switch (status) {
            case SUBMITTED -> { }
            case RETURNED -> plan.returnToDepartment("请压缩课时。", "commission", NOW);
            case APPROVED -> plan.approve(null, null, null, null, null, "commission", NOW);
            case MERGED -> plan.mergeInto(other(9, SUBMITTED), "与防溺水讲座合并。", "commission", NOW);
            case WITHDRAWN -> plan.withdraw(NOW);
        }
        assertThat(plan.status()).isEqualTo(status);
        return plan;
    }

    static void attempt(ImplementationPlan plan, PlanStatus target) {
        switch (target) {
            case SUBMITTED -> plan.resubmit(ENTRY, command(LocalDate.of(2027, 1, 11), LocalDate.of(2027, 1, 15),
                    List.of(101L), 1), TODAY, "dept.fire", NOW);
            case RETURNED -> plan.returnToDepartment("意见", "commission", NOW);
            case APPROVED -> plan.approve(null, null, null, null, null, "commission", NOW);
            case MERGED -> plan.mergeInto(other(9, SUBMITTED), "意见", "commission", NOW);
            case WITHDRAWN -> plan.withdraw(NOW);
        }
    }

    @Test
    void theTransitionTableAllowsExactlyTheLifecycleOfTheIssue() {
        for (PlanStatus from : PlanStatus.values()) {
            for (PlanStatus to : PlanStatus.values()) {
                assertThat(from.canMoveTo(to)).as(from + " → " + to).isEqualTo(EXPECTED.get(from).contains(to));
            }
            assertThat(PlanStatus.successors(from)).as(from.name()).isEqualTo(EXPECTED.get(from));
        }
    }

    /** Every state, reached through the real transitions, takes every allowed move and refuses every other. */
    @ParameterizedTest
    @EnumSource(PlanStatus.class)
    void everyMoveOfTheTableIsTakenOrRefusedWithoutChange(PlanStatus state) {
        for (PlanStatus target : PlanStatus.values()) {
            ImplementationPlan plan = in(state);
            if (state.canMoveTo(target)) {
                attempt(plan, target);
                assertThat(plan.status()).as(state + " → " + target).isEqualTo(target);
            } else {
                assertThatThrownBy(() -> attempt(plan, target)).as(state + " → " + target)
                        .isInstanceOf(BusinessRuleViolation.class)
                        .extracting(e -> ((BusinessRuleViolation) e).messageKey())
                        .isEqualTo("delivery.plan.illegalTransition");
                assertThat(plan.status()).isEqualTo(state);
            }
        }
    }

    @Test
    void aPlanFiledLessThanAMonthAheadIsRefusedWithTheRuleCited() {
        LocalDate tooSoon = TODAY.plusMonths(1).minusDays(1);
        ImplementationPlan.Entry entry = new ImplementationPlan.Entry(7, 70, "消防", null, 3, TODAY, TODAY.plusMonths(3));
        assertThatThrownBy(() -> ImplementationPlan.file(entry, "区消防救援支队", 2, command(tooSoon, tooSoon, List.of(1L), 1),
                TODAY, "dept.fire", NOW))
                .isInstanceOf(BusinessRuleViolation.class)
                .satisfies(e -> {
                    BusinessRuleViolation v = (BusinessRuleViolation) e;
                    assertThat(v.messageKey()).isEqualTo("delivery.plan.tooLate");
                    assertThat(v.arguments()[0]).isEqualTo(ImplementationPlan.LEAD_TIME_CLAUSE);
                });
        LocalDate justInTime = TODAY.plusMonths(1);
        assertThat(ImplementationPlan.file(entry, "区消防救援支队", 2, command(justInTime, justInTime, List.of(1L), 1), TODAY,
                "dept.fire", NOW).status()).isEqualTo(SUBMITTED);
    }

    @Test
    void filingChecksTheEntryWindowGraduatingClassesAndIntegration() {
        assertThatThrownBy(() -> ImplementationPlan.file(ENTRY, "部门", 2, command(LocalDate.of(2027, 3, 25),
                LocalDate.of(2027, 4, 2), List.of(1L), 1), TODAY, "u", NOW)).hasMessage("delivery.plan.outsideEntry");
        PlanCommand graduating = new PlanCommand(7L, LocalDate.of(2027, 1, 11), null, List.of(1L), "九年级",
                GraduatingClasses.INCLUDED, " ", 1, 1, DeliveryMode.ON_CAMPUS, IntegrationChannel.SUBJECT_TEACHING, "安排",
                null);
        assertThatThrownBy(() -> ImplementationPlan.file(ENTRY, "部门", 2, graduating, TODAY, "u", NOW))
                .hasMessage("delivery.plan.graduatingReason");
        PlanCommand notIntegrated = new PlanCommand(7L, LocalDate.of(2027, 1, 11), null, List.of(1L), "四年级",
                GraduatingClasses.EXCLUDED, null, 1, 1, DeliveryMode.ON_CAMPUS, null, "安排", null);
        assertThatThrownBy(() -> ImplementationPlan.file(ENTRY, "部门", 2, notIntegrated, TODAY, "u", NOW))
                .hasMessage("delivery.plan.channelRequired");
        PlanCommand packWithoutResources = new PlanCommand(7L, LocalDate.of(2027, 1, 11), null, List.of(1L), "四年级",
                GraduatingClasses.EXCLUDED, null, 1, 0, DeliveryMode.RESOURCE_PACK, null, "安排", null);
        assertThatThrownBy(() -> ImplementationPlan.file(ENTRY, "部门", 2, packWithoutResources, TODAY, "u", NOW))
                .hasMessage("delivery.plan.resourcePackRequired");
        assertThatThrownBy(() -> ImplementationPlan.file(ENTRY, "部门", 2, command(LocalDate.of(2027, 1, 11), null,
                List.of(), 1), TODAY, "u", NOW)).hasMessage("delivery.plan.schoolsRequired");
    }

    @Test
    void theCommissionNarrowsScheduleSchoolsAndHoursAndTheFiledScopeIsKept() {
        ImplementationPlan plan = filed();
        plan.approve(List.of(101L, 103L), LocalDate.of(2027, 1, 12), LocalDate.of(2027, 1, 15), 1, "压缩为一课时。",
                "commission", NOW);
        assertThat(plan.status()).isEqualTo(APPROVED);
        assertThat(plan.narrowed()).isTrue();
        assertThat(plan.schoolIds()).containsExactly(101L, 103L);
        assertThat(plan.startsOn()).isEqualTo(LocalDate.of(2027, 1, 12));
        assertThat(plan.endsOn()).isEqualTo(LocalDate.of(2027, 1, 15));
        assertThat(plan.classHours()).isEqualTo(1);
        assertThat(plan.askedSchoolIds()).containsExactly(101L, 102L, 103L);
        assertThat(plan.askedClassHours()).isEqualTo(2);
        assertThat(plan.askedStartsOn()).isEqualTo(LocalDate.of(2027, 1, 11));
    }

    @Test
    void theCommissionNeverWidensAPlan() {
        assertThatThrownBy(() -> filed().approve(List.of(101L, 999L), null, null, null, null, "commission", NOW))
                .hasMessage("delivery.review.widerSchools");
        assertThatThrownBy(() -> filed().approve(null, LocalDate.of(2027, 1, 10), null, null, null, "commission", NOW))
                .hasMessage("delivery.review.widerDates");
        assertThatThrownBy(() -> filed().approve(null, null, LocalDate.of(2027, 1, 23), null, null, "commission", NOW))
                .hasMessage("delivery.review.widerDates");
        assertThatThrownBy(() -> filed().approve(null, null, null, 3, null, "commission", NOW))
                .hasMessage("delivery.review.moreHours");
        ImplementationPlan unchanged = filed();
        unchanged.approve(null, null, null, null, null, "commission", NOW);
        assertThat(unchanged.narrowed()).isFalse();
        assertThat(unchanged.schoolIds()).containsExactly(101L, 102L, 103L);
    }

    @Test
    void returningAndMergingNeedAnOpinionAndAMergeNeedsAnotherDepartmentsOpenPlan() {
        assertThatThrownBy(() -> filed().returnToDepartment(" ", "commission", NOW))
                .hasMessage("delivery.review.opinionRequired");
        assertThatThrownBy(() -> filed().mergeInto(other(3, SUBMITTED), "同部门", "commission", NOW))
                .hasMessage("delivery.review.mergeOtherDepartment");
        ImplementationPlan closed = other(9, SUBMITTED);
        closed.withdraw(NOW);
        assertThatThrownBy(() -> filed().mergeInto(closed, "意见", "commission", NOW))
                .hasMessage("delivery.review.mergeTargetClosed");
        ImplementationPlan merged = filed();
        merged.mergeInto(other(9, APPROVED), "与卫健委方案合并实施。", "commission", NOW);
        assertThat(merged.mergedIntoId()).isEqualTo(2L);
    }

    @Test
    void aReturnedPlanIsCorrectedAndFiledAgainFromScratch() {
        ImplementationPlan plan = in(RETURNED);
        plan.resubmit(ENTRY, command(LocalDate.of(2027, 2, 1), LocalDate.of(2027, 2, 3), List.of(102L), 1), TODAY,
                "dept.fire", NOW);
        assertThat(plan.status()).isEqualTo(SUBMITTED);
        assertThat(plan.submissions()).isEqualTo(2);
        assertThat(plan.askedSchoolIds()).containsExactly(102L);
        assertThat(plan.toCommand().startsOn()).isEqualTo(LocalDate.of(2027, 2, 1));
    }
}
