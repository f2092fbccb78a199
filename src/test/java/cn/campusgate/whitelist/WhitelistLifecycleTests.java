package cn.campusgate.whitelist;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.campusgate.core.BusinessRuleViolation;
import cn.campusgate.item.ItemContent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static cn.campusgate.whitelist.WhitelistStatus.AMENDED;
import static cn.campusgate.whitelist.WhitelistStatus.APPROVED;
import static cn.campusgate.whitelist.WhitelistStatus.ARCHIVED;
import static cn.campusgate.whitelist.WhitelistStatus.COMMENT_PERIOD;
import static cn.campusgate.whitelist.WhitelistStatus.DRAFT;
import static cn.campusgate.whitelist.WhitelistStatus.PUBLISHED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The list's state machine, cell by cell, and the rules each transition adds. */
class WhitelistLifecycleTests {

    private static final Instant NOW = Instant.parse("2026-11-30T02:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    /**
     * The lifecycle as the issue states it: every allowed move, nothing else. COMMENT_PERIOD → COMMENT_PERIOD is the
     * restart of the 公示 when an item joins the list under comment (issue 18, point 5).
     */
    private static final Map<WhitelistStatus, Set<WhitelistStatus>> EXPECTED = Map.of(
            DRAFT, EnumSet.of(COMMENT_PERIOD),
            COMMENT_PERIOD, EnumSet.of(DRAFT, COMMENT_PERIOD, APPROVED),
            APPROVED, EnumSet.of(PUBLISHED),
            PUBLISHED, EnumSet.of(AMENDED, ARCHIVED),
            AMENDED, EnumSet.of(AMENDED, ARCHIVED),
            ARCHIVED, EnumSet.noneOf(WhitelistStatus.class));

    @Test
    void theTransitionTableAllowsExactlyTheLifecycleOfTheIssue() {
        for (WhitelistStatus from : WhitelistStatus.values()) {
            for (WhitelistStatus to : WhitelistStatus.values()) {
                assertThat(from.canMoveTo(to)).as(from + " → " + to).isEqualTo(EXPECTED.get(from).contains(to));
            }
            assertThat(WhitelistStatus.successors(from)).as(from.name()).isEqualTo(EXPECTED.get(from));
        }
    }

    /** Every state, driven through the real transitions, refuses every move the table forbids. */
    @ParameterizedTest
    @EnumSource(WhitelistStatus.class)
    void everyForbiddenMoveIsRefusedWithoutChange(WhitelistStatus state) {
        for (WhitelistStatus target : WhitelistStatus.values()) {
            if (state.canMoveTo(target)) {
                continue;
            }
            Whitelist list = in(state);
            assertThatThrownBy(() -> attempt(list, target)).as(state + " → " + target)
                    .isInstanceOf(BusinessRuleViolation.class)
                    .extracting(e -> ((BusinessRuleViolation) e).messageKey()).isEqualTo("whitelist.illegalTransition");
            assertThat(list.status()).isEqualTo(state);
        }
    }

    @Test
    void everyAllowedMoveSucceedsFromItsState() {
        for (WhitelistStatus from : WhitelistStatus.values()) {
            for (WhitelistStatus to : WhitelistStatus.successors(from)) {
                Whitelist list = in(from);
                attempt(list, to);
                assertThat(list.status()).as(from + " → " + to).isEqualTo(to);
            }
        }
    }

    @Test
    void theCommentPeriodLastsSevenDaysByDefaultAndTakesObjectionsOnlyThen() {
        Whitelist list = Whitelist.draft(1, 2027, WhitelistKind.SOCIAL_AFFAIRS, NOW);
        list.startCommentPeriod(TODAY, Whitelist.DEFAULT_COMMENT_DAYS, 3, NOW);
        assertThat(list.commentEndsOn()).isEqualTo(TODAY.plusDays(6));
        assertThat(list.openForObjections(TODAY)).isTrue();
        assertThat(list.openForObjections(TODAY.plusDays(6))).isTrue();
        assertThat(list.openForObjections(TODAY.plusDays(7))).isFalse();
    }

    @Test
    void aListChangedUnderCommentStartsItsPeriodAgainForAsManyDaysFromTheDayOfTheChange() {
        Whitelist list = Whitelist.draft(1, 2027, WhitelistKind.SOCIAL_AFFAIRS, NOW);
        list.startCommentPeriod(TODAY, 10, 3, NOW);
        assertThat(list.commentRestartedOn()).isNull();
        LocalDate changed = TODAY.plusDays(6);
        list.restartCommentPeriod(changed, NOW);
        assertThat(list.status()).isEqualTo(COMMENT_PERIOD);
        assertThat(list.commentStartsOn()).isEqualTo(changed);
        assertThat(list.commentEndsOn()).as("ten days again, not the four left").isEqualTo(changed.plusDays(9));
        assertThat(list.commentDays()).isEqualTo(10);
        assertThat(list.commentRestartedOn()).isEqualTo(changed);
        assertThat(list.openForObjections(changed.plusDays(9))).isTrue();
        assertThatThrownBy(() -> list.approve("district", "同意", TODAY.plusDays(10), 0, NOW))
                .as("the first period's end no longer allows the approval").hasMessage("whitelist.commentPeriodRunning");
        // Only a list under comment restarts; a running period cannot be started over (or shortened) by hand.
        assertThatThrownBy(() -> list.startCommentPeriod(changed, 7, 3, NOW)).hasMessage("whitelist.illegalTransition");
        for (WhitelistStatus other : List.of(DRAFT, APPROVED, PUBLISHED, AMENDED, ARCHIVED)) {
            Whitelist elsewhere = in(other);
            assertThatThrownBy(() -> elsewhere.restartCommentPeriod(TODAY, NOW)).as(other.name())
                    .hasMessage("whitelist.illegalTransition");
            assertThat(elsewhere.status()).isEqualTo(other);
        }
    }

    @Test
    void plansAreFiledOnlyForListsApprovedOrInForce() {
        assertThat(EnumSet.allOf(WhitelistStatus.class).stream().filter(WhitelistStatus::plannable))
                .containsExactlyInAnyOrder(APPROVED, PUBLISHED, AMENDED);
    }

    @Test
    void aShorterCommentPeriodOrAnEmptyListIsRefused() {
        assertThatThrownBy(() -> Whitelist.draft(1, 2027, WhitelistKind.SOCIAL_AFFAIRS, NOW)
                .startCommentPeriod(TODAY, 5, 3, NOW)).hasMessage("whitelist.commentDays");
        assertThatThrownBy(() -> Whitelist.draft(1, 2027, WhitelistKind.SOCIAL_AFFAIRS, NOW)
                .startCommentPeriod(TODAY, 7, 0, NOW)).hasMessage("whitelist.empty");
    }

    @Test
    void theLeadershipGroupApprovesOnlyAfterThePeriodWithEveryObjectionAnswered() {
        Whitelist list = Whitelist.draft(1, 2027, WhitelistKind.SOCIAL_AFFAIRS, NOW);
        list.startCommentPeriod(TODAY, 7, 3, NOW);
        assertThatThrownBy(() -> list.approve("district", "同意", TODAY.plusDays(6), 0, NOW))
                .hasMessage("whitelist.commentPeriodRunning");
        assertThatThrownBy(() -> list.approve("district", "同意", TODAY.plusDays(7), 1, NOW))
                .hasMessage("whitelist.objectionsUnanswered");
        list.approve("district", "同意发布", TODAY.plusDays(7), 0, NOW);
        assertThat(list.status()).isEqualTo(APPROVED);
        assertThat(list.approvedBy()).isEqualTo("district");
    }

    @Test
    void publishingIsVersionOneAndEveryAmendmentTheNextVersion() {
        Whitelist list = in(APPROVED);
        assertThatThrownBy(() -> list.publish(" ", TODAY, TODAY, NOW)).hasMessage("whitelist.documentNumberRequired");
        assertThatThrownBy(() -> list.publish("合教发〔2027〕1号", LocalDate.of(2027, 3, 1), LocalDate.of(2027, 2, 1), NOW))
                .hasMessage("whitelist.effectiveDates");
        list.publish("合教发〔2027〕1号", LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31), NOW);
        assertThat(list.publishedVersion()).isEqualTo(1);
        assertThat(list.amend(null, NOW)).isEqualTo(2);
        assertThat(list.amend("合教发〔2027〕9号", NOW)).isEqualTo(3);
        assertThat(list.documentNumber()).isEqualTo("合教发〔2027〕9号");
        assertThat(list.status()).isEqualTo(AMENDED);
    }

    @Test
    void aListIsArchivedOnlyOnceItsYearIsOver() {
        Whitelist list = in(PUBLISHED);
        assertThatThrownBy(() -> list.archive(LocalDate.of(2027, 12, 31), NOW)).hasMessage("whitelist.yearNotOver");
        list.archive(LocalDate.of(2028, 1, 1), NOW);
        assertThat(list.status()).isEqualTo(ARCHIVED);
    }

    @Test
    void anInspectionItemGoesOnTheInspectionList() {
        assertThat(WhitelistKind.of(content("安全工作专项督查", "校园安全", "实地检查"))).isEqualTo(WhitelistKind.INSPECTION);
        assertThat(WhitelistKind.of(content("文明校园评比", "文明创建", "材料评审"))).isEqualTo(WhitelistKind.INSPECTION);
        assertThat(WhitelistKind.of(content("消防安全进课堂", "消防安全", "专题讲座"))).isEqualTo(WhitelistKind.SOCIAL_AFFAIRS);
    }

    private static ItemContent content(String title, String theme, String form) {
        return new ItemContent(title, theme, null, null, null, null, null, form, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null);
    }

    /** A list of 2027 brought into {@code state} through the real transitions. */
    static Whitelist in(WhitelistStatus state) {
        Whitelist list = Whitelist.draft(1, 2027, WhitelistKind.SOCIAL_AFFAIRS, NOW);
        if (state == DRAFT) {
            return list;
        }
        list.startCommentPeriod(TODAY, 7, 2, NOW);
        if (state == COMMENT_PERIOD) {
            return list;
        }
        list.approve("district", "同意", TODAY.plusDays(8), 0, NOW);
        if (state == APPROVED) {
            return list;
        }
        list.publish("合教发〔2027〕1号", LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31), NOW);
        if (state == PUBLISHED) {
            return list;
        }
        if (state == AMENDED) {
            list.amend(null, NOW);
            return list;
        }
        list.archive(LocalDate.of(2028, 1, 1), NOW);
        return list;
    }

    private static void attempt(Whitelist list, WhitelistStatus target) {
        switch (target) {
            case DRAFT -> list.returnToDraft(NOW);
            case COMMENT_PERIOD -> {
                if (list.status() == COMMENT_PERIOD) {
                    list.restartCommentPeriod(TODAY.plusDays(3), NOW);
                } else {
                    list.startCommentPeriod(TODAY, 7, 2, NOW);
                }
            }
            case APPROVED -> list.approve("district", "同意", TODAY.plusDays(8), 0, NOW);
            case PUBLISHED -> list.publish("合教发〔2027〕1号", LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31), NOW);
            case AMENDED -> list.amend(null, NOW);
            case ARCHIVED -> list.archive(LocalDate.of(2028, 1, 1), NOW);
        }
    }
}
