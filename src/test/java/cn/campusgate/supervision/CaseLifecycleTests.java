package cn.campusgate.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import cn.campusgate.core.Actor;
import cn.campusgate.core.BusinessRuleViolation;
import cn.campusgate.core.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static cn.campusgate.supervision.CaseStatus.CLOSED;
import static cn.campusgate.supervision.CaseStatus.FOLLOW_UP;
import static cn.campusgate.supervision.CaseStatus.HANDLING;
import static cn.campusgate.supervision.CaseStatus.RECEIVED;
import static cn.campusgate.supervision.CaseStatus.VERIFICATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The case's state machine, cell by cell, and the rules each transition adds. */
class CaseLifecycleTests {

    private static final Instant NOW = Instant.parse("2026-11-30T02:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
    private static final LocalDate DUE = LocalDate.of(2026, 12, 14);
    private static final Actor SUPERVISOR = new Actor(7, "supervisor", "督导员", 3, "督导室", Set.of(Role.SUPERVISOR));
    private static final Actor COLLEAGUE = new Actor(8, "supervisor2", "督导员二", 3, "督导室", Set.of(Role.SUPERVISOR));
    private static final Actor DEPARTMENT = new Actor(9, "dept.fire", "消防", 40, "区消防救援支队", Set.of(Role.APPLICANT));

    /** The closed loop as the issue states it: every allowed move, nothing else. */
    private static final Map<CaseStatus, Set<CaseStatus>> EXPECTED = Map.of(
            RECEIVED, EnumSet.of(VERIFICATION, CLOSED),
            VERIFICATION, EnumSet.of(HANDLING, FOLLOW_UP),
            HANDLING, EnumSet.of(FOLLOW_UP, VERIFICATION),
            FOLLOW_UP, EnumSet.of(CLOSED, HANDLING, VERIFICATION),
            CLOSED, EnumSet.noneOf(CaseStatus.class));

    @Test
    void theTransitionTableAllowsExactlyTheClosedLoopOfTheIssue() {
        for (CaseStatus from : CaseStatus.values()) {
            for (CaseStatus to : CaseStatus.values()) {
                assertThat(from.canMoveTo(to)).as(from + " → " + to).isEqualTo(EXPECTED.get(from).contains(to));
            }
            assertThat(CaseStatus.successors(from)).as(from.name()).isEqualTo(EXPECTED.get(from));
        }
    }

    /** Every state, reached through the real transitions, refuses every move the table forbids, unchanged. */
    @ParameterizedTest
    @EnumSource(CaseStatus.class)
    void everyForbiddenMoveIsRefusedWithoutChange(CaseStatus state) {
        for (CaseStatus target : CaseStatus.values()) {
            if (state.canMoveTo(target)) {
                continue;
            }
            SupervisionCase kase = in(state);
            kase.drainTrace();
            assertThatThrownBy(() -> attempt(kase, target)).as(state + " → " + target)
                    .isInstanceOf(BusinessRuleViolation.class)
                    .extracting(e -> ((BusinessRuleViolation) e).messageKey()).isEqualTo("supervision.illegalTransition");
            assertThat(kase.status()).isEqualTo(state);
            assertThat(kase.drainTrace()).as("no history written").isEmpty();
        }
    }

    @Test
    void everyAllowedMoveSucceedsFromItsState() {
        for (CaseStatus from : CaseStatus.values()) {
            for (CaseStatus to : CaseStatus.successors(from)) {
                SupervisionCase kase = in(from);
                attempt(kase, to);
                assertThat(kase.status()).as(from + " → " + to).isEqualTo(to);
                assertThat(kase.dueOn()).isEqualTo(to == CLOSED ? TODAY : DUE);
            }
        }
    }

    @Test
    void aReturnNeedsItsDirectionAndHandlingOnlyWhenSubstantiated() {
        SupervisionCase notSubstantiated = received();
        notSubstantiated.accept(SUPERVISOR, TODAY, DUE, NOW);
        notSubstantiated.verify(SUPERVISOR, CaseOutcome.NOT_SUBSTANTIATED, "查无实据", TODAY, DUE, NOW);
        assertThat(notSubstantiated.status()).isEqualTo(FOLLOW_UP);
        assertThatThrownBy(() -> notSubstantiated.returnTo(HANDLING, SUPERVISOR, "再查", TODAY, DUE, NOW))
                .extracting(e -> ((BusinessRuleViolation) e).messageKey()).isEqualTo("supervision.return.notSubstantiated");
        notSubstantiated.returnTo(VERIFICATION, SUPERVISOR, "投诉人补充了新情况", TODAY, DUE, NOW);
        assertThat(notSubstantiated.status()).isEqualTo(VERIFICATION);
    }

    @Test
    void handlingEndsOnlyAfterAMeasureAndAfterAPendingRemovalIsCarriedOut() {
        SupervisionCase kase = in(HANDLING);
        assertThatThrownBy(() -> kase.concludeHandling(SUPERVISOR, null, TODAY, DUE, NOW))
                .extracting(e -> ((BusinessRuleViolation) e).messageKey()).isEqualTo("supervision.handling.noSanction");
        kase.issue(SanctionKind.WHITELIST_REMOVAL, 40, "区消防救援支队", "行动方案四（四）", "调整出白名单", DUE,
                new Sanction.Entry(1, 2, "消防进校园"), SUPERVISOR, NOW);
        assertThatThrownBy(() -> kase.concludeHandling(SUPERVISOR, null, TODAY, DUE, NOW))
                .extracting(e -> ((BusinessRuleViolation) e).messageKey()).isEqualTo("supervision.handling.removalPending");
        assertThat(kase.status()).isEqualTo(HANDLING);
    }

    @Test
    void measuresAreTakenOnlyInHandlingAndTheRemovalAloneNamesAnEntry() {
        SupervisionCase kase = in(VERIFICATION);
        assertThatThrownBy(() -> kase.issue(SanctionKind.REMINDER_LETTER, 40, "区消防救援支队", "依据", "通知", DUE, null,
                SUPERVISOR, NOW)).extracting(e -> ((BusinessRuleViolation) e).messageKey())
                .isEqualTo("supervision.sanction.notHandling");
        SupervisionCase handling = in(HANDLING);
        assertThatThrownBy(() -> handling.issue(SanctionKind.WHITELIST_REMOVAL, 40, "区消防救援支队", "依据", "通知", DUE,
                null, SUPERVISOR, NOW)).extracting(e -> ((BusinessRuleViolation) e).messageKey())
                .isEqualTo("supervision.sanction.entryRequired");
        assertThat(handling.sanctions()).isEmpty();
    }

    @Test
    void onlyTheBodyAddressedRespondsAndOnlyOnce() {
        SupervisionCase kase = in(HANDLING);
        Sanction sanction = kase.issue(SanctionKind.SUPERVISION_ORDER, 40, "区消防救援支队", "依据", "请整改", DUE, null,
                SUPERVISOR, NOW);
        sanction.assignId(5);
        Actor other = new Actor(10, "dept.police", "公安", 41, "区公安局", Set.of(Role.APPLICANT));
        assertThatThrownBy(() -> kase.respond(5, other, "不是我们", NOW))
                .extracting(e -> ((BusinessRuleViolation) e).messageKey()).isEqualTo("supervision.sanction.notYours");
        kase.respond(5, DEPARTMENT, "已停止要求学校报送照片。", NOW);
        assertThat(sanction.answered()).isTrue();
        assertThatThrownBy(() -> kase.respond(5, DEPARTMENT, "再说一次", NOW))
                .extracting(e -> ((BusinessRuleViolation) e).messageKey()).isEqualTo("supervision.sanction.answered");
    }

    @Test
    void anExtensionIsDecidedBySomeoneElseAndMovesTheDeadline() {
        SupervisionCase kase = in(VERIFICATION);
        Extension extension = kase.requestExtension(SUPERVISOR, 5, "需调取学校工作群记录", NOW);
        extension.assignId(3);
        assertThatThrownBy(() -> kase.requestExtension(SUPERVISOR, 5, "再申请", NOW))
                .extracting(e -> ((BusinessRuleViolation) e).messageKey()).isEqualTo("supervision.extension.pending");
        LocalDate later = DUE.plusDays(7);
        assertThatThrownBy(() -> kase.decideExtension(3, SUPERVISOR, true, null, later, NOW))
                .extracting(e -> ((BusinessRuleViolation) e).messageKey()).isEqualTo("supervision.extension.ownRequest");
        assertThat(kase.dueOn()).isEqualTo(DUE);
        kase.decideExtension(3, COLLEAGUE, true, "同意", later, NOW);
        assertThat(kase.dueOn()).isEqualTo(later);
        assertThat(kase.pendingExtension()).isEmpty();
    }

    @Test
    void anExtensionNeedsAnOpenWorkingStageAndAReasonableLength() {
        assertThatThrownBy(() -> in(RECEIVED).requestExtension(SUPERVISOR, 5, "理由", NOW))
                .extracting(e -> ((BusinessRuleViolation) e).messageKey()).isEqualTo("supervision.extension.notNow");
        assertThatThrownBy(() -> in(HANDLING).requestExtension(SUPERVISOR, 21, "理由", NOW))
                .extracting(e -> ((BusinessRuleViolation) e).messageKey()).isEqualTo("supervision.extension.days");
    }

    @Test
    void anOverdueStageIsFlaggedOnceAndEachFlagClimbsALevelUntilTheNextStage() {
        SupervisionCase kase = in(VERIFICATION);
        kase.markOverdue(NOW);
        assertThat(kase.overdue()).isTrue();
        assertThat(kase.escalationLevel()).isEqualTo(1);
        assertThatThrownBy(() -> kase.markOverdue(NOW)).isInstanceOf(IllegalStateException.class);
        kase.verify(SUPERVISOR, CaseOutcome.SUBSTANTIATED, "属实", TODAY, DUE, NOW);
        assertThat(kase.overdue()).isFalse();
        kase.markOverdue(NOW);
        assertThat(kase.escalationLevel()).isEqualTo(2);
    }

    @Test
    void relatedComplaintsRaiseTheWeight() {
        SupervisionCase kase = received();
        kase.group("system", "", NOW);
        kase.group("system", "", NOW);
        assertThat(kase.weight()).isEqualTo(3);
    }

    // --- driving the aggregate ---

    static SupervisionCase received() {
        return SupervisionCase.open("TS20260001", 1, 2, "合川区二郎镇中心小学", 40L, "区消防救援支队",
                ComplaintCategory.FINGERTIP_FORMALISM, "消防安全打卡", TODAY.minusDays(3), TODAY, DUE, "system", "", NOW);
    }

    /** A case in the state, reached through the real transitions. */
    static SupervisionCase in(CaseStatus state) {
        SupervisionCase kase = received();
        switch (state) {
            case RECEIVED -> { }
            case VERIFICATION -> kase.accept(SUPERVISOR, TODAY, DUE, NOW);
            case HANDLING -> {
                kase.accept(SUPERVISOR, TODAY, DUE, NOW);
                kase.verify(SUPERVISOR, CaseOutcome.SUBSTANTIATED, "属实", TODAY, DUE, NOW);
            }
            case FOLLOW_UP -> {
                kase.accept(SUPERVISOR, TODAY, DUE, NOW);
                kase.verify(SUPERVISOR, CaseOutcome.SUBSTANTIATED, "属实", TODAY, DUE, NOW);
                kase.issue(SanctionKind.REMINDER_LETTER, 40, "区消防救援支队", "依据", "通知", DUE, null, SUPERVISOR, NOW);
                kase.concludeHandling(SUPERVISOR, null, TODAY, DUE, NOW);
            }
            case CLOSED -> kase.refuse(SUPERVISOR, "不属于受理范围", TODAY, NOW);
        }
        assertThat(kase.status()).isEqualTo(state);
        return kase;
    }

    /** The one way each target can be asked for, whatever the current state. */
    static void attempt(SupervisionCase kase, CaseStatus target) {
        CaseStatus from = kase.status();
        switch (target) {
            case RECEIVED -> kase.returnTo(RECEIVED, SUPERVISOR, "退回", TODAY, DUE, NOW);
            case VERIFICATION -> {
                if (from == RECEIVED) {
                    kase.accept(SUPERVISOR, TODAY, DUE, NOW);
                } else {
                    kase.returnTo(VERIFICATION, SUPERVISOR, "再核查", TODAY, DUE, NOW);
                }
            }
            case HANDLING -> {
                if (from == VERIFICATION || from == RECEIVED || from == CLOSED) {
                    kase.verify(SUPERVISOR, CaseOutcome.SUBSTANTIATED, "属实", TODAY, DUE, NOW);
                } else {
                    kase.returnTo(HANDLING, SUPERVISOR, "未整改到位", TODAY, DUE, NOW);
                }
            }
            case FOLLOW_UP -> {
                if (from == VERIFICATION || from == RECEIVED || from == CLOSED) {
                    kase.verify(SUPERVISOR, CaseOutcome.NOT_SUBSTANTIATED, "查无实据", TODAY, DUE, NOW);
                } else {
                    if (from == HANDLING) {
                        kase.issue(SanctionKind.REMINDER_LETTER, 40, "区消防救援支队", "依据", "通知", DUE, null,
                                SUPERVISOR, NOW);
                    }
                    kase.concludeHandling(SUPERVISOR, null, TODAY, DUE, NOW);
                }
            }
            case CLOSED -> {
                if (from == RECEIVED) {
                    kase.refuse(SUPERVISOR, "不属于受理范围", TODAY, NOW);
                } else {
                    kase.close(SUPERVISOR, "已办结", TODAY, NOW);
                }
            }
        }
    }
}
