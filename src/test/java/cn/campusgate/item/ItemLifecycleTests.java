package cn.campusgate.item;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.campusgate.core.BusinessRuleViolation;
import cn.campusgate.organization.SchoolStage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An item's lifecycle and submission rules, without Spring. */
class ItemLifecycleTests {

    static final LocalDate TODAY = LocalDate.of(2026, 9, 1);
    static final Instant NOW = Instant.parse("2026-09-01T02:00:00Z");

    static ItemContent complete() {
        return new ItemContent("消防安全知识进校园", "消防安全教育", "区教委", ItemRoute.ANNUAL, AdmissionGround.LAW,
                "《中华人民共和国消防法》第六条", "由消防救援支队宣讲员结合典型案例讲解火灾逃生和灭火器使用，学生现场体验。",
                "专题讲座与体验", DeliveryMode.ON_CAMPUS, Set.of(SchoolStage.PRIMARY), "三至六年级", null,
                GraduatingClasses.EXCLUDED, TODAY.plusDays(30), TODAY.plusDays(60), Frequency.PER_SCHOOL_YEAR, 1, 0,
                false, null, "学生掌握火场逃生要领", "学校自评，不拍照不打卡", IntegrationChannel.CLASS_TEAM_MEETING, false,
                "各校");
    }

    static Item draft(ItemContent content) {
        return Item.draft(7L, content, "dept.fire", NOW);
    }

    /** Every pair of states: allowed moves are exactly those of the table. */
    @Test
    void transitionTable() {
        Map<ItemStatus, Set<ItemStatus>> allowed = Map.of(
                ItemStatus.DRAFT, EnumSet.of(ItemStatus.SUBMITTED, ItemStatus.WITHDRAWN),
                ItemStatus.SUBMITTED, EnumSet.of(ItemStatus.RETURNED, ItemStatus.WITHDRAWN, ItemStatus.APPROVED,
                        ItemStatus.REJECTED),
                ItemStatus.RETURNED, EnumSet.of(ItemStatus.SUBMITTED, ItemStatus.WITHDRAWN),
                ItemStatus.WITHDRAWN, EnumSet.noneOf(ItemStatus.class),
                ItemStatus.APPROVED, EnumSet.noneOf(ItemStatus.class),
                ItemStatus.REJECTED, EnumSet.noneOf(ItemStatus.class));
        for (ItemStatus from : ItemStatus.values()) {
            for (ItemStatus to : ItemStatus.values()) {
                assertThat(from.canMoveTo(to)).as(from + " → " + to).isEqualTo(allowed.get(from).contains(to));
            }
        }
    }

    @Test
    void aCompleteDraftIsSubmittedAsVersionOneAndIsThenReadOnly() {
        Item item = draft(complete());
        assertThat(item.submit(TODAY, List.of(), NOW)).isEqualTo(1);
        assertThat(item.status()).isEqualTo(ItemStatus.SUBMITTED);
        assertRefused(() -> item.saveDraft(complete(), NOW), "item.notEditable");
        assertRefused(() -> item.submit(TODAY, List.of(), NOW), "item.illegalTransition");
    }

    @Test
    void aReturnedItemIsRevisedAndResubmittedAsTheNextVersion() {
        Item item = draft(complete());
        item.submit(TODAY, List.of(), NOW);
        assertRefused(() -> item.returnForRevision("  ", NOW), "item.returnReasonRequired");
        item.returnForRevision("请补充活动安全预案", NOW);
        assertThat(item.status()).isEqualTo(ItemStatus.RETURNED);
        assertThat(item.returnReason()).isEqualTo("请补充活动安全预案");
        item.saveDraft(complete(), NOW);
        assertThat(item.submit(TODAY, List.of(), NOW)).isEqualTo(2);
        assertThat(item.returnReason()).isNull();
    }

    @Test
    void theChainApprovesOrRejectsASubmittedItemOnlyAndARejectionNeedsAReason() {
        Item approved = draft(complete());
        assertRefused(() -> approved.approve(NOW), "item.illegalTransition");
        approved.submit(TODAY, List.of(), NOW);
        approved.approve(NOW);
        assertThat(approved.status()).isEqualTo(ItemStatus.APPROVED);
        assertRefused(() -> approved.withdraw(NOW), "item.illegalTransition");

        Item rejected = draft(complete());
        rejected.submit(TODAY, List.of(), NOW);
        assertRefused(() -> rejected.reject(" ", NOW), "item.returnReasonRequired");
        rejected.reject("与学校现有课程重复", NOW);
        assertThat(rejected.status()).isEqualTo(ItemStatus.REJECTED);
        assertThat(rejected.returnReason()).isEqualTo("与学校现有课程重复");
    }

    @Test
    void anIncompleteDraftCannotBeSubmitted() {
        Item item = draft(new ItemContent("只有名称", null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null));
        assertRefused(() -> item.submit(TODAY, List.of(), NOW), "item.incomplete");
        assertThat(item.status()).isEqualTo(ItemStatus.DRAFT);
    }

    @Test
    void aRefusingScreeningFindingBlocksSubmission() {
        Item item = draft(complete());
        assertRefused(() -> item.submit(TODAY, List.of("商业广告不得进校园"), NOW), "item.refusedByScreening");
        assertThat(item.status()).isEqualTo(ItemStatus.DRAFT);
        assertThat(item.submittedVersions()).isZero();
    }

    @Test
    void aDraftNeedsATitle() {
        assertRefused(() -> draft(ItemContent.empty()), "item.titleRequiredForDraft");
    }

    @Test
    void submissionNamesEveryMissingField() {
        List<ItemContent.Problem> problems = new ItemContent("标题", null, null, null, null, null, null, null,
                DeliveryMode.ON_CAMPUS, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null).problemsForSubmission(TODAY);
        assertThat(problems).extracting(ItemContent.Problem::field).contains("theme", "route", "admissionGround",
                "basis", "content", "form", "targetStages", "graduatingClasses", "startDate", "endDate", "frequency",
                "classHours", "teachersLeaveCampus", "expectedEffect", "evaluationMethod", "integrationChannel");
        assertThat(complete().problemsForSubmission(TODAY)).isEmpty();
    }

    @Test
    void aTemporaryItemIsAppliedTwoWeeksAhead() {
        ItemContent tooSoon = withRouteAndStart(ItemRoute.TEMPORARY, TODAY.plusDays(13));
        assertThat(tooSoon.problemsForSubmission(TODAY)).extracting(ItemContent.Problem::messageKey)
                .contains("item.problem.temporaryLeadTime");
        assertThat(withRouteAndStart(ItemRoute.TEMPORARY, TODAY.plusDays(14)).problemsForSubmission(TODAY)).isEmpty();
    }

    @Test
    void aLawMustBeCitedByName() {
        ItemContent c = complete();
        ItemContent uncited = new ItemContent(c.title(), c.theme(), c.coOrganisers(), c.route(), AdmissionGround.LAW,
                "消防法", c.content(), c.form(), c.deliveryMode(), c.targetStages(), c.targetGrades(), c.targetSchools(),
                c.graduatingClasses(), c.startDate(), c.endDate(), c.frequency(), c.classHours(), c.teacherHours(),
                c.teachersLeaveCampus(), c.dataDemands(), c.expectedEffect(), c.evaluationMethod(),
                c.integrationChannel(), c.exemptNational(), c.place());
        assertThat(uncited.problemsForSubmission(TODAY)).extracting(ItemContent.Problem::messageKey)
                .containsExactly("item.problem.lawNotCited");
    }

    static ItemContent withRouteAndStart(ItemRoute route, LocalDate start) {
        ItemContent c = complete();
        return new ItemContent(c.title(), c.theme(), c.coOrganisers(), route, c.admissionGround(), c.basis(), c.content(),
                c.form(), c.deliveryMode(), c.targetStages(), c.targetGrades(), c.targetSchools(), c.graduatingClasses(),
                start, start.plusDays(10), c.frequency(), c.classHours(), c.teacherHours(), c.teachersLeaveCampus(),
                c.dataDemands(), c.expectedEffect(), c.evaluationMethod(), c.integrationChannel(), c.exemptNational(),
                c.place());
    }

    static void assertRefused(Runnable action, String key) {
        assertThatThrownBy(action::run).isInstanceOf(BusinessRuleViolation.class)
                .extracting(e -> ((BusinessRuleViolation) e).messageKey()).isEqualTo(key);
    }
}
