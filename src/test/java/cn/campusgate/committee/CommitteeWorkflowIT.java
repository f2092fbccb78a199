package cn.campusgate.committee;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import cn.campusgate.CampusGateTest;
import cn.campusgate.ExpertOpinions;
import cn.campusgate.SignedIn;
import cn.campusgate.approval.Approval;
import cn.campusgate.approval.ApprovalStatus;
import cn.campusgate.approval.Approvals;
import cn.campusgate.approval.Decision;
import cn.campusgate.approval.StepKind;
import cn.campusgate.audit.AuditTrail;
import cn.campusgate.core.BusinessRuleViolation;
import cn.campusgate.core.NotFound;
import cn.campusgate.item.AdmissionGround;
import cn.campusgate.item.DeliveryMode;
import cn.campusgate.item.Frequency;
import cn.campusgate.item.GraduatingClasses;
import cn.campusgate.item.IntegrationChannel;
import cn.campusgate.item.Item;
import cn.campusgate.item.ItemContent;
import cn.campusgate.item.ItemRoute;
import cn.campusgate.item.ItemStatus;
import cn.campusgate.item.Items;
import cn.campusgate.notification.Notifications;
import cn.campusgate.organization.Accounts;
import cn.campusgate.organization.MemberKind;
import cn.campusgate.organization.SchoolStage;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Expert pre-review on the real database, from the step that opens to the signed opinion that decides it:
 * fair draws with the department's exclusions and the roster's conflicts, declarations before reading,
 * independent reviews, the quorum, replacements, a return and the new round, reminders, replays, the PDF.
 */
@CampusGateTest
class CommitteeWorkflowIT {

    @Autowired Items items;
    @Autowired Approvals approvals;
    @Autowired Panels panels;
    @Autowired Reviews reviews;
    @Autowired Exclusions exclusions;
    @Autowired OpinionDocuments documents;
    @Autowired Notifications notifications;
    @Autowired Accounts accounts;
    @Autowired AuditTrail audit;
    @Autowired SignedIn signedIn;
    @Autowired cn.campusgate.core.SystemTexts systemTexts;
    @Autowired ExpertOpinions expertOpinions;

    static ItemContent content(String title, String theme, LocalDate start) {
        return new ItemContent(title, theme, null, ItemRoute.ANNUAL, AdmissionGround.LAW, "《中华人民共和国消防法》第六条",
                "消防救援人员结合典型案例讲解" + theme + "的要点，学生分组体验，内容与学校课程不重复。", "专题讲座",
                DeliveryMode.ON_CAMPUS, Set.of(SchoolStage.PRIMARY), "四至六年级", null, GraduatingClasses.EXCLUDED,
                start, start.plusDays(20), Frequency.PER_SCHOOL_YEAR, 1, 0, false, null, "学生掌握基本技能",
                "学校结合课堂观察自评", IntegrationChannel.CLASS_TEAM_MEETING, false, "各小学");
    }

    Item submitted(String department, ItemContent content) {
        Item draft = signedIn.call(department, () -> items.draft(content));
        return signedIn.call(department, () -> items.submit(draft.id(), draft.version()));
    }

    Panel panelOf(Item item) {
        return signedIn.call("secretary", () -> panels.page(item.id()).panel());
    }

    String username(long accountId) {
        return accounts.find(accountId).orElseThrow().username();
    }

    Approval chainOf(Item item) {
        return signedIn.call("secretary", () -> approvals.forItem(item.id())).orElseThrow();
    }

    @Test
    void aDrawnPanelReviewsIndependentlyAndItsSignedOpinionPassesTheStep() {
        Item item = submitted("dept.fire", content("校园消防安全体验课（论证全流程）", "消防安全体验", LocalDate.of(2027, 3, 15)));
        Panel requested = panelOf(item);
        assertThat(requested.status()).isEqualTo(PanelStatus.REQUESTED);

        Panel proposed = signedIn.call("secretary", () -> panels.propose(requested.id(), 5, null));
        assertThat(proposed.members()).hasSize(5);
        DrawRecord draw = proposed.draw();
        assertThat(draw).isNotNull();
        assertThat(draw.chosen().stream().map(id -> draw.candidate(id).kind()).distinct())
                .as("every kind of the roster").containsExactlyInAnyOrder(MemberKind.values());
        assertThat(draw.replays()).isTrue();

        Panel convened = signedIn.call("secretary", () -> panels.convene(requested.id(), LocalDate.now().plusDays(5)));
        assertThat(convened.currentReviews()).hasSize(5)
                .allSatisfy(r -> assertThat(r.status()).isEqualTo(ReviewStatus.AWAITING_DECLARATION));
        Review first = convened.currentReviews().getFirst();
        String firstMember = username(first.accountId());
        assertThat(notifications.unreadCount(first.accountId())).isPositive();

        // Nobody reads the item before declaring; once cleared, the member does.
        assertThatThrownBy(() -> signedIn.call(firstMember, () -> items.get(item.id()))).isInstanceOf(NotFound.class);
        signedIn.call(firstMember, () -> reviews.confirmNoConflict(first.id()));
        assertThat(signedIn.call(firstMember, () -> items.get(item.id())).id()).isEqualTo(item.id());

        // The secretary cannot decide the step on the item page's form meanwhile.
        long task = chainOf(item).openTasks().findFirst().orElseThrow().id();
        refused(() -> signedIn.call("secretary", () -> approvals.decide(task, Decision.APPROVED, "同意", null)),
                "committee.stepNeedsSignedOpinion");

        long secretary = accounts.findByUsername("secretary").orElseThrow().id();
        long before = notifications.unreadCount(secretary);
        int[] scores = {5, 4, 2, 4, 5};
        Recommendation[] recommendations = {Recommendation.APPROVE, Recommendation.APPROVE,
                Recommendation.APPROVE_WITH_CHANGES, Recommendation.APPROVE, Recommendation.APPROVE};
        List<Review> seated = convened.currentReviews();
        for (int i = 0; i < seated.size(); i++) {
            Review review = seated.get(i);
            String member = username(review.accountId());
            if (i > 0) {
                signedIn.call(member, () -> reviews.confirmNoConflict(review.id()));
            }
            int n = i;
            signedIn.call(member, () -> reviews.submit(review.id(), ExpertOpinions.review(recommendations[n], scores[n])));
            if (i == 1) {
                refused(() -> signedIn.call("secretary", () -> panels.draftOpinion(requested.id())),
                        "committee.opinion.noQuorum");
            }
        }
        assertThat(notifications.unreadCount(secretary)).as("quorum reached, told once").isEqualTo(before + 1);

        CommitteeOpinion draft = signedIn.call("secretary", () -> panels.draftOpinion(requested.id()));
        assertThat(draft.recommendation()).isEqualTo(Recommendation.APPROVE);
        assertThat(draft.summary().aspects().getFirst().min()).isEqualTo(2);
        assertThat(draft.summary().aspects().getFirst().max()).isEqualTo(5);
        assertThat(draft.text()).contains("活动主题：2—5分", "意见分歧较大", "压缩为一课时", "建议修改后通过", "论证组多数意见为建议通过");
        signedIn.call("secretary", () -> panels.editOpinion(requested.id(), new OpinionCommand(
                draft.text() + "\n建议部门结合班团队会开展。", Recommendation.APPROVE, null)));
        CommitteeOpinion signed = signedIn.call("secretary", () -> panels.sign(requested.id()));

        assertThat(signed.signed()).isTrue();
        Approval chain = chainOf(item);
        assertThat(chain.currentDefinition().kind()).isEqualTo(StepKind.PRELIMINARY_REVIEW);
        assertThat(chain.status()).isEqualTo(ApprovalStatus.IN_PROGRESS);
        assertThat(signedIn.call("commission", () -> approvals.trace(chain))).anySatisfy(e ->
                assertThat(e.text()).contains("专家委员会论证意见（第1轮）：建议通过"));
        // The trace keeps the committee's line as a key: an English reader reads it in English.
        cn.campusgate.approval.TraceEntry committeeLine = signedIn.call("commission", () -> approvals.trace(chain))
                .stream().filter(e -> e.text() != null && e.text().startsWith("专家委员会论证意见")).findFirst().orElseThrow();
        assertThat(committeeLine.systemText()).isNotNull();
        assertThat(systemTexts.render(committeeLine.systemText(), committeeLine.text(), java.util.Locale.ENGLISH))
                .startsWith("Expert committee opinion (round 1): ").doesNotContain("专家委员会");
        assertThat(systemTexts.render(committeeLine.systemText(), null, java.util.Locale.SIMPLIFIED_CHINESE))
                .isEqualTo(committeeLine.text());
        assertThat(audit.latest("panel:" + requested.id(), 50)).extracting(e -> e.action())
                .contains("committee.panel-requested", "committee.panel-drawn", "committee.panel-convened",
                        "committee.member-cleared", "committee.review-submitted", "committee.opinion-drafted",
                        "committee.opinion-edited", "committee.opinion-signed");
    }

    @Test
    void aMemberSeesOtherReviewsOnlyAfterSubmittingTheirOwnAndNeverAnotherMembersReview() {
        Item item = submitted("dept.fire", content("森林防火宣传（独立性）", "森林防火宣传", LocalDate.of(2027, 4, 12)));
        Panel panel = convene(item, 3);
        Review mine = panel.currentReviews().get(0);
        Review theirs = panel.currentReviews().get(1);
        String me = username(mine.accountId());
        String them = username(theirs.accountId());
        signedIn.call(them, () -> reviews.confirmNoConflict(theirs.id()));
        signedIn.call(them, () -> reviews.submit(theirs.id(), ExpertOpinions.review(Recommendation.REJECT, 1)));

        signedIn.call(me, () -> reviews.confirmNoConflict(mine.id()));
        refused(() -> signedIn.call(me, () -> reviews.peers(mine.id())), "committee.review.independence");
        assertThat(signedIn.call(me, () -> reviews.page(mine.id())).peers()).isNull();
        assertThatThrownBy(() -> signedIn.call(me, () -> reviews.peers(theirs.id()))).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> signedIn.call(me, () -> reviews.page(theirs.id()))).isInstanceOf(NotFound.class);

        signedIn.call(me, () -> reviews.submit(mine.id(), ExpertOpinions.review(Recommendation.APPROVE, 5)));
        OpinionSummary peers = signedIn.call(me, () -> reviews.peers(mine.id()));
        assertThat(peers.validReviews()).isEqualTo(2);
        assertThat(peers.aspects().getFirst().min()).isEqualTo(1);
        refused(() -> signedIn.call(me, () -> reviews.submit(mine.id(), ExpertOpinions.review(Recommendation.REJECT, 1))),
                "committee.review.alreadySubmitted");
    }

    @Test
    void aDeclaredConflictDrawsAReplacementAndTheOpinionWaitsForThreeValidReviews() {
        Item item = submitted("dept.justice", content("宪法宣传周法治课（法定人数）", "宪法宣传", LocalDate.of(2027, 5, 10)));
        Panel panel = convene(item, 3);
        Review leaving = panel.currentReviews().get(0);
        String leaver = username(leaving.accountId());
        signedIn.call(leaver, () -> reviews.declareConflict(leaving.id(), "本人配偶在申请部门任职"));
        Panel after = panelOf(item);
        assertThat(after.members()).hasSize(3).doesNotContain(leaving.accountId());
        Review replacement = after.currentReviews().stream().filter(r -> !panel.members().contains(r.accountId()))
                .findFirst().orElseThrow();
        assertThat(replacement.kind()).as("the same kind if one is left").isEqualTo(leaving.kind());
        assertThatThrownBy(() -> signedIn.call(leaver, () -> items.get(item.id()))).isInstanceOf(NotFound.class);

        List<Review> current = after.currentReviews().stream().filter(r -> r.status().pending()).toList();
        for (Review review : current.subList(0, 2)) {
            String member = username(review.accountId());
            signedIn.call(member, () -> reviews.confirmNoConflict(review.id()));
            signedIn.call(member, () -> reviews.submit(review.id(), ExpertOpinions.review(Recommendation.APPROVE, 4)));
        }
        refused(() -> signedIn.call("secretary", () -> panels.draftOpinion(panel.id())), "committee.opinion.noQuorum");
        refused(() -> signedIn.call("secretary", () -> panels.sign(panel.id())), "committee.opinion.noQuorum");
        Review last = current.get(2);
        signedIn.call(username(last.accountId()), () -> reviews.confirmNoConflict(last.id()));
        signedIn.call(username(last.accountId()), () -> reviews.submit(last.id(),
                ExpertOpinions.review(Recommendation.APPROVE, 3)));
        signedIn.call("secretary", () -> panels.draftOpinion(panel.id()));
        assertThat(signedIn.call("secretary", () -> panels.sign(panel.id())).summary().validReviews()).isEqualTo(3);
    }

    @Test
    void aMemberTheSecretaryTookOffThePanelIsNotDrawnBackAsAReplacement() {
        Item item = submitted("dept.justice", content("法治讲座（移出测试）", "法治讲座", LocalDate.of(2027, 5, 17)));
        Panel requested = panelOf(item);
        Panel proposed = signedIn.call("secretary", () -> panels.propose(requested.id(), 5, null));
        long removed = proposed.members().getLast();
        signedIn.call("secretary", () -> panels.remove(requested.id(), removed, "近期外出培训"));
        Panel convened = signedIn.call("secretary", () -> panels.convene(requested.id(), LocalDate.now().plusDays(7)));
        for (Review leaving : convened.currentReviews()) {
            signedIn.call(username(leaving.accountId()), () -> reviews.declareConflict(leaving.id(), "与申请部门有工作往来"));
            assertThat(panelOf(item).members()).as("replacing " + leaving.accountId()).doesNotContain(removed);
        }
    }

    @Test
    void conflictedAndExcludedMembersAreNeverDrawnAndExclusionsCloseWhenThePanelForms() {
        Item item = submitted("dept.health", content("传染病防控知识讲座（回避）", "传染病防控", LocalDate.of(2027, 5, 17)));
        long npc = accounts.findByUsername("expert.npc").orElseThrow().id();
        long edu = accounts.findByUsername("expert.edu").orElseThrow().id();
        refused(() -> signedIn.run("dept.health", () -> exclusions.exclude(item.id(), edu, " ")),
                "committee.exclusion.reasonRequired");
        signedIn.run("dept.health", () -> exclusions.exclude(item.id(), edu, "该委员曾为本部门项目提供有偿咨询"));
        assertThatThrownBy(() -> signedIn.run("dept.police", () -> exclusions.exclude(item.id(), edu, "理由")))
                .isInstanceOf(NotFound.class);

        Panel panel = panelOf(item);
        Panel proposed = signedIn.call("secretary", () -> panels.propose(panel.id(), 5, null));
        assertThat(proposed.members()).doesNotContain(npc, edu);
        assertThat(proposed.draw().candidate(npc).reasons()).extracting(Conflict::kind)
                .contains(Conflict.Kind.SAME_ORGANISATION);
        assertThat(proposed.draw().candidate(edu).reasons()).extracting(Conflict::kind)
                .containsExactly(Conflict.Kind.EXCLUDED_BY_APPLICANT);
        refused(() -> signedIn.call("secretary", () -> panels.add(panel.id(), edu, "熟悉该领域")),
                "committee.panel.notDrawable");
        signedIn.call("secretary", () -> panels.convene(panel.id(), LocalDate.now().plusDays(5)));
        long school = accounts.findByUsername("expert.school").orElseThrow().id();
        refused(() -> signedIn.run("dept.health", () -> exclusions.exclude(item.id(), school, "理由")),
                "committee.exclusion.panelFormed");
    }

    @Test
    void approvalWithChangesReturnsTheItemAndTheSamePanelReviewsTheCorrectionInASecondRound() {
        Item item = submitted("dept.fire", content("防火逃生演练（补正轮次）", "防火逃生演练", LocalDate.of(2027, 6, 7)));
        CommitteeOpinion returned = expertOpinions.sign(item.id(), Recommendation.APPROVE_WITH_CHANGES);
        assertThat(returned.round()).isEqualTo(1);
        Item back = signedIn.call("dept.fire", () -> items.get(item.id()));
        assertThat(back.status()).isEqualTo(ItemStatus.RETURNED);
        assertThat(back.returnReason()).contains("需修改：1. 压缩为一课时；2. 融入班团队会");
        List<Long> firstRound = panelOf(item).members();

        Item corrected = signedIn.call("dept.fire", () -> items.saveDraft(item.id(), back.version(),
                content("防火逃生演练（补正轮次）", "防火逃生演练", LocalDate.of(2027, 6, 7))));
        signedIn.call("dept.fire", () -> items.submit(item.id(), corrected.version()));
        Panel again = panelOf(item);
        assertThat(again.status()).isEqualTo(PanelStatus.CONVENED);
        assertThat(again.round()).isEqualTo(2);
        assertThat(again.members()).containsExactlyInAnyOrderElementsOf(firstRound);
        assertThat(again.currentReviews()).allSatisfy(r -> assertThat(r.status()).isEqualTo(ReviewStatus.IN_REVIEW));

        CommitteeOpinion approved = expertOpinions.approve(item.id());
        assertThat(approved.round()).isEqualTo(2);
        assertThat(chainOf(item).currentDefinition().kind()).isEqualTo(StepKind.PRELIMINARY_REVIEW);
        assertThat(panelOf(item).signedOpinions()).hasSize(2);
    }

    @Test
    void aRejectingOpinionEndsTheChainAndAWithdrawnItemClosesItsPanel() {
        Item rejected = submitted("dept.police", content("校园安保演示（否决）", "校园安保演示", LocalDate.of(2027, 6, 14)));
        expertOpinions.sign(rejected.id(), Recommendation.REJECT);
        assertThat(signedIn.call("dept.police", () -> items.get(rejected.id())).status()).isEqualTo(ItemStatus.REJECTED);
        assertThat(chainOf(rejected).status()).isEqualTo(ApprovalStatus.REJECTED);

        Item withdrawn = submitted("dept.police", content("交通安全宣传（撤回）", "交通安全宣传", LocalDate.of(2027, 6, 21)));
        Panel panel = convene(withdrawn, 3);
        Item current = signedIn.call("dept.police", () -> items.get(withdrawn.id()));
        signedIn.call("dept.police", () -> items.withdraw(withdrawn.id(), current.version()));
        Panel closed = signedIn.call("secretary", () -> panels.get(panel.id()));
        assertThat(closed.status()).isEqualTo(PanelStatus.CLOSED);
        assertThat(closed.currentReviews()).allSatisfy(r -> assertThat(r.status()).isEqualTo(ReviewStatus.LAPSED));
    }

    @Test
    void membersAreRemindedOnceBeforeTheDeadlineAndTheDrawReplaysForSupervision() {
        Item item = submitted("dept.justice", content("未成年人保护法宣传（提醒）", "未成年人保护", LocalDate.of(2027, 7, 5)));
        Panel panel = panelOf(item);
        signedIn.call("secretary", () -> panels.propose(panel.id(), 4, null));
        Panel convened = signedIn.call("secretary", () -> panels.convene(panel.id(), LocalDate.now().plusDays(1)));
        long member = convened.currentReviews().getFirst().accountId();
        long before = notifications.unreadCount(member);
        assertThat(panels.remindDue()).isGreaterThanOrEqualTo(1);
        assertThat(notifications.unreadCount(member)).isEqualTo(before + 1);
        panels.remindDue();
        assertThat(notifications.unreadCount(member)).as("at most one reminder").isEqualTo(before + 1);
        refused(() -> signedIn.call("secretary", () -> panels.remind(panel.id())), "committee.panel.alreadyReminded");

        List<Panels.Replay> replays = signedIn.call("supervisor", () -> panels.replay(panel.id()));
        assertThat(replays).isNotEmpty().allSatisfy(r -> assertThat(r.matches()).isTrue());
        assertThatThrownBy(() -> signedIn.call("dept.justice", () -> panels.replay(panel.id())))
                .isInstanceOf(NotFound.class);
    }

    @Test
    void theSignedOpinionIsAPrintablePdfInChineseForTheItemsReaders() throws Exception {
        Item item = submitted("dept.fire", content("消防疏散演练（论证意见PDF）", "消防疏散演练", LocalDate.of(2027, 7, 12)));
        CommitteeOpinion opinion = expertOpinions.approve(item.id());
        long panelId = panelOf(item).id();
        OpinionDocuments.Pdf pdf = signedIn.call("commission", () -> documents.pdf(panelId, opinion.round()));
        assertThat(pdf.content()).startsWith("%PDF".getBytes());
        PdfReader reader = new PdfReader(pdf.content());
        StringBuilder text = new StringBuilder();
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(extractor.getTextFromPage(page));
        }
        assertThat(text.toString()).contains("论证意见", "消防疏散演练（论证意见PDF）", "必要性", "育人价值", "区消防救援支队",
                "杨秘书");
        assertThatThrownBy(() -> signedIn.call("dept.police", () -> documents.pdf(panelId, opinion.round())))
                .isInstanceOf(NotFound.class);
    }

    @Test
    void anItemOfASimilarThemeMayGoToTheSamePanel() {
        Item first = submitted("dept.police", content("防溺水安全教育进校园（同类一）", "防溺水安全教育", LocalDate.of(2027, 8, 30)));
        Panel earlier = convene(first, 3);
        Item second = submitted("dept.justice", content("防溺水安全教育进校园（同类二）", "防溺水安全教育", LocalDate.of(2027, 9, 6)));
        Panels.PanelPage page = signedIn.call("secretary", () -> panels.page(second.id()));
        assertThat(page.similar()).extracting(Panels.SimilarPanel::panelId).contains(earlier.id());
        Panel proposed = signedIn.call("secretary", () -> panels.propose(page.panel().id(), 3, earlier.id()));
        assertThat(proposed.members()).containsExactlyInAnyOrderElementsOf(earlier.members());
        assertThat(proposed.draw().candidates()).filteredOn(Candidate::preferred).extracting(Candidate::accountId)
                .containsExactlyInAnyOrderElementsOf(earlier.members());
        assertThat(proposed.draw().replays()).isTrue();
        Panel unrelated = panelOf(submitted("dept.fire", content("消防器材认识（无同类）", "消防器材认识", LocalDate.of(2027, 9, 13))));
        refused(() -> signedIn.call("secretary", () -> panels.propose(unrelated.id(), 3, earlier.id())),
                "committee.panel.notSimilar");
    }

    Panel convene(Item item, int size) {
        Panel panel = panelOf(item);
        signedIn.call("secretary", () -> panels.propose(panel.id(), size, null));
        return signedIn.call("secretary", () -> panels.convene(panel.id(), LocalDate.now().plusDays(5)));
    }

    static void refused(Executable action, String key) {
        assertThatThrownBy(action::execute).isInstanceOf(BusinessRuleViolation.class)
                .satisfies(e -> assertThat(((BusinessRuleViolation) e).messageKey()).isEqualTo(key));
    }
}
