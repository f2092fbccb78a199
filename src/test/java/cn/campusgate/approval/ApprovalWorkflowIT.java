package cn.campusgate.approval;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import cn.campusgate.CampusGateTest;
import cn.campusgate.SignedIn;
import cn.campusgate.audit.AuditTrail;
import cn.campusgate.calendar.WorkingCalendar;
import cn.campusgate.core.BusinessRuleViolation;
import cn.campusgate.core.NotFound;
import cn.campusgate.core.Role;
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
import cn.campusgate.organization.AccountCommand;
import cn.campusgate.organization.Accounts;
import cn.campusgate.organization.Organization;
import cn.campusgate.organization.Organizations;
import cn.campusgate.organization.SchoolStage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Items through both routes on the real database: deadlines in working days, returns that pause the
 * clock, four eyes, two people on one step at once, reminders, overdue flags, quotas and procedure
 * revisions. Each test uses its own semester or year so that the quota counts of one do not touch another.
 */
@CampusGateTest
public class ApprovalWorkflowIT {

    @Autowired Items items;
    @Autowired Approvals approvals;
    @Autowired Inbox inbox;
    @Autowired Procedures procedures;
    @Autowired Quotas quotas;
    @Autowired OverdueSteps overdueSteps;
    @Autowired WorkingCalendar calendar;
    @Autowired Notifications notifications;
    @Autowired Accounts accounts;
    @Autowired Organizations organizations;
    @Autowired SignedIn signedIn;
    @Autowired AuditTrail audit;
    @Autowired JdbcClient jdbc;
    @Autowired ApprovalRepository repository;
    @Autowired ChainBackfill backfill;
    @Autowired cn.campusgate.ExpertOpinions expertOpinions;

    public static ItemContent content(String title, String theme, ItemRoute route, LocalDate start) {
        return new ItemContent(title, theme, null, route, AdmissionGround.LAW, "《中华人民共和国消防法》第六条",
                "消防救援人员结合典型案例讲解" + theme + "的要点，学生分组体验，内容与学校课程不重复。", "专题讲座",
                DeliveryMode.ON_CAMPUS, Set.of(SchoolStage.PRIMARY), "四至六年级", null, GraduatingClasses.EXCLUDED,
                start, start.plusDays(20), Frequency.PER_SCHOOL_YEAR, 1, 0, false, null, "学生掌握基本技能",
                "学校结合课堂观察自评", IntegrationChannel.CLASS_TEAM_MEETING, false, "各小学");
    }

    Item submitted(String department, ItemContent content) {
        Item draft = signedIn.call(department, () -> items.draft(content));
        return signedIn.call(department, () -> items.submit(draft.id(), draft.version()));
    }

    Approval chainOf(Item item) {
        return repository.latestForItem(item.id()).orElseThrow();
    }

    long openTask(Item item) {
        return chainOf(item).openTasks().findFirst().orElseThrow().id();
    }

    Approval decide(String who, Item item, Decision decision, String text) {
        long task = openTask(item);
        return signedIn.call(who, () -> approvals.decide(task, decision, text, null));
    }

    @Test
    void anAnnualItemGoesThroughEveryStepWithAReturnForCorrectionOnTheWay() {
        LocalDate start = LocalDate.of(2027, 3, 8);
        Item item = submitted("dept.fire", content("消防安全进课堂（全流程测试）", "消防安全逃生演练", ItemRoute.ANNUAL, start));

        Approval started = chainOf(item);
        assertThat(started.procedure().route()).isEqualTo(ItemRoute.ANNUAL);
        ApprovalTask expert = started.openTasks().findFirst().orElseThrow();
        assertThat(expert.stepKind()).isEqualTo(StepKind.EXPERT_OPINION);
        assertThat(expert.dueOn()).as("ten working days").isEqualTo(calendar.addWorkingDays(LocalDate.now(), 10));
        assertThat(signedIn.call("secretary", () -> inbox.mine(1, "全流程测试")).items())
                .extracting(Inbox.Entry::itemId).contains(item.id());
        assertThat(signedIn.call("secretary", () -> notifications.unreadCount(accounts.findByUsername("secretary")
                .orElseThrow().id()))).isPositive();

        expertOpinions.approve(item.id());
        // The commission returns it with a reason; the clock of its step pauses.
        ApprovalTask review = chainOf(item).openTasks().findFirst().orElseThrow();
        assertThat(review.stepKind()).isEqualTo(StepKind.PRELIMINARY_REVIEW);
        int remaining = calendar.workingDaysBetween(LocalDate.now(), review.dueOn());
        decide("commission", item, Decision.RETURNED, "请压缩为一课时，并说明如何融入班团队会。");
        Item returned = signedIn.call("dept.fire", () -> items.get(item.id()));
        assertThat(returned.status()).isEqualTo(ItemStatus.RETURNED);
        assertThat(returned.returnReason()).contains("压缩为一课时");
        assertThat(chainOf(item).status()).isEqualTo(ApprovalStatus.AWAITING_CORRECTION);
        assertThat(chainOf(item).pausedWorkingDays()).isEqualTo(Math.max(1, remaining));
        assertThat(signedIn.call("commission", () -> inbox.mine(1, "全流程测试")).items())
                .extracting(Inbox.Entry::itemId).doesNotContain(item.id());

        Item corrected = signedIn.call("dept.fire", () -> items.saveDraft(item.id(), returned.version(),
                content("消防安全进课堂（全流程测试）", "消防安全逃生演练", ItemRoute.ANNUAL, start)));
        signedIn.call("dept.fire", () -> items.submit(item.id(), corrected.version()));
        ApprovalTask resumed = chainOf(item).openTasks().findFirst().orElseThrow();
        assertThat(resumed.stepKind()).as("resumes at the step that returned it").isEqualTo(StepKind.PRELIMINARY_REVIEW);
        assertThat(resumed.dueOn()).as("with the time that was left")
                .isEqualTo(calendar.addWorkingDays(LocalDate.now(), Math.max(1, remaining)));

        decide("commission", item, Decision.APPROVED, "初审同意。");
        decide("district", item, Decision.APPROVED, "同意列入年度计划。");
        Approval filed = decide("municipal", item, Decision.APPROVED, "予以备案。");

        assertThat(filed.status()).isEqualTo(ApprovalStatus.READY_FOR_WHITELIST);
        assertThat(signedIn.call("dept.fire", () -> items.get(item.id())).status()).isEqualTo(ItemStatus.APPROVED);
        List<TraceEntry> trace = signedIn.call("dept.fire", () -> approvals.trace(filed));
        assertThat(trace).extracting(TraceEntry::kind).containsSubsequence(TraceKind.SUBMITTED, TraceKind.APPROVED,
                TraceKind.RETURNED, TraceKind.RESUBMITTED, TraceKind.APPROVED, TraceKind.APPROVED, TraceKind.APPROVED,
                TraceKind.READY_FOR_WHITELIST);
        assertThat(trace).filteredOn(e -> e.kind() == TraceKind.RETURNED).singleElement()
                .satisfies(e -> assertThat(e.organizationName()).isEqualTo(commission().name()));
        assertThat(audit.latest("approval:" + filed.id(), 50)).extracting(e -> e.action())
                .contains("approval.started", "approval.step-decided", "approval.resumed",
                        "approval.ready-for-whitelist");
        // Everyone who took part may read the item; a department that did not may not.
        assertThat(signedIn.call("municipal", () -> items.get(item.id())).id()).isEqualTo(item.id());
        assertThatThrownBy(() -> signedIn.call("dept.police", () -> items.get(item.id()))).isInstanceOf(NotFound.class);
    }

    @Test
    void aTemporaryItemTakesTheShorterProcedure() {
        LocalDate start = LocalDate.now().plusDays(20);
        Item item = submitted("dept.justice", content("法治副校长专题课（临时测试）", "宪法宣传周法治教育", ItemRoute.TEMPORARY, start));
        ApprovalTask first = chainOf(item).openTasks().findFirst().orElseThrow();
        assertThat(chainOf(item).route()).isEqualTo(ItemRoute.TEMPORARY);
        assertThat(first.dueOn()).isEqualTo(calendar.addWorkingDays(LocalDate.now(), 3));
        expertOpinions.approve(item.id());
        decide("commission", item, Decision.APPROVED, "同意");
        decide("district", item, Decision.APPROVED, "同意");
        assertThat(decide("municipal", item, Decision.APPROVED, "备案").status())
                .isEqualTo(ApprovalStatus.READY_FOR_WHITELIST);
    }

    @Test
    void aTemporaryItemStartingWithinTwoWeeksIsRefusedAtSubmission() {
        Item draft = signedIn.call("dept.justice", () -> items.draft(content("临时普法讲座（过近测试）", "普法讲座",
                ItemRoute.TEMPORARY, LocalDate.now().plusDays(10))));
        assertThatThrownBy(() -> signedIn.call("dept.justice", () -> items.submit(draft.id(), draft.version())))
                .isInstanceOf(BusinessRuleViolation.class)
                .satisfies(e -> assertThat(((BusinessRuleViolation) e).messageKey()).isEqualTo("item.refusedLeadTime"));
        assertThat(repository.latestForItem(draft.id())).isEmpty();
    }

    @Test
    void fourEyesNobodyApprovesAnItemTheyDrafted() {
        Organization commission = commission();
        String both = newAccount("commission.both", commission.id(), Set.of(Role.APPLICANT, Role.COMMISSION_REVIEWER));
        Item item = submitted(both, content("学生资助政策宣传（四眼测试）", "学生资助政策宣传", ItemRoute.ANNUAL,
                LocalDate.of(2027, 9, 6)));
        expertOpinions.approve(item.id());
        long review = openTask(item);
        assertThatThrownBy(() -> signedIn.call(both, () -> approvals.decide(review, Decision.APPROVED, "同意", null)))
                .isInstanceOf(BusinessRuleViolation.class)
                .satisfies(e -> assertThat(((BusinessRuleViolation) e).messageKey()).isEqualTo("approval.fourEyes.ownItem"));
        assertThat(signedIn.call("commission", () -> approvals.decide(review, Decision.APPROVED, "同意", null))
                .currentDefinition().kind()).isEqualTo(StepKind.DISTRICT_APPROVAL);
    }

    @Test
    void twoReviewersApprovingTheSameStepAtOnceOneSucceedsAndTheOtherIsToldWhoWasFirst() throws Exception {
        Organization commission = commission();
        String second = newAccount("commission.second", commission.id(), Set.of(Role.COMMISSION_REVIEWER));
        Item item = submitted("dept.health", content("心理健康讲座（并发测试）", "心理健康教育讲座", ItemRoute.ANNUAL,
                LocalDate.of(2027, 10, 11)));
        expertOpinions.approve(item.id());
        long review = openTask(item);

        CountDownLatch ready = new CountDownLatch(2);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<String>> results = new ArrayList<>();
        for (String reviewer : List.of("commission", second)) {
            Callable<String> attempt = () -> signedIn.call(reviewer, () -> {
                ready.countDown();
                try {
                    go.await();
                    approvals.decide(review, Decision.APPROVED, reviewer + " 同意", null);
                    return "ok";
                } catch (BusinessRuleViolation refused) {
                    return refused.messageKey() + ":" + refused.arguments()[0];
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            results.add(pool.submit(attempt));
        }
        ready.await();
        go.countDown();
        List<String> outcomes = new ArrayList<>();
        for (Future<String> result : results) {
            outcomes.add(result.get());
        }
        pool.shutdown();
        assertThat(outcomes).filteredOn("ok"::equals).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o.startsWith("approval.alreadyActed:")).hasSize(1);
        Approval after = chainOf(item);
        assertThat(after.tasks()).filteredOn(t -> t.stepKind() == StepKind.PRELIMINARY_REVIEW)
                .singleElement().satisfies(t -> assertThat(t.status()).isEqualTo(TaskStatus.DONE));
        assertThat(after.openTasks()).singleElement()
                .satisfies(t -> assertThat(t.stepKind()).isEqualTo(StepKind.DISTRICT_APPROVAL));
    }

    @Test
    void theDepartmentWithdrawsBeforeTheFirstStepActsButNotAfter() {
        Item early = submitted("dept.police", content("防诈骗宣传（撤回测试一）", "防范电信诈骗宣传", ItemRoute.ANNUAL,
                LocalDate.of(2027, 4, 12)));
        signedIn.call("dept.police", () -> items.withdraw(early.id(), signedIn.call("dept.police",
                () -> items.get(early.id())).version()));
        assertThat(chainOf(early).status()).isEqualTo(ApprovalStatus.WITHDRAWN);
        assertThat(chainOf(early).openTasks()).isEmpty();

        Item late = submitted("dept.police", content("交通安全宣传（撤回测试二）", "交通安全宣传教育", ItemRoute.ANNUAL,
                LocalDate.of(2027, 4, 19)));
        expertOpinions.approve(late.id());
        Item current = signedIn.call("dept.police", () -> items.get(late.id()));
        assertThat(signedIn.call("dept.police", () -> items.mayWithdraw(current))).isFalse();
        assertThatThrownBy(() -> signedIn.call("dept.police", () -> items.withdraw(late.id(), current.version())))
                .isInstanceOf(BusinessRuleViolation.class)
                .satisfies(e -> assertThat(((BusinessRuleViolation) e).messageKey())
                        .isEqualTo("approval.withdraw.alreadyActed"));
        assertThat(signedIn.call("dept.police", () -> items.get(late.id())).status()).isEqualTo(ItemStatus.SUBMITTED);
    }

    @Test
    void anotherOrganisationCannotActOnATaskNorLearnThatItExists() {
        Item item = submitted("dept.fire", content("森林防火宣传（范围测试）", "森林防火宣传", ItemRoute.ANNUAL,
                LocalDate.of(2027, 5, 10)));
        long task = openTask(item);
        assertThatThrownBy(() -> signedIn.call("commission", () -> approvals.decide(task, Decision.APPROVED, "", null)))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> signedIn.call("dept.police", () -> approvals.decide(task, Decision.APPROVED, "", null)))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> signedIn.call("dept.police", () -> approvals.decide(999_999, Decision.APPROVED, "", null)))
                .isInstanceOf(NotFound.class);
    }

    @Test
    void aSupervisorsReminderReachesTheHoldersOnceADayAndOverdueStepsAreFlaggedAndComeFirst() {
        Item item = submitted("dept.health", content("传染病防控讲座（催办测试）", "传染病防控知识", ItemRoute.ANNUAL,
                LocalDate.of(2027, 5, 17)));
        long secretaryId = accounts.findByUsername("secretary").orElseThrow().id();
        long before = signedIn.call("secretary", () -> notifications.unreadCount(secretaryId));
        Approval approval = chainOf(item);
        signedIn.call("supervisor", () -> approvals.remind(approval.id(), "请按期出具论证意见"));
        assertThat(signedIn.call("secretary", () -> notifications.unreadCount(secretaryId))).isEqualTo(before + 1);
        assertThat(chainOf(item).openTasks().findFirst().orElseThrow().reminders()).isEqualTo(1);
        assertThatThrownBy(() -> signedIn.call("supervisor", () -> approvals.remind(approval.id(), null)))
                .isInstanceOf(BusinessRuleViolation.class)
                .satisfies(e -> assertThat(((BusinessRuleViolation) e).messageKey()).isEqualTo("approval.remind.alreadyToday"));
        assertThatThrownBy(() -> signedIn.call("dept.fire", () -> approvals.remind(approval.id(), null)))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);

        // Its deadline passes.
        jdbc.sql("UPDATE approval_task SET due_on = :due WHERE approval_id = :id AND status = 'OPEN'")
                .param("due", java.sql.Date.valueOf(LocalDate.now().minusDays(3))).param("id", approval.id()).update();
        assertThat(overdueSteps.flagNewlyOverdue()).isGreaterThanOrEqualTo(1);
        assertThat(overdueSteps.flagNewlyOverdue()).as("flagged once").isZero();
        Inbox.Entry first = signedIn.call("secretary", () -> inbox.mine(1)).items().getFirst();
        assertThat(first.itemId()).isEqualTo(item.id());
        assertThat(first.overdue()).isTrue();
        assertThat(signedIn.call("supervisor", () -> overdueSteps.ofDistrict())).extracting(OverdueSteps.Overdue::itemId)
                .contains(item.id());
        assertThat(signedIn.call("dept.health", () -> approvals.trace(chainOf(item)))).extracting(TraceEntry::kind)
                .contains(TraceKind.REMINDED, TraceKind.OVERDUE);
    }

    @Test
    void anApprovalBeyondTheYearsCapIsRefusedWithTheFiguresAndOnlyTheLeadershipGroupOverridesWithAReason() {
        long district = signedIn.call("admin", () -> quotas.jurisdictionOf(cn.campusgate.core.Actors.required()));
        signedIn.call("admin", () -> quotas.configure(new Quotas.QuotaCommand(district, 2028, 1, 6, 0)));
        assertThatThrownBy(() -> signedIn.call("admin", () -> quotas.configure(
                new Quotas.QuotaCommand(district, 2029, 11, 6, 0))))
                .isInstanceOf(BusinessRuleViolation.class)
                .satisfies(e -> assertThat(((BusinessRuleViolation) e).messageKey()).isEqualTo("quota.itemsRange"));

        Item first = submitted("dept.fire", content("消防安全（总量测试一）", "消防疏散演练", ItemRoute.ANNUAL,
                LocalDate.of(2028, 3, 6)));
        Item second = submitted("dept.justice", content("法治教育（总量测试二）", "青少年法治教育", ItemRoute.ANNUAL,
                LocalDate.of(2028, 4, 10)));
        for (Item item : List.of(first, second)) {
            expertOpinions.approve(item.id());
            decide("commission", item, Decision.APPROVED, "同意");
        }
        decide("district", first, Decision.APPROVED, "同意");
        long task = openTask(second);
        assertThatThrownBy(() -> signedIn.call("district", () -> approvals.decide(task, Decision.APPROVED, "同意", null)))
                .isInstanceOf(BusinessRuleViolation.class)
                .satisfies(e -> {
                    BusinessRuleViolation violation = (BusinessRuleViolation) e;
                    assertThat(violation.messageKey()).isEqualTo("approval.quotaExceeded");
                    var figures = (org.springframework.context.MessageSourceResolvable) violation.arguments()[0];
                    assertThat(figures.getCodes()).contains("quota.exceeded.items");
                    assertThat(figures.getArguments()).containsSubsequence(2028, 1L, 1);
                });
        assertThat(chainOf(second).openTasks()).as("nothing changed").hasSize(1);

        signedIn.call("district", () -> approvals.decide(task, Decision.APPROVED, "同意",
                "市级统一部署的法治教育任务，确需列入，经领导小组会议研究同意。"));
        Quotas.Usage usage = signedIn.call("commission", () -> quotas.usage(district, 2028));
        assertThat(usage.counted()).isEqualTo(2);
        assertThat(usage.caps().maxItems()).isEqualTo(1);
        assertThat(usage.overrides()).singleElement()
                .satisfies(o -> assertThat(o.reason()).contains("领导小组会议研究同意"));
        // The district broke the district's cap: the city's quota lists no override of its own.
        long city = java.util.Objects.requireNonNull(organizations.get(district).parentId());
        assertThat(signedIn.call("commission", () -> quotas.usage(city, 2028)).overrides()).isEmpty();

        // The copy list (抄送) is in the officials' order: the leadership group, the commission, the supervision
        // office, the committee, then the departments, by Chinese name within each kind.
        List<cn.campusgate.organization.Organization> targets = signedIn.call("district",
                () -> approvals.copyTargets(chainOf(second)));
        List<cn.campusgate.organization.OrganizationKind> order = List.of(
                cn.campusgate.organization.OrganizationKind.DISTRICT_LEADERSHIP_GROUP,
                cn.campusgate.organization.OrganizationKind.EDUCATION_COMMISSION,
                cn.campusgate.organization.OrganizationKind.SUPERVISION_OFFICE,
                cn.campusgate.organization.OrganizationKind.EXPERT_COMMITTEE,
                cn.campusgate.organization.OrganizationKind.DEPARTMENT);
        assertThat(targets).extracting(o -> order.indexOf(o.kind())).isSorted();
        java.text.Collator chinese = java.text.Collator.getInstance(java.util.Locale.CHINA);
        List<String> departments = targets.stream()
                .filter(o -> o.kind() == cn.campusgate.organization.OrganizationKind.DEPARTMENT)
                .map(cn.campusgate.organization.Organization::name).toList();
        assertThat(departments).hasSizeGreaterThan(10).isSortedAccordingTo(chinese::compare);
    }

    @Test
    void aRevisedProcedureAppliesToNewChainsWhileRunningOnesKeepTheirRevision() {
        Item before = submitted("dept.fire", content("应急疏散（流程版本测试一）", "应急疏散演练", ItemRoute.ANNUAL,
                LocalDate.of(2027, 6, 7)));
        Procedure current = signedIn.call("admin", () -> procedures.active(ItemRoute.ANNUAL));
        List<Procedures.StepChange> changes = current.steps().stream()
                .map(s -> new Procedures.StepChange(s.kind() == StepKind.EXPERT_OPINION ? 8 : s.deadlineWorkingDays(),
                        s.quorum())).toList();
        assertThatThrownBy(() -> signedIn.call("commission", () -> procedures.revise(new Procedures.RevisionCommand(
                ItemRoute.ANNUAL, current.revision(), changes, "缩短专家论证时限"))))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        Procedure revised = signedIn.call("admin", () -> procedures.revise(new Procedures.RevisionCommand(
                ItemRoute.ANNUAL, current.revision(), changes, "缩短专家论证时限")));
        assertThat(revised.revision()).isEqualTo(current.revision() + 1);

        Item after = submitted("dept.fire", content("消防器材认识（流程版本测试二）", "消防器材认识", ItemRoute.ANNUAL,
                LocalDate.of(2027, 6, 14)));
        assertThat(chainOf(before).procedure().revision()).isEqualTo(current.revision());
        assertThat(chainOf(after).procedure().revision()).isEqualTo(revised.revision());
        assertThat(chainOf(after).openTasks().findFirst().orElseThrow().dueOn())
                .isEqualTo(calendar.addWorkingDays(LocalDate.now(), 8));
        // Put the defaults back for the other tests.
        Procedure latest = revised;
        signedIn.call("admin", () -> procedures.revise(new Procedures.RevisionCommand(ItemRoute.ANNUAL,
                latest.revision(), current.steps().stream()
                .map(s -> new Procedures.StepChange(s.deadlineWorkingDays(), s.quorum())).toList(), "恢复")));
    }

    @Test
    void aStepIsHandedToAColleagueAndCopiedToAnotherOrganisationWhichMayThenReadTheItem() {
        String colleague = newAccount("commission.colleague", commission().id(), Set.of(Role.COMMISSION_REVIEWER));
        long colleagueId = accounts.findByUsername(colleague).orElseThrow().id();
        Item item = submitted("dept.health", content("近视防控讲座（转交测试）", "近视防控知识", ItemRoute.ANNUAL,
                LocalDate.of(2027, 12, 13)));
        expertOpinions.approve(item.id());
        long review = openTask(item);
        signedIn.call("commission", () -> approvals.transfer(review, colleagueId));
        assertThat(signedIn.call(colleague, () -> inbox.mine(1, "转交测试")).items()).extracting(Inbox.Entry::taskId)
                .containsExactly(review);
        assertThat(signedIn.call("commission", () -> inbox.mine(1, "转交测试")).items()).isEmpty();
        assertThatThrownBy(() -> signedIn.call("commission", () -> approvals.decide(review, Decision.APPROVED, "同意", null)))
                .isInstanceOf(BusinessRuleViolation.class)
                .satisfies(e -> assertThat(((BusinessRuleViolation) e).messageKey()).isEqualTo("approval.notYourTask"));
        assertThatThrownBy(() -> signedIn.call(colleague, () -> approvals.transfer(review,
                accounts.findByUsername("district").orElseThrow().id())))
                .isInstanceOf(BusinessRuleViolation.class);

        Organization police = organizations.get(accounts.findByUsername("dept.police").orElseThrow().organizationId());
        assertThatThrownBy(() -> signedIn.call("dept.police", () -> items.get(item.id()))).isInstanceOf(NotFound.class);
        signedIn.call(colleague, () -> approvals.copy(chainOf(item).id(), List.of(police.id())));
        assertThat(signedIn.call("dept.police", () -> items.get(item.id())).id()).isEqualTo(item.id());
        assertThat(signedIn.call("dept.police", () -> inbox.copies(1)).items()).extracting(Inbox.Record::itemId)
                .contains(item.id());
        assertThat(signedIn.call("dept.health", () -> approvals.trace(chainOf(item)))).extracting(TraceEntry::kind)
                .contains(TraceKind.TRANSFERRED, TraceKind.COPIED);
        signedIn.call(colleague, () -> approvals.decide(review, Decision.APPROVED, "同意", null));
    }

    @Test
    void itemsSubmittedBeforeTheChainExistedGetTheirChainAtStartUp() throws Exception {
        Item item = submitted("dept.health", content("食品安全讲座（升级测试）", "食品安全知识", ItemRoute.ANNUAL,
                LocalDate.of(2027, 12, 6)));
        long approval = chainOf(item).id();
        // As an installation of the previous version left it: submitted, no chain (and so no committee panel).
        for (String table : List.of("panel_change", "panel_review", "committee_opinion")) {
            jdbc.sql("DELETE FROM " + table + " WHERE panel_id IN (SELECT id FROM panel WHERE approval_id = :id)")
                    .param("id", approval).update();
        }
        jdbc.sql("DELETE FROM panel WHERE approval_id = :id").param("id", approval).update();
        for (String table : List.of("approval_trace", "approval_task", "approval_copy")) {
            jdbc.sql("DELETE FROM " + table + " WHERE approval_id = :id").param("id", approval).update();
        }
        jdbc.sql("DELETE FROM approval WHERE id = :id").param("id", approval).update();
        backfill.run(null);
        Approval started = chainOf(item);
        assertThat(started.status()).isEqualTo(ApprovalStatus.IN_PROGRESS);
        assertThat(started.openTasks()).singleElement()
                .satisfies(t -> assertThat(t.stepKind()).isEqualTo(StepKind.EXPERT_OPINION));
        backfill.run(null);
        assertThat(jdbc.sql("SELECT count(*) FROM approval WHERE item_id = :id").param("id", item.id())
                .query(Long.class).single()).as("once").isEqualTo(1);
    }

    private String newAccount(String username, long organizationId, Set<Role> roles) {
        signedIn.call("admin", () -> accounts.create(new AccountCommand(username, username, null, null,
                organizationId, roles, null)));
        return username;
    }

    private Organization commission() {
        return organizations.ofKind(cn.campusgate.organization.OrganizationKind.EDUCATION_COMMISSION).getFirst();
    }
}
