package cn.campusgate.approval;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.campusgate.approval.Approval.Outcome;
import cn.campusgate.approval.Approval.StepAssignment;
import cn.campusgate.core.Actor;
import cn.campusgate.core.BusinessRuleViolation;
import cn.campusgate.core.Role;
import cn.campusgate.item.ItemRoute;
import cn.campusgate.organization.OrganizationKind;
import cn.campusgate.organization.SchoolStage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The chain's rules without a database: transition tables, steps, returns, four eyes, countersigning. */
class ApprovalLifecycleTests {

    static final Instant NOW = Instant.parse("2026-11-30T02:00:00Z");
    static final LocalDate DUE = LocalDate.of(2026, 12, 7);
    static final long COMMITTEE = 11, COMMISSION = 12, DISTRICT = 13, MUNICIPAL = 14;

    static final Actor DRAFTER = actor(1, "dept.fire", 20, Role.APPLICANT);
    static final Actor SECRETARY = actor(2, "secretary", COMMITTEE, Role.COMMITTEE_SECRETARY);
    static final Actor REVIEWER = actor(3, "commission", COMMISSION, Role.COMMISSION_REVIEWER);
    static final Actor REVIEWER_2 = actor(4, "commission.2", COMMISSION, Role.COMMISSION_REVIEWER);
    static final Actor APPROVER = actor(5, "district", DISTRICT, Role.DISTRICT_APPROVER);
    static final Actor FILER = actor(6, "municipal", MUNICIPAL, Role.MUNICIPAL_FILER);

    static Actor actor(long id, String username, long organization, Role... roles) {
        return new Actor(id, username, username, organization, "org-" + organization, Set.of(roles));
    }

    static Procedure procedure(Quorum reviewQuorum) {
        return new Procedure(1, ItemRoute.ANNUAL, 1, List.of(
                new StepDefinition(StepKind.EXPERT_OPINION, OrganizationKind.EXPERT_COMMITTEE, Role.COMMITTEE_SECRETARY, 10, Quorum.ONE),
                new StepDefinition(StepKind.PRELIMINARY_REVIEW, OrganizationKind.EDUCATION_COMMISSION, Role.COMMISSION_REVIEWER, 5, reviewQuorum),
                new StepDefinition(StepKind.DISTRICT_APPROVAL, OrganizationKind.DISTRICT_LEADERSHIP_GROUP, Role.DISTRICT_APPROVER, 5, Quorum.ONE),
                new StepDefinition(StepKind.MUNICIPAL_FILING, OrganizationKind.MUNICIPAL_LEADERSHIP_GROUP, Role.MUNICIPAL_FILER, 5, Quorum.ONE)),
                null, true, "system", NOW);
    }

    /** A started chain, saved (ids given to its tasks as a repository would). */
    static Approval started(Quorum reviewQuorum) {
        Approval approval = Approval.start(9, procedure(reviewQuorum), 20, "消防安全进课堂", "区消防救援支队", 100, false,
                new ItemScope(LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 31), Set.of(SchoolStage.PRIMARY), null),
                Set.of("dept.fire"), new TraceEntry(TraceKind.SUBMITTED, null, "区消防救援支队", "dept.fire", "张三", "1",
                        null, NOW));
        open(approval, COMMITTEE);
        return approval;
    }

    static long taskIds = 1;

    static void open(Approval approval, long organization, Long... assignees) {
        approval.openCurrentStep(new StepAssignment(organization, "org-" + organization, List.of(assignees)), DUE, NOW);
        approval.tasks().stream().filter(ApprovalTask::isNew).forEach(t -> t.assignId(taskIds++));
    }

    static long openTask(Approval approval) {
        return approval.openTasks().findFirst().orElseThrow().id();
    }

    static void assertRefused(Executable action, String key) {
        assertThatThrownBy(action::execute).isInstanceOf(BusinessRuleViolation.class)
                .satisfies(e -> assertThat(((BusinessRuleViolation) e).messageKey()).isEqualTo(key));
    }

    @Test
    void approvalStatusTransitionTable() {
        Map<ApprovalStatus, Set<ApprovalStatus>> allowed = Map.of(
                ApprovalStatus.IN_PROGRESS, EnumSet.of(ApprovalStatus.IN_PROGRESS, ApprovalStatus.AWAITING_CORRECTION,
                        ApprovalStatus.READY_FOR_WHITELIST, ApprovalStatus.REJECTED, ApprovalStatus.WITHDRAWN),
                ApprovalStatus.AWAITING_CORRECTION, EnumSet.of(ApprovalStatus.IN_PROGRESS, ApprovalStatus.WITHDRAWN),
                ApprovalStatus.READY_FOR_WHITELIST, EnumSet.noneOf(ApprovalStatus.class),
                ApprovalStatus.REJECTED, EnumSet.noneOf(ApprovalStatus.class),
                ApprovalStatus.WITHDRAWN, EnumSet.noneOf(ApprovalStatus.class));
        for (ApprovalStatus from : ApprovalStatus.values()) {
            for (ApprovalStatus to : ApprovalStatus.values()) {
                assertThat(from.canMoveTo(to)).as(from + " → " + to).isEqualTo(allowed.get(from).contains(to));
            }
            assertThat(from.finished()).as(from + " finished").isEqualTo(allowed.get(from).isEmpty());
        }
    }

    @Test
    void taskStatusTransitionTable() {
        Map<TaskStatus, Set<TaskStatus>> allowed = Map.of(
                TaskStatus.OPEN, EnumSet.of(TaskStatus.DONE, TaskStatus.CANCELLED),
                TaskStatus.DONE, EnumSet.noneOf(TaskStatus.class),
                TaskStatus.CANCELLED, EnumSet.noneOf(TaskStatus.class));
        for (TaskStatus from : TaskStatus.values()) {
            for (TaskStatus to : TaskStatus.values()) {
                assertThat(from.canMoveTo(to)).as(from + " → " + to).isEqualTo(allowed.get(from).contains(to));
            }
        }
    }

    @Test
    void everyStepApprovedInTurnMakesTheItemReadyForTheWhitelist() {
        Approval approval = started(Quorum.ONE);
        assertThat(approval.act(openTask(approval), SECRETARY, Decision.APPROVED, "论证通过", 5, null, NOW))
                .isEqualTo(Outcome.NEXT_STEP);
        open(approval, COMMISSION);
        assertThat(approval.act(openTask(approval), REVIEWER, Decision.APPROVED, "同意", 5, null, NOW))
                .isEqualTo(Outcome.NEXT_STEP);
        open(approval, DISTRICT);
        assertThat(approval.districtApproved()).isFalse();
        assertThat(approval.act(openTask(approval), APPROVER, Decision.APPROVED, "同意", 5, null, NOW))
                .isEqualTo(Outcome.NEXT_STEP);
        assertThat(approval.districtApproved()).as("counts against the quota from here").isTrue();
        open(approval, MUNICIPAL);
        assertThat(approval.act(openTask(approval), FILER, Decision.APPROVED, "予以备案", 5, null, NOW))
                .isEqualTo(Outcome.READY_FOR_WHITELIST);
        assertThat(approval.status()).isEqualTo(ApprovalStatus.READY_FOR_WHITELIST);
        assertThat(approval.finishedAt()).isEqualTo(NOW);
        assertThat(approval.drainTrace()).extracting(TraceEntry::kind).containsSubsequence(TraceKind.SUBMITTED,
                TraceKind.STEP_OPENED, TraceKind.APPROVED, TraceKind.APPROVED, TraceKind.APPROVED, TraceKind.APPROVED,
                TraceKind.READY_FOR_WHITELIST);
    }

    @Test
    void aReturnPausesTheClockAndResubmissionResumesAtTheSameStep() {
        Approval approval = started(Quorum.ONE);
        approval.act(openTask(approval), SECRETARY, Decision.APPROVED, "同意", 5, null, NOW);
        open(approval, COMMISSION);
        assertRefused(() -> approval.act(openTask(approval), REVIEWER, Decision.RETURNED, "  ", 3, null, NOW),
                "approval.reasonRequired");
        assertThat(approval.act(openTask(approval), REVIEWER, Decision.RETURNED, "请补充安全预案", 3, null, NOW))
                .isEqualTo(Outcome.RETURNED);
        assertThat(approval.status()).isEqualTo(ApprovalStatus.AWAITING_CORRECTION);
        assertThat(approval.pausedWorkingDays()).isEqualTo(3);
        assertThat(approval.openTasks()).isEmpty();
        assertThat(approval.withdrawalProblem()).as("a returned item may be withdrawn").isEmpty();

        approval.resume(approval.scope(), "消防安全进课堂（修订）", false, new TraceEntry(TraceKind.RESUBMITTED, null,
                "区消防救援支队", "dept.fire.2", "李四", "2", null, NOW.plusSeconds(60)));
        open(approval, COMMISSION);
        assertThat(approval.currentStep()).isEqualTo(1);
        assertThat(approval.status()).isEqualTo(ApprovalStatus.IN_PROGRESS);
        assertThat(approval.pausedWorkingDays()).isNull();
        assertThat(approval.applicants()).contains("dept.fire", "dept.fire.2");
    }

    @Test
    void anApprovalNeedsAnOpinion() {
        Approval approval = started(Quorum.ONE);
        assertRefused(() -> approval.act(openTask(approval), SECRETARY, Decision.APPROVED, " ", 5, null, NOW),
                "approval.opinionRequired");
        assertThat(approval.openTasks()).hasSize(1);
    }

    @Test
    void aRejectionEndsTheChainWithItsReason() {
        Approval approval = started(Quorum.ONE);
        assertRefused(() -> approval.act(openTask(approval), SECRETARY, Decision.REJECTED, null, 5, null, NOW),
                "approval.reasonRequired");
        assertThat(approval.act(openTask(approval), SECRETARY, Decision.REJECTED, "与学校课程重复", 5, null, NOW))
                .isEqualTo(Outcome.REJECTED);
        assertThat(approval.status()).isEqualTo(ApprovalStatus.REJECTED);
        assertThat(approval.withdrawalProblem()).contains("approval.withdraw.finished");
    }

    @Test
    void fourEyesNobodyActsOnTheirOwnItemNorOnTwoConsecutiveSteps() {
        Approval approval = started(Quorum.ONE);
        Actor drafterAsSecretary = actor(1, "dept.fire", COMMITTEE, Role.COMMITTEE_SECRETARY);
        assertRefused(() -> approval.act(openTask(approval), drafterAsSecretary, Decision.APPROVED, "同意", 5, null, NOW),
                "approval.fourEyes.ownItem");
        // Someone who holds both the committee and the commission role (as a procedure edit could make happen).
        Actor both = actor(7, "both", COMMITTEE, Role.COMMITTEE_SECRETARY);
        approval.act(openTask(approval), both, Decision.APPROVED, "同意", 5, null, NOW);
        open(approval, COMMITTEE);  // the next step's organisation is the same one here
        Actor bothNow = actor(7, "both", COMMITTEE, Role.COMMITTEE_SECRETARY, Role.COMMISSION_REVIEWER);
        assertThat(approval.fourEyesProblem(bothNow)).contains("approval.fourEyes.consecutive");
        assertThat(approval.fourEyesProblem(SECRETARY)).isEmpty();
    }

    @Test
    void onlyTheTaskHolderActsAndATaskIsActedOnOnce() {
        Approval approval = started(Quorum.ONE);
        long task = openTask(approval);
        assertRefused(() -> approval.act(task, REVIEWER, Decision.APPROVED, "同意", 5, null, NOW), "approval.notYourTask");
        approval.act(task, SECRETARY, Decision.APPROVED, "同意", 5, null, NOW);
        assertRefused(() -> approval.act(task, SECRETARY, Decision.APPROVED, "同意", 5, null, NOW), "approval.alreadyActed");
    }

    @Test
    void countersigningWaitsForEveryMemberAndTheFirstReturnDecides() {
        Approval approval = started(Quorum.ALL);
        approval.act(openTask(approval), SECRETARY, Decision.APPROVED, "同意", 5, null, NOW);
        assertRefused(() -> open(approval, COMMISSION), "approval.nobodyHoldsStep");
        open(approval, COMMISSION, REVIEWER.accountId(), REVIEWER_2.accountId());
        List<ApprovalTask> tasks = approval.openTasks().toList();
        assertThat(tasks).hasSize(2);
        long first = tasks.stream().filter(t -> t.assigneeId() == REVIEWER.accountId()).findFirst().orElseThrow().id();
        long second = tasks.stream().filter(t -> t.assigneeId() == REVIEWER_2.accountId()).findFirst().orElseThrow().id();
        assertRefused(() -> approval.act(first, REVIEWER_2, Decision.APPROVED, "同意", 5, null, NOW), "approval.notYourTask");
        assertThat(approval.act(first, REVIEWER, Decision.APPROVED, "同意", 5, null, NOW))
                .isEqualTo(Outcome.WAITING_FOR_OTHERS);
        assertThat(approval.withdrawalProblem()).as("a step acted on the submission").contains("approval.withdraw.alreadyActed");
        assertThat(approval.act(second, REVIEWER_2, Decision.APPROVED, "同意", 5, null, NOW)).isEqualTo(Outcome.NEXT_STEP);

        Approval returned = started(Quorum.ALL);
        returned.act(openTask(returned), SECRETARY, Decision.APPROVED, "同意", 5, null, NOW);
        open(returned, COMMISSION, REVIEWER.accountId(), REVIEWER_2.accountId());
        long mine = returned.openTasks().filter(t -> t.assigneeId() == REVIEWER.accountId()).findFirst().orElseThrow().id();
        long theirs = returned.openTasks().filter(t -> t.assigneeId() == REVIEWER_2.accountId()).findFirst().orElseThrow().id();
        assertThat(returned.act(mine, REVIEWER, Decision.RETURNED, "口径需统一", 4, null, NOW)).isEqualTo(Outcome.RETURNED);
        assertRefused(() -> returned.act(theirs, REVIEWER_2, Decision.APPROVED, "同意", 4, null, NOW),
                "approval.taskCancelled");
    }

    @Test
    void theDepartmentWithdrawsOnlyUntilAStepActsOnItsSubmission() {
        Approval approval = started(Quorum.ONE);
        assertThat(approval.withdrawalProblem()).isEmpty();
        approval.act(openTask(approval), SECRETARY, Decision.APPROVED, "同意", 5, null, NOW.plusSeconds(10));
        assertThat(approval.withdrawalProblem()).contains("approval.withdraw.alreadyActed");
        assertRefused(() -> approval.withdraw(DRAFTER, NOW), "approval.withdraw.alreadyActed");

        Approval untouched = started(Quorum.ONE);
        untouched.withdraw(DRAFTER, NOW);
        assertThat(untouched.status()).isEqualTo(ApprovalStatus.WITHDRAWN);
        assertThat(untouched.openTasks()).isEmpty();
    }

    @Test
    void aTaskIsHandedOnlyToAnEligibleColleague() {
        Approval approval = started(Quorum.ONE);
        approval.act(openTask(approval), SECRETARY, Decision.APPROVED, "同意", 5, null, NOW);
        open(approval, COMMISSION);
        long task = openTask(approval);
        assertRefused(() -> approval.transfer(task, REVIEWER, 99, "外单位", false, NOW), "approval.transfer.notEligible");
        assertRefused(() -> approval.transfer(task, REVIEWER, REVIEWER.accountId(), "自己", true, NOW),
                "approval.transfer.notEligible");
        approval.transfer(task, REVIEWER, REVIEWER_2.accountId(), "王五", true, NOW);
        assertThat(approval.task(task).assigneeId()).isEqualTo(REVIEWER_2.accountId());
        assertThat(approval.task(task).actionableBy(REVIEWER)).isFalse();
        assertThat(approval.task(task).actionableBy(REVIEWER_2)).isTrue();
    }

    @Test
    void aReminderReachesTheOpenTasksOnceADay() {
        Approval approval = started(Quorum.ONE);
        Actor supervisor = actor(8, "supervisor", 30, Role.SUPERVISOR);
        List<ApprovalTask> reminded = approval.remind(supervisor, "请尽快办理", LocalDate.of(2026, 11, 30), NOW,
                java.time.ZoneId.of("Asia/Shanghai"));
        assertThat(reminded).hasSize(1).allSatisfy(t -> assertThat(t.reminders()).isEqualTo(1));
        assertRefused(() -> approval.remind(supervisor, null, LocalDate.of(2026, 11, 30), NOW.plusSeconds(60),
                java.time.ZoneId.of("Asia/Shanghai")), "approval.remind.alreadyToday");
    }

    @Test
    void aStepDefinitionKeepsRoleAndOrganisationTogetherAndDeadlinesSane() {
        assertRefused(() -> new StepDefinition(StepKind.DISTRICT_APPROVAL, OrganizationKind.DEPARTMENT,
                Role.DISTRICT_APPROVER, 5, Quorum.ONE), "procedure.roleNotInOrganization");
        assertRefused(() -> new StepDefinition(StepKind.DISTRICT_APPROVAL, OrganizationKind.DISTRICT_LEADERSHIP_GROUP,
                Role.DISTRICT_APPROVER, 0, Quorum.ONE), "procedure.deadlineRange");
    }
}
