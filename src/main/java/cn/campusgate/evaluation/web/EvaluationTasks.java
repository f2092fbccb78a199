package cn.campusgate.evaluation.web;

import java.util.ArrayList;
import java.util.List;

import cn.campusgate.core.Actor;
import cn.campusgate.core.HomeTask;
import cn.campusgate.core.HomeTaskContributor;
import cn.campusgate.evaluation.Feedback;
import cn.campusgate.evaluation.RemovalStatus;
import cn.campusgate.evaluation.Removals;
import org.springframework.stereotype.Component;

/** Home to-dos: a school's open questions; removal proposals waiting for a department, the leadership group, the commission. */
@Component
class EvaluationTasks implements HomeTaskContributor {

    private final Feedback feedback;
    private final Removals removals;

    EvaluationTasks(Feedback feedback, Removals removals) {
        this.feedback = feedback;
        this.removals = removals;
    }

    @Override
    public List<HomeTask> tasksFor(Actor actor) {
        List<HomeTask> tasks = new ArrayList<>();
        long questions = feedback.unanswered(actor);
        if (questions > 0) {
            tasks.add(new HomeTask("task.evaluationQuestions", List.of(questions), "/evaluation", questions));
        }
        add(tasks, "task.removalResponse", removals.waitingFor(actor, RemovalStatus.AWAITING_RESPONSE));
        add(tasks, "task.removalDecision", removals.waitingFor(actor, RemovalStatus.AWAITING_DECISION));
        add(tasks, "task.removalCarryOut", removals.waitingFor(actor, RemovalStatus.REMOVAL_DECIDED));
        return tasks;
    }

    private static void add(List<HomeTask> tasks, String key, long count) {
        if (count > 0) {
            tasks.add(new HomeTask(key, List.of(count), "/evaluation#proposals", count));
        }
    }
}
