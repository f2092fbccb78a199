package cn.campusgate.committee.web;

import java.util.ArrayList;
import java.util.List;

import cn.campusgate.committee.Panels;
import cn.campusgate.committee.Reviews;
import cn.campusgate.core.Actor;
import cn.campusgate.core.HomeTask;
import cn.campusgate.core.HomeTaskContributor;
import cn.campusgate.core.Role;
import org.springframework.stereotype.Component;

/** Home to-dos: panels to form and opinions to sign for the secretary; declarations and reviews for a member. */
@Component
class CommitteeTasks implements HomeTaskContributor {

    private final Panels panels;
    private final Reviews reviews;

    CommitteeTasks(Panels panels, Reviews reviews) {
        this.panels = panels;
        this.reviews = reviews;
    }

    @Override
    public List<HomeTask> tasksFor(Actor actor) {
        List<HomeTask> tasks = new ArrayList<>();
        if (actor.has(Role.COMMITTEE_SECRETARY)) {
            Panels.Counts counts = panels.counts();
            long forming = counts.forming();
            long ready = counts.readyToSign();
            tasks.add(new HomeTask("task.committee.forming", List.of(forming), "/committee", forming));
            tasks.add(new HomeTask("task.committee.quorum", List.of(ready), "/committee", ready));
        }
        if (actor.has(Role.EXPERT)) {
            long pending = reviews.pendingCount();
            tasks.add(new HomeTask("task.committee.reviews", List.of(pending), "/committee/reviews", pending));
        }
        return tasks;
    }
}
