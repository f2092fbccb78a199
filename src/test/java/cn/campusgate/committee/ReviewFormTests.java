package cn.campusgate.committee;

import java.util.List;

import cn.campusgate.ExpertOpinions;
import cn.campusgate.organization.MemberKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The review form's rules, and how the opinion summarises reviews without averaging disagreement away. */
class ReviewFormTests {

    @Test
    void anEmptyFormNamesEveryMissingAnswerField() {
        List<ReviewCommand.Problem> problems = ReviewCommand.blank().problems();
        assertThat(problems).extracting(ReviewCommand.Problem::field)
                .contains("aspects[0].score", "aspects[5].comment", "judgements[0].holds", "judgements[2].holds",
                        "recommendation");
    }

    @Test
    void aNoNeedsAReasonAndCannotGoWithApproval() {
        ReviewCommand complete = ExpertOpinions.review(Recommendation.APPROVE, 4);
        assertThat(complete.problems()).isEmpty();
        ReviewCommand no = new ReviewCommand(complete.aspects(), List.of(
                new ReviewCommand.JudgementInput(Judgement.NECESSITY, false, " "),
                new ReviewCommand.JudgementInput(Judgement.RELEVANCE, true, ""),
                new ReviewCommand.JudgementInput(Judgement.EDUCATIONAL_VALUE, true, "")),
                Recommendation.APPROVE, "", "");
        assertThat(no.problems()).extracting(ReviewCommand.Problem::messageKey)
                .containsExactlyInAnyOrder("committee.review.reasonForNo", "committee.review.approveDespiteNo");
    }

    @Test
    void changesAreListedForApprovalWithChangesAndAReasonForRejection() {
        ReviewCommand base = ExpertOpinions.review(Recommendation.APPROVE, 4);
        assertThat(new ReviewCommand(base.aspects(), base.judgements(), Recommendation.APPROVE_WITH_CHANGES, " ", "")
                .problems()).extracting(ReviewCommand.Problem::messageKey).containsExactly("committee.review.changesRequired");
        assertThat(new ReviewCommand(base.aspects(), base.judgements(), Recommendation.REJECT, "", "")
                .problems()).extracting(ReviewCommand.Problem::messageKey).containsExactly("committee.review.rejectReasonRequired");
        assertThat(ExpertOpinions.review(Recommendation.APPROVE_WITH_CHANGES, 3).toContent().changes())
                .containsExactly("压缩为一课时", "融入班团队会");
    }

    @Test
    void theSummaryShowsTheSpreadTheReasonsTheChangesAndTheDissent() {
        ReviewContent high = ExpertOpinions.review(Recommendation.APPROVE, 5).toContent();
        ReviewContent low = ExpertOpinions.review(Recommendation.REJECT, 1).toContent();
        ReviewContent middle = ExpertOpinions.review(Recommendation.APPROVE, 4).toContent();
        OpinionSummary summary = OpinionSummary.of(List.of(high, low, middle), List.of(MemberKind.EDUCATION_EXPERT,
                MemberKind.PRINCIPAL_TEACHER_REPRESENTATIVE, MemberKind.NPC_DEPUTY), 1);
        OpinionSummary.AspectSpread theme = summary.aspects().getFirst();
        assertThat(theme.min()).isEqualTo(1);
        assertThat(theme.max()).isEqualTo(5);
        assertThat(theme.counts()).containsExactly(1, 0, 0, 1, 1);
        assertThat(theme.disagreement()).isTrue();
        assertThat(theme.notes()).hasSize(1);
        assertThat(summary.judgements().getFirst().no()).isEqualTo(1);
        assertThat(summary.judgements().getFirst().reasons()).containsExactly("与学校现有课程重复");
        assertThat(summary.majority()).isEqualTo(Recommendation.APPROVE);
        assertThat(summary.majorityHolds()).as("two of three").isTrue();
        assertThat(summary.dissent()).singleElement().satisfies(d -> {
            assertThat(d.recommendation()).isEqualTo(Recommendation.REJECT);
            assertThat(d.reason()).contains("与学校已开设的课程重复");
        });
        assertThat(summary.composition()).containsEntry(MemberKind.NPC_DEPUTY, 1);
    }

    @Test
    void aDisagreementIsScoresOnBothSidesOfTheMiddleNotAnyThreeToFiveSpread() {
        OpinionSummary ordinary = OpinionSummary.of(List.of(
                ExpertOpinions.review(Recommendation.APPROVE, 3).toContent(),
                ExpertOpinions.review(Recommendation.APPROVE, 5).toContent(),
                ExpertOpinions.review(Recommendation.APPROVE, 4).toContent()), List.of(), 0);
        assertThat(ordinary.aspects()).allSatisfy(a -> assertThat(a.disagreement()).as("3–5").isFalse());
        OpinionSummary split = OpinionSummary.of(List.of(
                ExpertOpinions.review(Recommendation.APPROVE, 4).toContent(),
                ExpertOpinions.review(Recommendation.REJECT, 2).toContent()), List.of(), 0);
        assertThat(split.aspects()).allSatisfy(a -> assertThat(a.disagreement()).as("2–4").isTrue());
    }

    @Test
    void thePdfTextDoesNotRepeatTheScoreAndJudgementTablesAsProse() {
        org.springframework.context.support.ResourceBundleMessageSource messages =
                new org.springframework.context.support.ResourceBundleMessageSource();
        messages.setBasenames("i18n/committee");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        OpinionWriter writer = new OpinionWriter(messages);
        OpinionSummary summary = OpinionSummary.of(List.of(
                ExpertOpinions.review(Recommendation.APPROVE, 4).toContent(),
                ExpertOpinions.review(Recommendation.APPROVE_WITH_CHANGES, 3).toContent()), List.of(), 0);
        String scoreLine = writer.scoreLine(summary.aspects().getFirst());
        String judgementLine = writer.judgementLine(summary.judgements().getFirst());
        String text = String.join("\n", "引言。", "", writer.m("committee.document.scores"), scoreLine, "",
                writer.m("committee.document.judgements"), judgementLine, "秘书补充的判断说明。", "",
                writer.m("committee.document.changes"), "1. 压缩为一课时");

        String printed = writer.withoutTables(text, summary);

        assertThat(printed).doesNotContain(scoreLine, judgementLine, writer.m("committee.document.scores"))
                .contains("引言。", writer.m("committee.document.judgements"), "秘书补充的判断说明。", "1. 压缩为一课时");
    }

    @Test
    void aTieGoesToTheStricterRecommendation() {
        OpinionSummary summary = OpinionSummary.of(List.of(
                ExpertOpinions.review(Recommendation.APPROVE, 4).toContent(),
                ExpertOpinions.review(Recommendation.APPROVE_WITH_CHANGES, 3).toContent()), List.of(), 0);
        assertThat(summary.majority()).isEqualTo(Recommendation.APPROVE_WITH_CHANGES);
        assertThat(summary.majorityHolds()).as("one of two is no majority").isFalse();
        assertThat(summary.requiredChanges()).containsExactly("压缩为一课时", "融入班团队会");
    }

    @Test
    void threeDifferentViewsAreNoMajorityAndTheOpinionSaysSo() {
        OpinionSummary summary = OpinionSummary.of(List.of(
                ExpertOpinions.review(Recommendation.APPROVE, 4).toContent(),
                ExpertOpinions.review(Recommendation.APPROVE_WITH_CHANGES, 3).toContent(),
                ExpertOpinions.review(Recommendation.REJECT, 2).toContent()), List.of(), 0);
        assertThat(summary.majority()).as("proposed: the stricter").isEqualTo(Recommendation.REJECT);
        assertThat(summary.majorityHolds()).isFalse();
    }
}
