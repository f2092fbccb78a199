package cn.campusgate.approval.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import cn.campusgate.approval.Procedure;
import cn.campusgate.approval.Procedures;
import cn.campusgate.approval.Procedures.RevisionCommand;
import cn.campusgate.approval.Procedures.StepChange;
import cn.campusgate.approval.Quorum;
import cn.campusgate.approval.Quotas;
import cn.campusgate.approval.StepDefinition;
import cn.campusgate.core.Actors;
import cn.campusgate.core.BusinessRuleViolation;
import cn.campusgate.core.FormErrors;
import cn.campusgate.item.ItemRoute;
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

/** The administrator edits the routes' procedures (each edit a new revision) and the district's quotas. */
@Controller
@RequestMapping("/admin")
@PreAuthorize("hasRole('ADMINISTRATOR')")
class ProcedureAdminController {

    /** The procedure form as posted: per step, in order, a deadline and a quorum; and why. */
    record RevisionForm(int basedOnRevision, @Nullable List<Integer> deadline, @Nullable List<Quorum> quorum,
                        @Nullable String note) {
    }

    record QuotaForm(int year, int maxItems, int maxActivitiesPerSchoolSemester, int version) {
    }

    private final Procedures procedures;
    private final Quotas quotas;
    private final MessageSource messages;
    private final java.time.Clock clock;

    ProcedureAdminController(Procedures procedures, Quotas quotas, MessageSource messages, java.time.Clock clock) {
        this.procedures = procedures;
        this.quotas = quotas;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/procedures")
    String list(Model model) {
        List<RouteView> routes = new ArrayList<>();
        for (ItemRoute route : ItemRoute.values()) {
            Procedure active = procedures.active(route);
            routes.add(new RouteView(route, active, procedures.chainsUnderway(active), procedures.revisions(route)));
        }
        model.addAttribute("routes", routes);
        model.addAttribute("maxDeadline", StepDefinition.MAX_DEADLINE);
        return "approval/procedures";
    }

    record RouteView(ItemRoute route, Procedure active, long underway, List<Procedure> revisions) {
    }

    @GetMapping("/procedures/{route}/edit")
    String edit(@PathVariable ItemRoute route, Model model) {
        model.addAttribute("procedure", procedures.active(route));
        model.addAttribute("quorums", Quorum.values());
        model.addAttribute("maxDeadline", StepDefinition.MAX_DEADLINE);
        return "approval/procedure-form";
    }

    @PostMapping("/procedures/{route}")
    String revise(@PathVariable ItemRoute route, @ModelAttribute("form") RevisionForm form, BindingResult binding,
                  Model model, RedirectAttributes redirect, Locale locale) {
        Procedure active = procedures.active(route);
        List<Integer> deadlines = form.deadline() == null ? List.of() : form.deadline();
        List<Quorum> quorums = form.quorum() == null ? List.of() : form.quorum();
        try {
            if (binding.hasErrors() || deadlines.size() != active.steps().size() || quorums.size() != deadlines.size()
                    || deadlines.contains(null) || quorums.contains(null)) {
                throw new BusinessRuleViolation("procedure.invalidForm", StepDefinition.MAX_DEADLINE);
            }
            List<StepChange> changes = new ArrayList<>();
            for (int i = 0; i < deadlines.size(); i++) {
                changes.add(new StepChange(deadlines.get(i), quorums.get(i)));
            }
            Procedure revised = procedures.revise(new RevisionCommand(route, form.basedOnRevision(), changes,
                    form.note() == null ? "" : form.note()));
            redirect.addFlashAttribute("notice", messages.getMessage("procedure.revised",
                    new Object[]{revised.revision()}, locale));
            return "redirect:/admin/procedures";
        } catch (BusinessRuleViolation e) {
            model.addAttribute("problem", FormErrors.message(e, messages, locale));
            model.addAttribute("procedure", active);
            model.addAttribute("quorums", Quorum.values());
            model.addAttribute("maxDeadline", StepDefinition.MAX_DEADLINE);
            model.addAttribute("posted", form);
            return "approval/procedure-form";
        }
    }

    @GetMapping("/quotas")
    String quotas(@RequestParam(required = false) @Nullable Integer year, Model model) {
        long jurisdiction = quotas.jurisdictionOf(Actors.required());
        int shown = year == null ? java.time.LocalDate.now(clock).getYear() : year;
        model.addAttribute("year", shown);
        model.addAttribute("caps", quotas.caps(jurisdiction, shown));
        model.addAttribute("usage", quotas.usage(jurisdiction, shown));
        model.addAttribute("defaultItems", Quotas.DEFAULT_MAX_ITEMS);
        model.addAttribute("defaultActivities", Quotas.DEFAULT_MAX_ACTIVITIES);
        return "approval/quotas";
    }

    @PostMapping("/quotas")
    String configure(@ModelAttribute QuotaForm form, BindingResult binding, RedirectAttributes redirect,
                     Locale locale) {
        if (binding.hasErrors()) {
            redirect.addFlashAttribute("problem", messages.getMessage("quota.invalidForm", null, locale));
            return "redirect:/admin/quotas";
        }
        try {
            quotas.configure(new Quotas.QuotaCommand(quotas.jurisdictionOf(Actors.required()), form.year(),
                    form.maxItems(), form.maxActivitiesPerSchoolSemester(), form.version()));
            redirect.addFlashAttribute("notice", messages.getMessage("quota.saved", new Object[]{form.year()}, locale));
        } catch (BusinessRuleViolation e) {
            redirect.addFlashAttribute("problem", FormErrors.message(e, messages, locale));
        }
        return "redirect:/admin/quotas?year=" + form.year();
    }
}
