package cn.campusgate.delivery.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import cn.campusgate.approval.Semester;
import cn.campusgate.core.Actors;
import cn.campusgate.core.Role;
import cn.campusgate.delivery.ImplementationPlans;
import cn.campusgate.organization.Organization;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 学校活动安排: everything planned for one school in a semester against its cap, with clustering and exam-week warnings. */
@Controller
@RequestMapping("/schedule")
@PreAuthorize("hasAnyRole('SCHOOL_SENTINEL', 'COMMISSION_REVIEWER', 'SUPERVISOR', 'DISTRICT_APPROVER', 'TOWN_OFFICE')")
class ScheduleController {

    private final ImplementationPlans plans;
    private final Clock clock;

    ScheduleController(ImplementationPlans plans, Clock clock) {
        this.plans = plans;
        this.clock = clock;
    }

    @GetMapping
    String schedule(@RequestParam(required = false) @Nullable Long school,
                    @RequestParam(required = false) @Nullable Integer year,
                    @RequestParam(required = false) @Nullable Boolean autumn, Model model) {
        List<Organization> schools = plans.schedulableSchools();
        Semester current = Semester.of(LocalDate.now(clock));
        Semester semester = year == null || autumn == null ? current : new Semester(year, autumn);
        model.addAttribute("schools", schools);
        model.addAttribute("semester", semester);
        model.addAttribute("previous", previous(semester));
        model.addAttribute("next", semester.next());
        model.addAttribute("rules", plans.rules());
        Long chosen = school != null ? school : schools.size() == 1 ? schools.getFirst().id() : null;
        model.addAttribute("chosen", chosen);
        model.addAttribute("schedule", chosen == null ? null : plans.schedule(chosen, semester));
        // A town office follows its schools' schedule but does not open departments' plans (PlanController).
        model.addAttribute("plansOpen", Actors.current().filter(a -> a.roles().stream()
                .anyMatch(r -> r != Role.TOWN_OFFICE)).isPresent());
        return "delivery/schedule";
    }

    private static Semester previous(Semester semester) {
        return semester.autumn() ? new Semester(semester.year(), false) : new Semester(semester.year() - 1, true);
    }
}
