package cn.campusgate.approval;

import java.util.List;

import cn.campusgate.approval.ApprovalEvents.ApprovalCopied;
import cn.campusgate.approval.ApprovalEvents.ItemReadyForWhitelist;
import cn.campusgate.approval.ApprovalEvents.StepDecided;
import cn.campusgate.approval.ApprovalEvents.StepOpened;
import cn.campusgate.approval.ApprovalEvents.StepOverdue;
import cn.campusgate.approval.ApprovalEvents.StepReminded;
import cn.campusgate.approval.ApprovalEvents.TaskTransferred;
import cn.campusgate.core.Role;
import cn.campusgate.notification.Notice;
import cn.campusgate.notification.Notifications;
import cn.campusgate.organization.Account;
import cn.campusgate.organization.Accounts;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the next actors: whoever a step waits for, the department when its item comes back or is decided,
 * a colleague handed a task, organisations copied. In-app in the acting transaction; mail follows after
 * commit when configured.
 */
@Component
class ApprovalNotices {

    // Dates go into notices as ISO dates: each reader reads them as their language writes dates (SystemTexts).

    private final Notifications notifications;
    private final Accounts accounts;

    ApprovalNotices(Notifications notifications, Accounts accounts) {
        this.notifications = notifications;
        this.accounts = accounts;
    }

    @EventListener
    void on(StepOpened opened) {
        toHolders(opened.organizationId(), opened.role(), opened.assignees(), new Notice(
                "notice.approval.opened." + opened.step(), List.of(opened.itemTitle(), opened.dueOn().toString()),
                link(opened.itemId())));
    }

    @EventListener
    void on(StepReminded reminded) {
        toHolders(reminded.organizationId(), reminded.role(), reminded.assignees(), new Notice(
                "notice.approval.reminded", List.of(reminded.itemTitle(), reminded.dueOn().toString()),
                link(reminded.itemId())));
    }

    @EventListener
    void on(StepOverdue overdue) {
        toHolders(overdue.organizationId(), overdue.role(), overdue.assignees(), new Notice(
                "notice.approval.overdue", List.of(overdue.itemTitle(), overdue.dueOn().toString()),
                link(overdue.itemId())));
    }

    @EventListener
    void on(StepDecided decided) {
        if (decided.decision() != Decision.APPROVED) {
            notifications.sendToRole(decided.departmentId(), Role.APPLICANT, new Notice(
                    "notice.approval." + decided.decision(), List.of(decided.itemTitle(), decided.text()),
                    link(decided.itemId())));
        }
    }

    @EventListener
    void on(ItemReadyForWhitelist ready) {
        notifications.sendToRole(ready.departmentId(), Role.APPLICANT, new Notice("notice.approval.ready",
                List.of(ready.itemTitle()), link(ready.itemId())));
    }

    @EventListener
    void on(TaskTransferred transferred) {
        notifications.send(List.of(transferred.colleagueId()), new Notice("notice.approval.transferred",
                List.of(transferred.itemTitle()), link(transferred.itemId())));
    }

    @EventListener
    void on(ApprovalCopied copied) {
        List<Long> readers = copied.organizations().stream()
                .flatMap(org -> accounts.activeMembers(org).stream()).map(Account::id).distinct().toList();
        notifications.send(readers, new Notice("notice.approval.copied", List.of(copied.itemTitle()),
                link(copied.itemId())));
    }

    private void toHolders(long organizationId, Role role, List<Long> assignees, Notice notice) {
        if (assignees.isEmpty()) {
            notifications.sendToRole(organizationId, role, notice);
        } else {
            notifications.send(assignees, notice);
        }
    }

    private static String link(long itemId) {
        return "/items/" + itemId;
    }
}
