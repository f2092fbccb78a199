package cn.campusgate.delivery.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.campusgate.core.Actor;
import cn.campusgate.core.FormOutcome;
import cn.campusgate.core.Actors;
import cn.campusgate.core.BusinessRuleViolation;
import cn.campusgate.core.FormErrors;
import cn.campusgate.core.NotFound;
import cn.campusgate.core.Role;
import cn.campusgate.delivery.ImplementationPlan;
import cn.campusgate.delivery.ImplementationPlans;
import cn.campusgate.delivery.PlanCommand;
import cn.campusgate.delivery.PlanReview;
import cn.campusgate.delivery.PlanStatus;
import cn.campusgate.item.DeliveryMode;
import cn.campusgate.item.GraduatingClasses;
import cn.campusgate.item.IntegrationChannel;
import cn.campusgate.organization.Organization;
import cn.campusgate.organization.Organizations;
import cn.campusgate.whitelist.WhitelistEntry;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Implementation plans (实施方案): departments file them for their whitelist entries and correct returned ones; the
 * commission reviews them (approve, possibly narrowed; return; merge). The page offers only what the plan's state
 * and the reader's role allow; a refused action changes nothing and says why.
 */
@Controller
@RequestMapping("/plans")
@PreAuthorize("hasAnyRole('APPLICANT', 'COMMISSION_REVIEWER', 'SUPERVISOR', 'DISTRICT_APPROVER', 'SCHOOL_SENTINEL')")
class PlanController {

    private final ImplementationPlans plans;
    private final MessageSource messages;
    private final Clock clock;
    private final Organizations organizations;

    PlanController(ImplementationPlans plans, MessageSource messages, Clock clock, Organizations organizations) {
        this.organizations = organizations;
        this.plans = plans;
        this.messages = messages;
        this.clock = clock;
    }

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("deliveryModes", DeliveryMode.values());
        model.addAttribute("channels", IntegrationChannel.values());
        model.addAttribute("graduatingOptions", GraduatingClasses.values());
        model.addAttribute("statuses", PlanStatus.values());
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('APPLICANT', 'COMMISSION_REVIEWER', 'SUPERVISOR', 'DISTRICT_APPROVER')")
    String list(@RequestParam(required = false) @Nullable PlanStatus status, Model model) {
        Actor actor = Actors.required();
        List<ImplementationPlan> visible = plans.visible();
        model.addAttribute("status", status);
        model.addAttribute("plans", visible.stream().filter(p -> status == null || p.status() == status).toList());
        model.addAttribute("counts", visible.stream().collect(java.util.stream.Collectors.groupingBy(
                ImplementationPlan::status, java.util.stream.Collectors.counting())));
        boolean department = actor.has(Role.APPLICANT) && !actor.has(Role.COMMISSION_REVIEWER);
        model.addAttribute("department", department);
        model.addAttribute("entries", department ? plans.plannableEntries() : List.of());
        model.addAttribute("earliestStart", LocalDate.now(clock).plusMonths(ImplementationPlan.LEAD_MONTHS));
        return "delivery/plans";
    }

    @GetMapping("/new")
    @PreAuthorize("hasRole('APPLICANT')")
    String newForm(@RequestParam long entry, Model model) {
        WhitelistEntry found = plans.plannableEntry(entry);
        // The department proposed the delivery mode, channel and grades with the item: the plan starts from them.
        return form(PlanCommand.startingFrom(found.id(), found.deliveryMode(), found.integrationChannel(),
                found.targetGrades()), found, null, Map.of(), null, model);
    }

    @PostMapping
    @PreAuthorize("hasRole('APPLICANT')")
    String file(@Valid @ModelAttribute("form") PlanCommand form, BindingResult binding, Model model,
                RedirectAttributes redirect, Locale locale) {
        if (form.whitelistEntryId() == null) {
            throw new NotFound("whitelistEntry", "—");
        }
        WhitelistEntry entry = plans.plannableEntry(form.whitelistEntryId());
        if (binding.hasErrors()) {
            return form(form, entry, null, FormErrors.of(binding, messages, locale), null, model);
        }
        try {
            ImplementationPlan plan = plans.file(form);
            redirect.addFlashAttribute("notice", messages.getMessage("delivery.done.filed", new Object[]{plan.title()},
                    locale));
            return "redirect:/plans/" + plan.id();
        } catch (BusinessRuleViolation e) {
            return form(form, entry, null, Map.of(), FormErrors.message(e, messages, locale), model);
        }
    }

    @GetMapping("/{id}")
    String view(@PathVariable long id, Model model) {
        ImplementationPlan plan = plans.get(id);
        Actor actor = Actors.required();
        boolean own = actor.has(Role.APPLICANT) && plan.departmentId() == actor.organizationId();
        boolean reviews = actor.has(Role.COMMISSION_REVIEWER) && plan.status() == PlanStatus.SUBMITTED;
        model.addAttribute("plan", plan);
        model.addAttribute("schools", plans.schoolNames(plan.schoolIds()));
        model.addAttribute("askedSchools", plans.schoolNames(plan.askedSchoolIds()));
        model.addAttribute("canReview", reviews);
        model.addAttribute("canCorrect", own && plan.status() == PlanStatus.RETURNED);
        model.addAttribute("canWithdraw", own && plan.status().canMoveTo(PlanStatus.WITHDRAWN));
        model.addAttribute("similar", reviews ? plans.similarPlans(plan) : List.of());
        model.addAttribute("mergedInto", plan.mergedIntoId() == null ? null : safely(plan.mergedIntoId()));
        return "delivery/plan";
    }

    @GetMapping("/{id}/edit")
    @PreAuthorize("hasRole('APPLICANT')")
    String editForm(@PathVariable long id, Model model) {
        ImplementationPlan plan = plans.get(id);
        if (plan.status() != PlanStatus.RETURNED || plan.departmentId() != Actors.required().organizationId()) {
            return "redirect:/plans/" + id;
        }
        return form(plan.toCommand(), plans.plannableEntry(plan.whitelistEntryId()), plan, Map.of(), null, model);
    }

    @PostMapping("/{id}")
    @PreAuthorize("hasRole('APPLICANT')")
    String resubmit(@PathVariable long id, @RequestParam int version, @Valid @ModelAttribute("form") PlanCommand form,
                    BindingResult binding, Model model, RedirectAttributes redirect, Locale locale) {
        ImplementationPlan plan = plans.get(id);
        WhitelistEntry entry = plans.plannableEntry(plan.whitelistEntryId());
        if (binding.hasErrors()) {
            return form(form, entry, plan, FormErrors.of(binding, messages, locale), null, model);
        }
        try {
            plans.resubmit(id, version, form);
            redirect.addFlashAttribute("notice", messages.getMessage("delivery.done.resubmitted", null, locale));
            return "redirect:/plans/" + id;
        } catch (BusinessRuleViolation e) {
            return form(form, entry, plan, Map.of(), FormErrors.message(e, messages, locale), model);
        }
    }

    @PostMapping("/{id}/withdraw")
    @PreAuthorize("hasRole('APPLICANT')")
    String withdraw(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect, Locale locale) {
        return act(id, redirect, locale, "delivery.done.withdrawn", () -> plans.withdraw(id, version));
    }

    @PostMapping("/{id}/review")
    @PreAuthorize("hasRole('COMMISSION_REVIEWER')")
    String review(@PathVariable long id, @ModelAttribute PlanReview form, BindingResult binding,
                  RedirectAttributes redirect, Locale locale) {
        if (binding.hasErrors()) {
            redirect.addFlashAttribute("problem", String.join(" ",
                    FormErrors.of(binding, messages, locale).values().stream().distinct().toList()));
            return "redirect:/plans/" + id;
        }
        String key = form.decision() == null ? "delivery.done.approved"
                : "delivery.done." + form.decision().name().toLowerCase(Locale.ROOT);
        return act(id, redirect, locale, key, () -> plans.review(id, form));
    }

    private @Nullable ImplementationPlan safely(long id) {
        try {
            return plans.get(id);
        } catch (NotFound e) {
            return null;
        }
    }

    private String act(long id, RedirectAttributes redirect, Locale locale, String successKey,
                       java.util.function.Supplier<?> action) {
        return FormOutcome.redirect("/plans/" + id, null, redirect, messages, locale, successKey, action::get);
    }

    private String form(PlanCommand form, WhitelistEntry entry, @Nullable ImplementationPlan plan,
                        Map<String, String> fieldErrors, @Nullable String problem, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("entry", entry);
        model.addAttribute("plan", plan);
        List<Organization> schools = plans.schoolsReachedBy(entry);
        model.addAttribute("schools", schools);
        model.addAttribute("schoolGroups", SchoolGroups.of(schools, id -> organizations.get(id).name()));
        model.addAttribute("fieldErrors", fieldErrors);
        model.addAttribute("problem", problem);
        LocalDate earliest = LocalDate.now(clock).plusMonths(ImplementationPlan.LEAD_MONTHS);
        model.addAttribute("earliestStart", earliest.isAfter(entry.startsOn()) ? earliest : entry.startsOn());
        model.addAttribute("leadClause", ImplementationPlan.LEAD_TIME_CLAUSE);
        return "delivery/plan-form";
    }
}
