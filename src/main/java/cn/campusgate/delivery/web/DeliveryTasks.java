package cn.campusgate.delivery.web;

import java.util.ArrayList;
import java.util.List;

import cn.campusgate.core.Actor;
import cn.campusgate.core.HomeTask;
import cn.campusgate.core.HomeTaskContributor;
import cn.campusgate.core.Role;
import cn.campusgate.delivery.ImplementationPlans;
import org.springframework.stereotype.Component;

/** Home to-dos: plans waiting for the commission's review; returned plans waiting for their department. */
@Component
class DeliveryTasks implements HomeTaskContributor {

    private final ImplementationPlans plans;

    DeliveryTasks(ImplementationPlans plans) {
        this.plans = plans;
    }

    @Override
    public List<HomeTask> tasksFor(Actor actor) {
        List<HomeTask> tasks = new ArrayList<>();
        if (actor.has(Role.COMMISSION_REVIEWER)) {
            long waiting = plans.waitingForReview(actor);
            tasks.add(new HomeTask("task.plansWaiting", List.of(waiting), "/plans?status=SUBMITTED", waiting));
        }
        if (actor.has(Role.APPLICANT)) {
            long returned = plans.returnedToDepartment(actor);
            if (returned > 0) {
                tasks.add(new HomeTask("task.plansReturned", List.of(returned), "/plans?status=RETURNED", returned));
            }
        }
        return tasks;
    }
}
