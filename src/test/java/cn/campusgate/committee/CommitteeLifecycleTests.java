package cn.campusgate.committee;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.campusgate.core.Actor;
import cn.campusgate.core.BusinessRuleViolation;
import cn.campusgate.core.Role;
import cn.campusgate.organization.MemberKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The committee's lifecycles without a database: the whole transition table of the panel, the review and
 * the opinion, and the panel's rules (composition, reasons, declaration before review, final submission,
 * quorum, signing only once every member answered or the deadline passed, a new round after a return).
 */
class CommitteeLifecycleTests {

    static final Instant NOW = Instant.parse("2026-11-30T02:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
    static final Actor SECRETARY = new Actor(1, "secretary", "杨秘书", 10, "专家委员会", Set.of(Role.COMMITTEE_SECRETARY));

    static Actor member(long id) {
        return new Actor(id, "expert" + id, "委员" + id, 10, "专家委员会", Set.of(Role.EXPERT));
    }

    /** Ids 11–15: an education expert, a principal, an NPC deputy, a CPPCC member and a second expert. */
    static List<Candidate> roster() {
        return List.of(candidate(11, MemberKind.EDUCATION_EXPERT), candidate(12, MemberKind.PRINCIPAL_TEACHER_REPRESENTATIVE),
                candidate(13, MemberKind.NPC_DEPUTY), candidate(14, MemberKind.CPPCC_MEMBER),
                candidate(15, MemberKind.EDUCATION_EXPERT), candidate(16, MemberKind.PRINCIPAL_TEACHER_REPRESENTATIVE));
    }

    static Candidate candidate(long id, MemberKind kind, Conflict... reasons) {
        return new Candidate(id, "委员" + id, kind, 0, false, false, List.of(reasons));
    }

    static Panel requested() {
        return Panel.request(7, 70, 10, "消防安全进课堂", TODAY.plusDays(14), 5, "dept.fire", NOW);
    }

    static Panel convened(int size) {
        Panel panel = requested();
        panel.propose(DrawRecord.panel(roster(), size, 42), SECRETARY, NOW);
        numbered(panel.convene(roster(), TODAY.plusDays(5), TODAY, SECRETARY, NOW));
        return panel;
    }

    /** Gives new reviews ids, as the repository would. */
    static void numbered(List<Review> reviews) {
        reviews.forEach(r -> {
            if (r.isNew()) {
                r.assignId(r.accountId() * 100 + r.round());
            }
        });
    }

    static void reviewed(Panel panel, long member, Recommendation recommendation) {
        panel.confirmNoConflict(member(member), NOW);
        panel.submit(member(member), content(recommendation), NOW);
    }

    // --- the transition tables ---

    @Test
    void thePanelTableHasExactlyTheseMoves() {
        Map<PanelStatus, Set<PanelStatus>> expected = Map.of(
                PanelStatus.REQUESTED, EnumSet.of(PanelStatus.PROPOSED, PanelStatus.CLOSED),
                PanelStatus.PROPOSED, EnumSet.of(PanelStatus.PROPOSED, PanelStatus.REQUESTED, PanelStatus.CONVENED,
                        PanelStatus.CLOSED),
                PanelStatus.CONVENED, EnumSet.of(PanelStatus.SIGNED, PanelStatus.CLOSED),
                PanelStatus.SIGNED, EnumSet.of(PanelStatus.CONVENED, PanelStatus.CLOSED),
                PanelStatus.CLOSED, EnumSet.noneOf(PanelStatus.class));
        for (PanelStatus from : PanelStatus.values()) {
            for (PanelStatus to : PanelStatus.values()) {
                assertThat(from.canMoveTo(to)).as(from + " → " + to).isEqualTo(expected.get(from).contains(to));
            }
        }
    }

    @Test
    void theReviewTableHasExactlyTheseMoves() {
        Map<ReviewStatus, Set<ReviewStatus>> expected = Map.of(
                ReviewStatus.AWAITING_DECLARATION, EnumSet.of(ReviewStatus.IN_REVIEW, ReviewStatus.RECUSED,
                        ReviewStatus.REMOVED, ReviewStatus.LAPSED),
                ReviewStatus.IN_REVIEW, EnumSet.of(ReviewStatus.SUBMITTED, ReviewStatus.RECUSED, ReviewStatus.REMOVED,
                        ReviewStatus.LAPSED),
                ReviewStatus.SUBMITTED, EnumSet.of(ReviewStatus.SET_ASIDE),
                ReviewStatus.RECUSED, EnumSet.noneOf(ReviewStatus.class),
                ReviewStatus.REMOVED, EnumSet.noneOf(ReviewStatus.class),
                ReviewStatus.LAPSED, EnumSet.noneOf(ReviewStatus.class),
                ReviewStatus.SET_ASIDE, EnumSet.noneOf(ReviewStatus.class));
        for (ReviewStatus from : ReviewStatus.values()) {
            for (ReviewStatus to : ReviewStatus.values()) {
                assertThat(from.canMoveTo(to)).as(from + " → " + to).isEqualTo(expected.get(from).contains(to));
            }
        }
    }

    @Test
    void theOpinionTableHasExactlyTheseMoves() {
        assertThat(OpinionStatus.DRAFT.canMoveTo(OpinionStatus.DRAFT)).isTrue();
        assertThat(OpinionStatus.DRAFT.canMoveTo(OpinionStatus.SIGNED)).isTrue();
        assertThat(OpinionStatus.SIGNED.canMoveTo(OpinionStatus.DRAFT)).isFalse();
        assertThat(OpinionStatus.SIGNED.canMoveTo(OpinionStatus.SIGNED)).isFalse();
    }

    // --- forming ---

    @Test
    void everyChangeOfTheProposalNeedsAReasonAndNeverSeatsAConflictedMember() {
        Panel panel = requested();
        panel.propose(DrawRecord.panel(roster(), 5, 1), SECRETARY, NOW);
        long first = panel.members().getFirst();
        refused(() -> panel.remove(first, "委员", " ", SECRETARY, NOW), "committee.reasonRequired");
        panel.remove(first, "委员", "出差无法参加", SECRETARY, NOW);
        assertThat(panel.members()).doesNotContain(first);
        Candidate conflicted = candidate(20, MemberKind.NPC_DEPUTY,
                new Conflict(Conflict.Kind.SAME_ORGANISATION, "区消防救援支队"));
        refused(() -> panel.add(conflicted, "熟悉消防", SECRETARY, NOW), "committee.panel.notDrawable");
        assertThat(panel.drainChanges()).extracting(PanelChange::kind)
                .containsExactly(PanelChange.Kind.REQUESTED, PanelChange.Kind.DRAWN, PanelChange.Kind.REMOVED);
    }

    @Test
    void aPanelIsConvenedOnlyWithEveryRequiredKindAndNoConflictAsTheyStandNow() {
        Panel panel = requested();
        panel.propose(new DrawRecord(1, 3, roster(), List.of(), null, List.of(11L, 15L, 13L)), SECRETARY, NOW);
        refused(() -> panel.convene(roster(), TODAY.plusDays(5), TODAY, SECRETARY, NOW), "committee.panel.composition");
        panel.add(roster().get(1), "补足校长教师代表", SECRETARY, NOW);
        List<Candidate> excludedSince = roster().stream().map(c -> c.accountId() == 13
                ? candidate(13, MemberKind.NPC_DEPUTY, new Conflict(Conflict.Kind.EXCLUDED_BY_APPLICANT, "亲属在该部门"))
                : c).toList();
        refused(() -> panel.convene(excludedSince, TODAY.plusDays(5), TODAY, SECRETARY, NOW), "committee.panel.notDrawable");
        refused(() -> panel.convene(roster(), TODAY, TODAY, SECRETARY, NOW), "committee.panel.deadlinePast");
        refused(() -> panel.convene(roster(), TODAY.plusDays(15), TODAY, SECRETARY, NOW),
                "committee.panel.deadlineAfterStep");
        List<Review> drawn = panel.convene(roster(), TODAY.plusDays(5), TODAY, SECRETARY, NOW);
        assertThat(drawn).hasSize(4).allSatisfy(r -> assertThat(r.status()).isEqualTo(ReviewStatus.AWAITING_DECLARATION));
        assertThat(panel.status()).isEqualTo(PanelStatus.CONVENED);
    }

    // --- members ---

    @Test
    void aMemberDeclaresBeforeReviewingAndSubmitsOnce() {
        Panel panel = convened(3);
        long member = panel.members().getFirst();
        refused(() -> panel.submit(member(member), content(Recommendation.APPROVE), NOW),
                "committee.review.declareFirst");
        panel.confirmNoConflict(member(member), NOW);
        assertThat(panel.currentReviewOf(member).orElseThrow().cleared()).isTrue();
        panel.submit(member(member), content(Recommendation.APPROVE), NOW);
        refused(() -> panel.submit(member(member), content(Recommendation.REJECT), NOW),
                "committee.review.alreadySubmitted");
        refused(() -> panel.submit(member(99), content(Recommendation.APPROVE), NOW),
                "committee.review.notOnPanel");
    }

    @Test
    void aMemberWhoDeclaresAConflictLeavesThePanelAndIsNeverDrawnForTheItemAgain() {
        Panel panel = convened(3);
        long member = panel.members().getFirst();
        Review left = panel.declareConflict(member(member), "配偶在申请部门任职", NOW);
        assertThat(left.status()).isEqualTo(ReviewStatus.RECUSED);
        assertThat(panel.members()).doesNotContain(member);
        assertThat(panel.recused()).containsExactly(member);
        assertThat(panel.everSeated()).contains(member);
    }

    @Test
    void theOpinionNeedsThreeValidReviewsAndEveryAnswerOrThePassedDeadline() {
        Panel panel = convened(4);
        List<Long> members = panel.members();
        reviewed(panel, members.get(0), Recommendation.APPROVE);
        reviewed(panel, members.get(1), Recommendation.APPROVE);
        OpinionSummary two = summary(panel);
        refused(() -> panel.draftOpinion(two, "意见", SECRETARY, NOW), "committee.opinion.noQuorum");
        assertThat(panel.signingProblem(TODAY)).contains("committee.opinion.noQuorum");
        panel.confirmNoConflict(member(members.get(2)), NOW);
        boolean quorum = panel.submit(member(members.get(2)), content(Recommendation.APPROVE_WITH_CHANGES), NOW);
        assertThat(quorum).as("the third valid review reaches the quorum").isTrue();
        CommitteeOpinion draft = panel.draftOpinion(summary(panel), "论证意见全文", SECRETARY, NOW);
        assertThat(draft.recommendation()).isEqualTo(Recommendation.APPROVE);
        assertThat(panel.signingProblem(TODAY)).as("a member has not answered").contains("committee.opinion.waitingForMembers");
        assertThat(panel.signingProblem(TODAY.plusDays(6))).as("after the deadline").isEmpty();
        CommitteeOpinion signed = panel.sign(SECRETARY, TODAY.plusDays(6), NOW);
        assertThat(signed.signed()).isTrue();
        assertThat(panel.status()).isEqualTo(PanelStatus.SIGNED);
        assertThat(panel.currentReviewOf(members.get(3)).orElseThrow().status()).isEqualTo(ReviewStatus.LAPSED);
        refused(() -> panel.editOpinion("改", Recommendation.REJECT, "理由", SECRETARY, NOW), "committee.panel.wrongStatus");
    }

    @Test
    void aSetAsideReviewNoLongerCountsAndTheDraftMustBeGeneratedAgain() {
        Panel panel = convened(3);
        panel.members().forEach(m -> reviewed(panel, m, Recommendation.APPROVE));
        panel.draftOpinion(summary(panel), "意见", SECRETARY, NOW);
        Review first = panel.currentReviews().getFirst();
        panel.setAside(first.id(), "该委员与申请部门的关联事后查明", SECRETARY, NOW);
        assertThat(panel.validReviews()).isEqualTo(2);
        assertThat(panel.signingProblem(TODAY)).contains("committee.opinion.noQuorum");
    }

    @Test
    void theSecretaryDepartsFromTheMajorityOnlyWithAReason() {
        Panel panel = convened(3);
        panel.members().forEach(m -> reviewed(panel, m, Recommendation.APPROVE));
        panel.draftOpinion(summary(panel), "意见", SECRETARY, NOW);
        refused(() -> panel.editOpinion("意见", Recommendation.REJECT, " ", SECRETARY, NOW),
                "committee.opinion.deviationReasonRequired");
        refused(() -> panel.editOpinion(" ", Recommendation.APPROVE, null, SECRETARY, NOW), "committee.opinion.textRequired");
        CommitteeOpinion edited = panel.editOpinion("修改后的意见", Recommendation.REJECT, "与市级统一部署重复", SECRETARY, NOW);
        assertThat(edited.recommendation()).isEqualTo(Recommendation.REJECT);
        assertThat(edited.deviationReason()).isEqualTo("与市级统一部署重复");
    }

    @Test
    void aReturnedItemComesBackToTheSamePanelForANewRoundWithItsMembersCleared() {
        Panel panel = convened(3);
        panel.members().forEach(m -> reviewed(panel, m, Recommendation.APPROVE_WITH_CHANGES));
        panel.draftOpinion(summary(panel), "意见", SECRETARY, NOW);
        panel.sign(SECRETARY, TODAY, NOW);
        List<Review> next = panel.reopen("消防安全进课堂（修改稿）", TODAY.plusDays(20), TODAY.plusDays(7), NOW);
        numbered(next);
        assertThat(panel.status()).isEqualTo(PanelStatus.CONVENED);
        assertThat(panel.round()).isEqualTo(2);
        assertThat(next).hasSize(3).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(ReviewStatus.IN_REVIEW);
            assertThat(r.cleared()).isTrue();
        });
        assertThat(panel.validReviews()).isZero();
        assertThat(panel.opinionOf(1).orElseThrow().signed()).isTrue();
    }

    @Test
    void anApprovedPanelIsNotReopened() {
        Panel panel = convened(3);
        panel.members().forEach(m -> reviewed(panel, m, Recommendation.APPROVE));
        panel.draftOpinion(summary(panel), "意见", SECRETARY, NOW);
        panel.sign(SECRETARY, TODAY, NOW);
        assertThatThrownBy(() -> panel.reopen("t", TODAY, TODAY.plusDays(3), NOW)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void oneReminderPerRound() {
        Panel panel = convened(3);
        assertThat(panel.remind("system", "", NOW)).hasSize(3);
        refused(() -> panel.remind("system", "", NOW), "committee.panel.alreadyReminded");
    }

    static OpinionSummary summary(Panel panel) {
        return OpinionSummary.of(panel.currentReviews().stream().filter(Review::valid).map(Review::content).toList(),
                panel.seatedKinds(), 0);
    }

    static void refused(org.junit.jupiter.api.function.Executable action, String key) {
        assertThatThrownBy(action::execute).isInstanceOf(BusinessRuleViolation.class)
                .satisfies(e -> assertThat(((BusinessRuleViolation) e).messageKey()).isEqualTo(key));
    }

    static ReviewContent content(Recommendation recommendation) {
        return cn.campusgate.ExpertOpinions.review(recommendation, 4).toContent();
    }
}
