package cn.campusgate.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import cn.campusgate.core.BusinessRuleViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static cn.campusgate.evaluation.RemovalStatus.AWAITING_DECISION;
import static cn.campusgate.evaluation.RemovalStatus.AWAITING_RESPONSE;
import static cn.campusgate.evaluation.RemovalStatus.KEPT;
import static cn.campusgate.evaluation.RemovalStatus.REMOVAL_DECIDED;
import static cn.campusgate.evaluation.RemovalStatus.REMOVED;
import static cn.campusgate.evaluation.RemovalStatus.WITHDRAWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The removal proposal's state machine, cell by cell, and the rules of each move. */
class RemovalLifecycleTests {

    private static final Instant NOW = Instant.parse("2026-11-30T02:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
    private static final LocalDate DUE = LocalDate.of(2026, 12, 14);

    private static final Map<RemovalStatus, Set<RemovalStatus>> EXPECTED = Map.of(
            AWAITING_RESPONSE, EnumSet.of(AWAITING_DECISION, WITHDRAWN),
            AWAITING_DECISION, EnumSet.of(REMOVAL_DECIDED, KEPT, WITHDRAWN),
            REMOVAL_DECIDED, EnumSet.of(REMOVED),
            REMOVED, EnumSet.noneOf(RemovalStatus.class),
            KEPT, EnumSet.noneOf(RemovalStatus.class),
            WITHDRAWN, EnumSet.noneOf(RemovalStatus.class));

    static RemovalProposal proposed() {
        RemovalProposal p = RemovalProposal.propose(new RemovalProposal.Subject(7, 3, 70, "反诈知识竞赛进校园", 11,
                        "区公安局", 2), new RemovalProposal.Evidence(31, 15, 14, 0.7018, 5, 1, 0, true, true), TODAY, DUE,
                NOW);
        p.assignId(1);
        return p;
    }

    /** A proposal brought into the given state by real moves. */
    static RemovalProposal in(RemovalStatus status) {
        RemovalProposal p = proposed();
        switch (status) {
            case AWAITING_RESPONSE -> { }
            case AWAITING_DECISION -> p.respond("已整改，请保留。", "dept.police", TODAY, NOW);
            case REMOVAL_DECIDED -> { p.respond("说明", "dept.police", TODAY, NOW); p.decide(true, "同意调整出", "district", TODAY, NOW); }
            case REMOVED -> { p.respond("说明", "dept.police", TODAY, NOW); p.decide(true, "同意", "district", TODAY, NOW); p.carriedOut(2, NOW); }
            case KEPT -> { p.respond("说明", "dept.police", TODAY, NOW); p.decide(false, "整改后保留", "district", TODAY, NOW); }
            case WITHDRAWN -> p.withdraw("证据有误", "commission", TODAY, NOW);
        }
        assertThat(p.status()).isEqualTo(status);
        return p;
    }

    @Test
    void theTableIsExactlyTheExpectedOne() {
        for (RemovalStatus from : RemovalStatus.values()) {
            assertThat(RemovalStatus.successors(from)).as("from " + from).isEqualTo(EXPECTED.get(from));
            for (RemovalStatus to : RemovalStatus.values()) {
                assertThat(from.canMoveTo(to)).as(from + " → " + to).isEqualTo(EXPECTED.get(from).contains(to));
            }
            assertThat(from.finished()).isEqualTo(EXPECTED.get(from).isEmpty());
        }
    }

    @ParameterizedTest
    @EnumSource(RemovalStatus.class)
    void everyMoveIsRefusedWhereTheTableHasNoCell(RemovalStatus status) {
        RemovalProposal p = in(status);
        check(p.status().canMoveTo(AWAITING_DECISION), () -> in(status).respond("说明", "dept.police", TODAY, NOW));
        check(p.status().canMoveTo(REMOVAL_DECIDED), () -> in(status).decide(true, "同意", "district", TODAY, NOW));
        check(p.status().canMoveTo(KEPT), () -> in(status).decide(false, "保留", "district", TODAY, NOW));
        check(p.status().canMoveTo(REMOVED), () -> in(status).carriedOut(2, NOW));
        check(p.status().canMoveTo(WITHDRAWN), () -> in(status).withdraw("撤回", "commission", TODAY, NOW));
    }

    private static void check(boolean allowed, Runnable move) {
        if (allowed) {
            move.run();
        } else {
            assertThatThrownBy(move::run).isInstanceOf(BusinessRuleViolation.class)
                    .hasMessage("evaluation.removal.notNow");
        }
    }

    @Test
    void theDepartmentRespondsOnlyWithinItsWindowAndWithText() {
        assertThatThrownBy(() -> proposed().respond("  ", "dept.police", TODAY, NOW))
                .hasMessage("evaluation.removal.responseRequired");
        assertThatThrownBy(() -> proposed().respond("迟到的说明", "dept.police", DUE.plusDays(1), NOW))
                .hasMessage("evaluation.removal.windowClosed");
        RemovalProposal p = proposed();
        p.respond("已整改", "dept.police", DUE, NOW);
        assertThat(p.status()).isEqualTo(AWAITING_DECISION);
        assertThat(p.response()).isEqualTo("已整改");
    }

    @Test
    void theWindowClosesOnlyAfterItsLastDay() {
        assertThatThrownBy(() -> proposed().closeWindow(DUE, NOW)).hasMessage("evaluation.removal.windowOpen");
        RemovalProposal p = proposed();
        p.closeWindow(DUE.plusDays(1), NOW);
        assertThat(p.status()).isEqualTo(AWAITING_DECISION);
        assertThat(p.response()).isNull();
    }

    @Test
    void aDecisionNeedsItsReason() {
        RemovalProposal p = in(AWAITING_DECISION);
        assertThatThrownBy(() -> p.decide(true, null, "district", TODAY, NOW)).hasMessage("evaluation.removal.decisionRequired");
        assertThat(p.status()).isEqualTo(AWAITING_DECISION);
        p.decide(true, "实施成效不明显，调整出白名单", "district", TODAY, NOW);
        assertThat(p.decidedBy()).isEqualTo("district");
        assertThat(p.decidedOn()).isEqualTo(TODAY);
    }
}
