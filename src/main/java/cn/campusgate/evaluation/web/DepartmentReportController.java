package cn.campusgate.evaluation.web;

import cn.campusgate.core.Actor;
import cn.campusgate.core.Actors;
import cn.campusgate.core.Role;
import cn.campusgate.evaluation.TaskKind;
import cn.campusgate.evaluation.TaskRatings;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The department reports (部门评价报告): the schools' reverse ratings of a department's tasks and documents and the
 * answers about its activities, totals of five or more only. A department reads its own, district staff all of theirs.
 */
@Controller
@RequestMapping("/department-reports")
class DepartmentReportController {

    private final TaskRatings ratings;

    DepartmentReportController(TaskRatings ratings) {
        this.ratings = ratings;
    }

    @GetMapping
    String departments(Model model) {
        Actor actor = Actors.required();
        if (actor.has(Role.APPLICANT) && !actor.has(Role.COMMISSION_REVIEWER)) {
            return "redirect:/department-reports/" + actor.organizationId();
        }
        model.addAttribute("departments", ratings.reportableDepartments());
        return "evaluation/departments";
    }

    @GetMapping("/{id}")
    String department(@PathVariable long id, Model model) {
        model.addAttribute("report", ratings.report(id));
        model.addAttribute("kinds", TaskKind.values());
        return "evaluation/department";
    }

}
