package cn.campusgate.monitoring;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.campusgate.core.BusinessRuleViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static cn.campusgate.monitoring.AlertStatus.ACKNOWLEDGED;
import static cn.campusgate.monitoring.AlertStatus.CASE_OPENED;
import static cn.campusgate.monitoring.AlertStatus.DISMISSED;
import static cn.campusgate.monitoring.AlertStatus.NEW;
import static cn.campusgate.monitoring.ReturnStatus.CONFIRMED;
import static cn.campusgate.monitoring.ReturnStatus.CORRECTED;
import static cn.campusgate.monitoring.ReturnStatus.PREFILLED;
import static cn.campusgate.monitoring.ReturnStatus.REOPENED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The alert's and the monthly return's state machines, cell by cell, and the rules each move adds. */
class MonitoringLifecycleTests {

    private static final Instant NOW = Instant.parse("2026-11-30T02:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    private static final Map<AlertStatus, Set<AlertStatus>> ALERTS = Map.of(
            NEW, EnumSet.of(ACKNOWLEDGED, DISMISSED, CASE_OPENED),
            ACKNOWLEDGED, EnumSet.of(DISMISSED, CASE_OPENED),
            DISMISSED, EnumSet.noneOf(AlertStatus.class),
            CASE_OPENED, EnumSet.noneOf(AlertStatus.class));

    private static final Map<ReturnStatus, Set<ReturnStatus>> RETURNS = Map.of(
            PREFILLED, EnumSet.of(CONFIRMED, CORRECTED),
            CONFIRMED, EnumSet.of(REOPENED),
            CORRECTED, EnumSet.of(REOPENED),
            REOPENED, EnumSet.of(CONFIRMED, CORRECTED));

    static Alert alert(AlertStatus status) {
        Alert alert = new Alert(1L, 0, AlertKind.NOT_COVERED, 5, 10, "合川区二郎镇中心小学", 20, "区公安局", 2,
                List.of("NOT_LISTED", "反诈宣传", "区公安局", "2026-11-20"), NEW, NOW, null, null, null, null);
        switch (status) {
            case NEW -> { }
            case ACKNOWLEDGED -> alert.acknowledge("commission", NOW);
            case DISMISSED -> alert.dismiss("已核实为区教委统一安排。", "commission", NOW);
            case CASE_OPENED -> alert.openCase("转督导室核查。", "commission", NOW);
        }
        return alert;
    }

    static void attempt(Alert alert, AlertStatus target) {
        switch (target) {
            case NEW -> throw new BusinessRuleViolation("monitoring.alert.illegalTransition");
            case ACKNOWLEDGED -> alert.acknowledge("commission", NOW);
            case DISMISSED -> alert.dismiss("理由", "commission", NOW);
            case CASE_OPENED -> alert.openCase("说明", "commission", NOW);
        }
    }

    @Test
    void theAlertTableAllowsExactlyTheLifecycleOfTheIssue() {
        for (AlertStatus from : AlertStatus.values()) {
            for (AlertStatus to : AlertStatus.values()) {
                assertThat(from.canMoveTo(to)).as(from + " → " + to).isEqualTo(ALERTS.get(from).contains(to));
            }
            assertThat(AlertStatus.successors(from)).isEqualTo(ALERTS.get(from));
        }
    }

    @ParameterizedTest
    @EnumSource(AlertStatus.class)
    void everyAlertMoveIsTakenOrRefusedWithoutChange(AlertStatus state) {
        for (AlertStatus target : AlertStatus.values()) {
            Alert alert = alert(state);
            if (state.canMoveTo(target)) {
                attempt(alert, target);
                assertThat(alert.status()).isEqualTo(target);
                assertThat(alert.handledBy()).isEqualTo("commission");
            } else {
                assertThatThrownBy(() -> attempt(alert, target)).as(state + " → " + target)
                        .isInstanceOf(BusinessRuleViolation.class)
                        .extracting(e -> ((BusinessRuleViolation) e).messageKey())
                        .isEqualTo("monitoring.alert.illegalTransition");
                assertThat(alert.status()).isEqualTo(state);
            }
        }
    }

    @Test
    void dismissingAndOpeningACaseNeedAReason() {
        Alert alert = alert(NEW);
        assertThatThrownBy(() -> alert.dismiss("  ", "commission", NOW)).hasMessage("monitoring.alert.reasonRequired");
        assertThatThrownBy(() -> alert.openCase(null, "commission", NOW)).hasMessage("monitoring.alert.reasonRequired");
        assertThat(alert.status()).isEqualTo(NEW);
        alert.dismiss(" 已核实为区教委统一安排。 ", "commission", NOW);
        assertThat(alert.dismissalReason()).isEqualTo("已核实为区教委统一安排。");
    }

    @Test
    void aCoverageAlertReadsByItsReason() {
        Alert alert = alert(NEW);
        assertThat(alert.messageKey()).isEqualTo("monitoring.alert.text.NOT_COVERED.NOT_LISTED");
        assertThat(alert.messageArguments()).containsExactly("反诈宣传", "区公安局", "2026-11-20");
    }

    // --- monthly returns ---

    static MonthlyReturn monthlyReturn(ReturnStatus status) {
        MonthlyReturn r = MonthlyReturn.prefill(10, 2, YearMonth.of(2026, 11), List.of(
                new ReturnLine(1, "消防安全进课堂", "区消防救援支队", LocalDate.of(2026, 11, 9), LocalDate.of(2026, 11, 9), 1, 2,
                        null, true, 1),
                new ReturnLine(2, "防溺水专题讲座", "区卫生健康委", LocalDate.of(2026, 11, 16), LocalDate.of(2026, 11, 20), 2, 1,
                        null, true, 2)), NOW);
        switch (status) {
            case PREFILLED -> { }
            case CONFIRMED -> r.confirm(List.of(), null, TODAY, "school.sentinel", NOW);
            case CORRECTED -> r.confirm(List.of(new MonthlyReturn.LineAnswer(2, false, 0)), null, TODAY, "school.sentinel", NOW);
            case REOPENED -> {
                r.confirm(List.of(), null, TODAY, "school.sentinel", NOW);
                r.reopen("课时与实施方案不符，请核对。");
            }
        }
        assertThat(r.status()).isEqualTo(status);
        return r;
    }

    @Test
    void theReturnTableAllowsExactlyTheLifecycleOfTheIssue() {
        for (ReturnStatus from : ReturnStatus.values()) {
            for (ReturnStatus to : ReturnStatus.values()) {
                assertThat(from.canMoveTo(to)).as(from + " → " + to).isEqualTo(RETURNS.get(from).contains(to));
            }
            assertThat(ReturnStatus.successors(from)).isEqualTo(RETURNS.get(from));
        }
    }

    @ParameterizedTest
    @EnumSource(ReturnStatus.class)
    void everyReturnMoveIsTakenOrRefusedWithoutChange(ReturnStatus state) {
        for (ReturnStatus target : ReturnStatus.values()) {
            MonthlyReturn r = monthlyReturn(state);
            Runnable move = switch (target) {
                case PREFILLED -> () -> {
                    throw new BusinessRuleViolation("monitoring.return.illegalTransition");
                };
                case CONFIRMED -> () -> r.confirm(List.of(), null, TODAY, "school.sentinel", NOW);
                case CORRECTED -> () -> r.confirm(List.of(), "一项活动改期。", TODAY, "school.sentinel", NOW);
                case REOPENED -> () -> r.reopen("请核对。");
            };
            if (state.canMoveTo(target)) {
                move.run();
                assertThat(r.status()).as(state + " → " + target).isEqualTo(target);
            } else {
                assertThatThrownBy(move::run).as(state + " → " + target).isInstanceOf(BusinessRuleViolation.class)
                        .extracting(e -> ((BusinessRuleViolation) e).messageKey())
                        .isEqualTo("monitoring.return.illegalTransition");
                assertThat(r.status()).isEqualTo(state);
            }
        }
    }

    @Test
    void confirmingAsPrefilledKeepsThePlansAndACorrectionIsMarked() {
        MonthlyReturn confirmed = monthlyReturn(CONFIRMED);
        assertThat(confirmed.activitiesTookPlace()).isEqualTo(2);
        assertThat(confirmed.confirmedClassHours()).isEqualTo(3);
        assertThat(confirmed.confirmedBy()).isEqualTo("school.sentinel");

        MonthlyReturn corrected = monthlyReturn(PREFILLED);
        corrected.confirm(List.of(new MonthlyReturn.LineAnswer(1, true, 2), new MonthlyReturn.LineAnswer(2, false, 2)),
                null, TODAY, "school.sentinel", NOW);
        assertThat(corrected.status()).isEqualTo(CORRECTED);
        assertThat(corrected.lines()).extracting(ReturnLine::tookPlace).containsExactly(true, false);
        assertThat(corrected.lines()).extracting(ReturnLine::classHours).containsExactly(2, 0);
        assertThat(corrected.confirmedClassHours()).isEqualTo(2);
    }

    @Test
    void aReturnIsNotConfirmedBeforeItsMonthNorWithImpossibleHours() {
        MonthlyReturn r = MonthlyReturn.prefill(10, 2, YearMonth.of(2026, 12), List.of(), NOW);
        assertThatThrownBy(() -> r.confirm(List.of(), null, TODAY, "school.sentinel", NOW))
                .hasMessage("monitoring.return.notYet");
        MonthlyReturn november = monthlyReturn(PREFILLED);
        assertThatThrownBy(() -> november.confirm(List.of(new MonthlyReturn.LineAnswer(1, true, 500)), null, TODAY,
                "school.sentinel", NOW)).hasMessage("monitoring.return.hoursRange");
        assertThat(november.status()).isEqualTo(PREFILLED);
    }

    @Test
    void anUnconfirmedReturnFollowsThePlansAConfirmedOneDoesNot() {
        MonthlyReturn r = monthlyReturn(PREFILLED);
        List<ReturnLine> one = r.lines().subList(0, 1);
        assertThat(r.refresh(one, NOW)).isTrue();
        assertThat(r.lines()).hasSize(1);
        MonthlyReturn confirmed = monthlyReturn(CONFIRMED);
        assertThat(confirmed.refresh(one, NOW)).isFalse();
        assertThat(confirmed.lines()).hasSize(2);
    }
}
