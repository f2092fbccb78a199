package cn.campusgate.evaluation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The effectiveness figure against values worked out by hand. */
class EffectivenessTests {

    private final Effectiveness rules = Effectiveness.defaults();

    private static Effectiveness.Evidence answers(long ones, long twos, long threes, long fours) {
        return new Effectiveness.Evidence(new long[] {ones, twos, threes, fours}, 0, 0, 0, 0);
    }

    @Test
    void theWilsonLowerBoundMatchesKnownValues() {
        // 8 of 10: p = 0.8, z = 1.96 → 0.4902 (the textbook value); 5 of 5 → 0.5655; 10 of 10 → 0.7225.
        assertThat(Effectiveness.wilsonLowerBound(8, 10)).isCloseTo(0.4902, within(0.0001));
        assertThat(Effectiveness.wilsonLowerBound(5, 5)).isCloseTo(0.5655, within(0.0001));
        assertThat(Effectiveness.wilsonLowerBound(10, 10)).isCloseTo(0.7225, within(0.0001));
        assertThat(Effectiveness.wilsonLowerBound(0, 0)).isZero();
        assertThat(Effectiveness.wilsonLowerBound(0, 20)).isCloseTo(0, within(1e-12));
    }

    @Test
    void withNoEvidenceTheFigureIsTheNeutralPriorAndProposesNothing() {
        Effectiveness.Figure figure = rules.of(answers(0, 0, 0, 0));
        assertThat(figure.score()).isEqualTo(50);
        assertThat(figure.callsForRemoval()).isFalse();
    }

    @Test
    void aHandfulOfAnswersCannotSwingTheFigure() {
        // Two answers of "not at all useful": (10 × 0.5 + 0) / 12 = 0.4167 for the anonymous part; schools neutral 0.5.
        Effectiveness.Figure two = rules.of(answers(2, 0, 0, 0));
        assertThat(two.publicPart()).isCloseTo(5.0 / 12, within(1e-9));
        assertThat(two.score()).isEqualTo(46); // (0.4167 + 0.5) / 2 = 0.4583
        assertThat(two.callsForRemoval()).as("two answers are no evidence").isFalse();
        // Four of them: still below five answers, so no strong dislike and no removal.
        assertThat(rules.of(answers(4, 0, 0, 0)).callsForRemoval()).isFalse();
    }

    @Test
    void manyUnfavourableAnswersMakeAnEntryStronglyDisliked() {
        // 12 answers, 10 of them 1 or 2: Wilson lower bound of 10/12 = 0.5520 < 0.6 → not yet.
        Effectiveness.Figure twelve = rules.of(answers(6, 4, 1, 1));
        assertThat(twelve.dislikeBound()).isCloseTo(0.5520, within(0.0001));
        assertThat(twelve.stronglyDisliked()).isFalse();
        // 15 answers, 14 unfavourable: bound of 14/15 = 0.7018 → strongly disliked.
        Effectiveness.Figure fifteen = rules.of(answers(10, 4, 1, 0));
        assertThat(fifteen.dislikeBound()).isCloseTo(0.7018, within(0.0001));
        assertThat(fifteen.stronglyDisliked()).isTrue();
        assertThat(fifteen.callsForRemoval()).isTrue();
        // anonymous part: (5 + 4 × 1/3 + 1 × 2/3) / 25 = 7/25 = 0.28; with neutral schools (0.28 + 0.5) / 2 = 39
        assertThat(fifteen.publicPart()).isCloseTo(0.28, within(1e-9));
        assertThat(fifteen.score()).isEqualTo(39);
        assertThat(fifteen.belowThreshold()).isTrue();
    }

    @Test
    void schoolsAnswersWeighInWithTheirOwnPrior() {
        // A school: very useful (4), no burden (1), no duplication → 1.0; a poor one: 1, 4, largely → 0.
        assertThat(Effectiveness.schoolValue(4, 1, Duplication.NONE)).isCloseTo(1.0, within(1e-9));
        assertThat(Effectiveness.schoolValue(1, 4, Duplication.LARGELY)).isCloseTo(0.0, within(1e-9));
        assertThat(Effectiveness.schoolValue(3, 2, Duplication.PARTLY)).isCloseTo(0.5 * 2 / 3 + 0.3 * 2 / 3 + 0.1, within(1e-9));
        // Five poor schools: (3 × 0.5 + 0) / 8 = 0.1875; anonymous neutral 0.5 → 34, below 40 with evidence.
        Effectiveness.Figure poor = rules.of(new Effectiveness.Evidence(new long[4], 5, 0, 0, 0));
        assertThat(poor.schoolPart()).isCloseTo(0.1875, within(1e-9));
        assertThat(poor.score()).isEqualTo(34);
        assertThat(poor.belowThreshold()).isTrue();
        assertThat(poor.stronglyDisliked()).isFalse();
    }

    @Test
    void complaintsAndVerifiedViolationsLowerTheFigureUpToAPoint() {
        Effectiveness.Figure one = rules.of(new Effectiveness.Evidence(new long[4], 0, 0, 2, 1));
        assertThat(one.penalty()).isCloseTo(0.14, within(1e-9));
        assertThat(one.score()).isEqualTo(36);
        assertThat(one.belowThreshold()).as("a verified violation is evidence enough").isTrue();
        Effectiveness.Figure many = rules.of(new Effectiveness.Evidence(new long[4], 0, 0, 10, 5));
        assertThat(many.penalty()).isCloseTo(0.3, within(1e-9));
        assertThat(many.score()).isEqualTo(20);
    }

    @Test
    void wellLikedEntriesStayWellAboveTheThreshold() {
        Effectiveness.Figure liked = rules.of(new Effectiveness.Evidence(new long[] {1, 1, 8, 10}, 6, 5.4, 0, 0));
        assertThat(liked.score()).isGreaterThan(70);
        assertThat(liked.callsForRemoval()).isFalse();
    }

    @Test
    void resultsAreShownOnlyForGroupsOfFiveOrMore() {
        assertThat(Group.shown(4)).isFalse();
        assertThat(Group.shown(5)).isTrue();
        assertThat(new Tally(new long[] {1, 1, 1, 1}, java.util.Map.of(), java.util.Map.of(), java.util.List.of()).shown())
                .isFalse();
        assertThat(new Tally(new long[] {1, 1, 1, 2}, java.util.Map.of(), java.util.Map.of(), java.util.List.of()).shown())
                .isTrue();
        assertThat(new SchoolTally(4, 3, 12, 8, 1, 2.0).shown()).as("schools that did not hold it do not count").isFalse();
    }
}
