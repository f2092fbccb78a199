package cn.campusgate.supervision.web;

import java.util.ArrayList;
import java.util.List;

import cn.campusgate.core.Actor;
import cn.campusgate.core.HomeTask;
import cn.campusgate.core.HomeTaskContributor;
import cn.campusgate.core.Role;
import cn.campusgate.supervision.Cases;
import org.springframework.stereotype.Component;

/** Home to-dos: complaints to take up and overdue cases; measures to answer; extensions and removals to decide. */
@Component
class SupervisionTasks implements HomeTaskContributor {

    private final Cases cases;

    SupervisionTasks(Cases cases) {
        this.cases = cases;
    }

    @Override
    public List<HomeTask> tasksFor(Actor actor) {
        List<HomeTask> tasks = new ArrayList<>();
        if (actor.has(Role.SUPERVISOR)) {
            long[] counts = cases.openAndOverdue();
            tasks.add(new HomeTask("task.supervision.received", List.of(counts[0]), "/supervision/cases?status=RECEIVED", counts[0]));
            tasks.add(new HomeTask("task.supervision.overdue", List.of(counts[1]), "/supervision/cases?tab=OVERDUE", counts[1]));
        }
        if (actor.has(Role.SUPERVISOR) || actor.has(Role.COMMISSION_REVIEWER)) {
            long extensions = cases.awaitingExtensionDecision().size();
            tasks.add(new HomeTask("task.supervision.extensions", List.of(extensions), "/supervision/extensions", extensions));
        }
        if (actor.has(Role.COMMISSION_REVIEWER)) {
            long removals = cases.removalsAwaiting().size();
            tasks.add(new HomeTask("task.supervision.removals", List.of(removals), "/supervision/measures", removals));
        }
        if (actor.has(Role.APPLICANT) || actor.has(Role.TOWN_OFFICE)) {
            long unanswered = cases.addressedToMe().stream().filter(a -> !a.sanction().answered()).count();
            tasks.add(new HomeTask("task.supervision.measures", List.of(unanswered), "/supervision/measures", unanswered));
        }
        return tasks;
    }
}
