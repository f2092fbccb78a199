package cn.campusgate.approval.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import cn.campusgate.approval.Approval;
import cn.campusgate.approval.ApprovalStatus;
import cn.campusgate.approval.ApprovalTask;
import cn.campusgate.approval.Approvals;
import cn.campusgate.approval.Decision;
import cn.campusgate.approval.Inbox;
import cn.campusgate.approval.OverdueSteps;
import cn.campusgate.approval.Quotas;
import cn.campusgate.approval.StepKind;
import cn.campusgate.approval.TraceEntry;
import cn.campusgate.core.Actors;
import cn.campusgate.core.NotFound;
import cn.campusgate.core.PageSlice;
import cn.campusgate.item.ItemRoute;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** JSON API of the approval chain: inboxes, a chain's state and trace, and the actions on a step. */
@RestController
@RequestMapping("/api/v1/approvals")
@Tag(name = "approval", description = "审批报备 Approval and filing chain")
@PreAuthorize("isAuthenticated()")
class ApprovalApi {

    private final Approvals approvals;
    private final Inbox inbox;
    private final OverdueSteps overdue;
    private final Quotas quotas;

    ApprovalApi(Approvals approvals, Inbox inbox, OverdueSteps overdue, Quotas quotas) {
        this.approvals = approvals;
        this.inbox = inbox;
        this.overdue = overdue;
        this.quotas = quotas;
    }

    record TaskView(long id, int stepNo, StepKind step, long organizationId, @Nullable Long assigneeId, String status,
                    @Nullable Decision outcome, @Nullable String opinion, @Nullable String actedBy,
                    @Nullable Instant actedAt, LocalDate dueOn, int reminders) {
        static TaskView of(ApprovalTask t) {
            return new TaskView(t.id(), t.stepNo(), t.stepKind(), t.organizationId(), t.assigneeId(), t.status().name(),
                    t.outcome(), t.opinion(), t.actedByName(), t.actedAt(), t.dueOn(), t.reminders());
        }
    }

    record ApprovalView(long id, long itemId, String itemTitle, ItemRoute route, int procedureRevision,
                        ApprovalStatus status, int currentStep, StepKind currentStepKind, int year, boolean exempt,
                        List<TaskView> tasks, List<TraceEntry> trace) {
    }

    record DecisionRequest(@Nullable Decision decision, @Nullable String text, @Nullable String quotaOverride) {
    }

    record TransferRequest(@Nullable Long colleagueId) {
    }

    record CopyRequest(@Nullable List<Long> organizationIds) {
    }

    record ReminderRequest(@Nullable String text) {
    }

    @GetMapping("/inbox")
    @Operation(summary = "Open tasks, overdue first: scope=mine (default) or organization; q filters by item title; 20 per page")
    PageSlice<Inbox.Entry> inbox(@RequestParam(defaultValue = "mine") String scope,
                                 @RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "") String q) {
        return "organization".equals(scope) ? inbox.organization(page, q) : inbox.mine(page, q);
    }

    @GetMapping("/items/{itemId}")
    @Operation(summary = "The item's latest chain with its tasks and trace; 404 unless the caller may read the item")
    ApprovalView forItem(@PathVariable long itemId) {
        Approval approval = approvals.forItem(itemId).orElseThrow(() -> new NotFound("approval", itemId));
        return view(approval);
    }

    @PostMapping("/tasks/{taskId}/decision")
    @Operation(summary = "Approve (opinion optional), return for correction or reject (reason required); 422 when "
            + "refused (four eyes, quota without override, already decided by someone else)")
    ApprovalView decide(@PathVariable long taskId, @RequestBody DecisionRequest request) {
        if (request.decision() == null) {
            throw new cn.campusgate.core.BusinessRuleViolation("approval.decisionRequired");
        }
        return view(approvals.decide(taskId, request.decision(), request.text(), request.quotaOverride()));
    }

    @PostMapping("/tasks/{taskId}/transfer")
    ApprovalView transfer(@PathVariable long taskId, @RequestBody TransferRequest request) {
        if (request.colleagueId() == null) {
            throw new cn.campusgate.core.BusinessRuleViolation("approval.transfer.notEligible");
        }
        return view(approvals.transfer(taskId, request.colleagueId()));
    }

    @PostMapping("/{approvalId}/copies")
    ApprovalView copy(@PathVariable long approvalId, @RequestBody CopyRequest request) {
        return view(approvals.copy(approvalId, request.organizationIds() == null ? List.of() : request.organizationIds()));
    }

    @PostMapping("/{approvalId}/reminders")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'COMMISSION_REVIEWER')")
    ApprovalView remind(@PathVariable long approvalId, @RequestBody(required = false) @Nullable ReminderRequest request) {
        return view(approvals.remind(approvalId, request == null ? null : request.text()));
    }

    @GetMapping("/overdue")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'COMMISSION_REVIEWER', 'DISTRICT_APPROVER', 'ADMINISTRATOR')")
    List<OverdueSteps.Overdue> overdue() {
        return overdue.ofDistrict();
    }

    @GetMapping("/quotas/{year}")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'COMMISSION_REVIEWER', 'DISTRICT_APPROVER', 'ADMINISTRATOR')")
    @Operation(summary = "The year's caps and usage of the caller's jurisdiction, with the leadership group's overrides")
    Quotas.Usage quotas(@PathVariable int year) {
        return quotas.usage(quotas.jurisdictionOf(Actors.required()), year);
    }

    private ApprovalView view(Approval approval) {
        return new ApprovalView(approval.id(), approval.itemId(), approval.itemTitle(), approval.route(),
                approval.procedure().revision(), approval.status(), approval.currentStep(),
                approval.currentDefinition().kind(), approval.year(), approval.exempt(),
                approval.tasks().stream().map(TaskView::of).toList(), approvals.trace(approval));
    }
}
