package cn.campusgate.monitoring.web;

import java.util.ArrayList;
import java.util.List;

import cn.campusgate.core.Actor;
import cn.campusgate.core.HomeTask;
import cn.campusgate.core.HomeTaskContributor;
import cn.campusgate.core.Role;
import cn.campusgate.monitoring.Alerts;
import cn.campusgate.monitoring.MonthlyReturns;
import org.springframework.stereotype.Component;

/** Home to-dos: new alerts for the commission; the monthly return for a monitoring school. */
@Component
class MonitoringTasks implements HomeTaskContributor {

    private final Alerts alerts;
    private final MonthlyReturns returns;

    MonitoringTasks(Alerts alerts, MonthlyReturns returns) {
        this.alerts = alerts;
        this.returns = returns;
    }

    @Override
    public List<HomeTask> tasksFor(Actor actor) {
        List<HomeTask> tasks = new ArrayList<>();
        if (actor.has(Role.COMMISSION_REVIEWER) || actor.has(Role.SUPERVISOR)) {
            long fresh = alerts.countNew(actor);
            tasks.add(new HomeTask("task.alertsNew", List.of(fresh), "/alerts?status=NEW", fresh));
        }
        if (actor.has(Role.SCHOOL_SENTINEL)) {
            returns.awaiting(actor).ifPresent(month -> tasks.add(new HomeTask("task.monthlyReturn",
                    List.of(month.getYear(), month.getMonthValue()), "/sentinel/returns/" + month, 1)));
        }
        return tasks;
    }
}
