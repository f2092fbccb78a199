package cn.campusgate.delivery.web;

import java.time.LocalDate;
import java.util.List;

import cn.campusgate.approval.Semester;
import cn.campusgate.delivery.ImplementationPlan;
import cn.campusgate.delivery.ImplementationPlans;
import cn.campusgate.delivery.PlanCommand;
import cn.campusgate.delivery.PlanReview;
import cn.campusgate.delivery.ScheduleRules;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** JSON API of implementation plans and the per-school schedule. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "delivery", description = "实施方案 Implementation plans and school schedules")
@PreAuthorize("isAuthenticated()")
class PlanApi {

    private final ImplementationPlans plans;

    PlanApi(ImplementationPlans plans) {
        this.plans = plans;
    }

    /** A plan as the API shows it; teachers only as a count per school. */
    record PlanView(long id, long whitelistEntryId, long itemId, String title, String department, String status,
                    LocalDate startsOn, LocalDate endsOn, List<Long> schoolIds, String grades, String graduatingClasses,
                    @Nullable String graduatingReason, int classHours, int teachersInvolved, String deliveryMode,
                    @Nullable String integrationChannel, String arrangement, @Nullable String resourcePack,
                    boolean narrowed, LocalDate askedStartsOn, LocalDate askedEndsOn, List<Long> askedSchoolIds,
                    int askedClassHours, @Nullable String reviewOpinion, @Nullable Long mergedIntoId, int version) {
        static PlanView of(ImplementationPlan p) {
            return new PlanView(p.id(), p.whitelistEntryId(), p.itemId(), p.title(), p.departmentName(),
                    p.status().name(), p.startsOn(), p.endsOn(), p.schoolIds(), p.grades(), p.graduatingClasses().name(),
                    p.graduatingReason(), p.classHours(), p.teachersInvolved(), p.deliveryMode().name(),
                    p.integrationChannel() == null ? null : p.integrationChannel().name(), p.arrangement(),
                    p.resourcePack(), p.narrowed(), p.askedStartsOn(), p.askedEndsOn(), p.askedSchoolIds(),
                    p.askedClassHours(), p.reviewOpinion(), p.mergedIntoId(), p.version());
        }
    }

    record ScheduleView(long schoolId, String school, int semesterYear, boolean autumn, int cap, long approved,
                        long pending, List<ScheduleRules.Activity> activities, List<ScheduleRules.Warning> warnings) {
    }

    @GetMapping("/plans")
    @Operation(summary = "Plans the caller follows: a department its own, the commission its jurisdiction's")
    List<PlanView> plans() {
        return plans.visible().stream().map(PlanView::of).toList();
    }

    @GetMapping("/plans/{id}")
    PlanView plan(@PathVariable long id) {
        return PlanView.of(plans.get(id));
    }

    @PostMapping("/plans")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "File an implementation plan for a whitelist entry, at least one month before the activity")
    PlanView file(@Valid @RequestBody PlanCommand command) {
        return PlanView.of(plans.file(command));
    }

    @PostMapping("/plans/{id}/review")
    @Operation(summary = "The commission approves (possibly narrowed), returns or merges a plan")
    PlanView review(@PathVariable long id, @RequestBody PlanReview review) {
        return PlanView.of(plans.review(id, review));
    }

    @PostMapping("/plans/{id}/withdraw")
    PlanView withdraw(@PathVariable long id, @RequestParam int version) {
        return PlanView.of(plans.withdraw(id, version));
    }

    @GetMapping("/schedule")
    // The roles of the schedule page: without it any account read every school's planned (even unapproved) activities.
    @PreAuthorize("hasAnyRole('SCHOOL_SENTINEL', 'COMMISSION_REVIEWER', 'SUPERVISOR', 'DISTRICT_APPROVER', 'TOWN_OFFICE')")
    @Operation(summary = "A school's semester: planned activities against its cap, with clustering and exam-week warnings")
    ScheduleView schedule(@RequestParam long school, @RequestParam int year, @RequestParam boolean autumn) {
        ImplementationPlans.Schedule s = plans.schedule(school, new Semester(year, autumn));
        ScheduleRules.Assessment a = s.assessment();
        return new ScheduleView(s.school().id(), s.school().name(), year, autumn, a.cap(), a.approved(), a.pending(),
                a.activities(), a.warnings());
    }
}
