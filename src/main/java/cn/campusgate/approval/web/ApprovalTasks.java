package cn.campusgate.approval.web;

import java.util.ArrayList;
import java.util.List;

import cn.campusgate.approval.Inbox;
import cn.campusgate.approval.OverdueSteps;
import cn.campusgate.core.Actor;
import cn.campusgate.core.HomeTask;
import cn.campusgate.core.HomeTaskContributor;
import cn.campusgate.core.Role;
import org.springframework.stereotype.Component;

/** Home to-dos: steps waiting for the person; overdue steps of the district for those who follow them up. */
@Component
class ApprovalTasks implements HomeTaskContributor {

    private final Inbox inbox;
    private final OverdueSteps overdue;

    ApprovalTasks(Inbox inbox, OverdueSteps overdue) {
        this.inbox = inbox;
        this.overdue = overdue;
    }

    @Override
    public List<HomeTask> tasksFor(Actor actor) {
        List<HomeTask> tasks = new ArrayList<>();
        if (actor.roles().stream().anyMatch(r -> r != Role.ADMINISTRATOR && r != Role.SCHOOL_SENTINEL
                && r != Role.TOWN_OFFICE && r != Role.APPLICANT && r != Role.EXPERT)) {
            long waiting = inbox.mineCount();
            tasks.add(new HomeTask("task.approvalsWaiting", List.of(waiting), "/approvals", waiting));
        }
        if (actor.has(Role.SUPERVISOR) || actor.has(Role.COMMISSION_REVIEWER) || actor.has(Role.DISTRICT_APPROVER)) {
            long late = overdue.ofDistrict().size();
            tasks.add(new HomeTask("task.approvalsOverdue", List.of(late), "/approvals/report", late));
        }
        return tasks;
    }
}
