package cn.campusgate.approval;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.campusgate.organization.Account;
import cn.campusgate.organization.Organization;
import org.jspecify.annotations.Nullable;

/**
 * What the item page shows of the chain: its steps with their state, the trace, and what the reader may do
 * now (their open tasks, unless four eyes forbid; a reminder for supervision). {@code decidedElsewhere} links
 * to where the reader's step is decided when another module takes it over (the committee's panel page).
 */
public record ApprovalPanel(Approval approval, List<StepState> steps, List<TraceEntry> trace,
                            List<ApprovalTask> myTasks, @Nullable String fourEyesProblem,
                            List<String> quotaWarnings, List<Account> colleagues,
                            List<Organization> copyTargets, boolean mayRemind,
                            @Nullable String decidedElsewhere) {

    /** One step of the procedure as it stands: done, open (maybe overdue), paused, stopped there, or ahead. */
    public record StepState(int number, StepDefinition definition, String state, @Nullable LocalDate dueOn,
                            boolean overdue) {
    }

    public boolean mayAct() {
        return !myTasks.isEmpty() && fourEyesProblem == null;
    }

    static List<StepState> steps(Approval approval, LocalDate today) {
        List<StepState> states = new ArrayList<>();
        List<StepDefinition> definitions = approval.procedure().steps();
        for (int i = 0; i < definitions.size(); i++) {
            int number = i;
            LocalDate due = approval.openTasks().filter(t -> t.stepNo() == number).map(ApprovalTask::dueOn)
                    .findFirst().orElse(null);
            String state;
            if (approval.status() == ApprovalStatus.READY_FOR_WHITELIST || i < approval.currentStep()) {
                state = "done";
            } else if (i > approval.currentStep()) {
                state = "ahead";
            } else {
                state = switch (approval.status()) {
                    case IN_PROGRESS -> "open";
                    case AWAITING_CORRECTION -> "paused";
                    case REJECTED -> "rejected";
                    case WITHDRAWN -> "withdrawn";
                    case READY_FOR_WHITELIST -> "done";
                };
            }
            states.add(new StepState(i, definitions.get(i), state, due, due != null && today.isAfter(due)));
        }
        return states;
    }
}
