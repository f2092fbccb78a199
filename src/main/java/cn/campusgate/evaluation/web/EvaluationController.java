package cn.campusgate.evaluation.web;

import java.util.List;
import java.util.Locale;

import cn.campusgate.core.Actor;
import cn.campusgate.core.FormOutcome;
import cn.campusgate.core.Actors;
import cn.campusgate.core.BusinessRuleViolation;
import cn.campusgate.core.FormErrors;
import cn.campusgate.core.Role;
import cn.campusgate.evaluation.Activity;
import cn.campusgate.evaluation.Duplication;
import cn.campusgate.evaluation.EffectivenessReport;
import cn.campusgate.evaluation.Feedback;
import cn.campusgate.evaluation.RatingCommand;
import cn.campusgate.evaluation.Reason;
import cn.campusgate.evaluation.RemovalProposal;
import cn.campusgate.evaluation.Removals;
import cn.campusgate.evaluation.Respondent;
import cn.campusgate.evaluation.SchoolAnswerCommand;
import cn.campusgate.evaluation.TaskKind;
import cn.campusgate.evaluation.TaskRatings;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
 * The evaluation pages: a school's questions and feedback links, the effectiveness of entries and removal proposals for
 * district staff and departments, the department reports and the schools' reverse ratings. Each action is offered only
 * when the proposal's state and the actor's role allow it.
 */
@Controller
@RequestMapping("/evaluation")
class EvaluationController {

    private final Feedback feedback;
    private final EffectivenessReport effectiveness;
    private final Removals removals;
    private final TaskRatings ratings;
    private final MessageSource messages;
    private final String baseUrl;

    EvaluationController(Feedback feedback, EffectivenessReport effectiveness, Removals removals, TaskRatings ratings,
                         MessageSource messages, @Value("${campusgate.base-url:http://localhost:8080}") String baseUrl) {
        this.feedback = feedback;
        this.effectiveness = effectiveness;
        this.removals = removals;
        this.ratings = ratings;
        this.messages = messages;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @GetMapping
    String overview(Model model) {
        Actor actor = Actors.required();
        if (actor.has(Role.SCHOOL_SENTINEL)) {
            model.addAttribute("asked", feedback.asked());
            model.addAttribute("ratings", ratings.mine());
            model.addAttribute("school", actor.organizationName());
            return "evaluation/school";
        }
        model.addAttribute("lines", effectiveness.lines());
        model.addAttribute("proposals", removals.visible());
        model.addAttribute("activities", feedback.activities());
        model.addAttribute("canAssess", actor.has(Role.COMMISSION_REVIEWER));
        return "evaluation/overview";
    }

    // --- activities ---

    @GetMapping("/activities/{id}")
    String activity(@PathVariable long id, Model model) {
        Actor actor = Actors.required();
        if (actor.has(Role.SCHOOL_SENTINEL)) {
            Feedback.Asked asked = feedback.asked(id);
            model.addAttribute("asked", asked);
            model.addAttribute("link", baseUrl + asked.activity().feedbackPath());
            model.addAttribute("duplications", Duplication.values());
            model.addAttribute("open", feedback.open(asked.activity()));
            return "evaluation/school-activity";
        }
        Feedback.Results results = feedback.results(id);
        model.addAttribute("results", results);
        model.addAttribute("link", baseUrl + results.activity().feedbackPath());
        model.addAttribute("respondents", Respondent.values());
        model.addAttribute("reasons", Reason.values());
        return "evaluation/activity";
    }

    @GetMapping(value = "/activities/{id}/qr.svg", produces = "image/svg+xml")
    ResponseEntity<String> qr(@PathVariable long id) {
        Actor actor = Actors.required();
        Activity activity = actor.has(Role.SCHOOL_SENTINEL) ? feedback.asked(id).activity() : feedback.results(id).activity();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("image/svg+xml"))
                .cacheControl(CacheControl.noStore()).body(QrCodes.svg(baseUrl + activity.feedbackPath()));
    }

    @PostMapping("/activities/{id}/answer")
    String answer(@PathVariable long id, @ModelAttribute SchoolAnswerCommand form, BindingResult binding,
                  RedirectAttributes redirect, Locale locale) {
        if (binding.hasErrors()) {
            redirect.addFlashAttribute("problem", messages.getMessage("error.field.format", null, locale));
            return "redirect:/evaluation/activities/" + id;
        }
        try {
            feedback.answer(id, form);
            redirect.addFlashAttribute("notice", messages.getMessage("evaluation.school.thanks", null, locale));
        } catch (BusinessRuleViolation e) {
            redirect.addFlashAttribute("problem", FormErrors.message(e, messages, locale));
            redirect.addFlashAttribute("form", form);
        }
        return "redirect:/evaluation/activities/" + id;
    }

    // --- proposals ---

    @PostMapping("/assess")
    String assess(RedirectAttributes redirect, Locale locale) {
        List<RemovalProposal> made = removals.assess();
        redirect.addFlashAttribute("notice", messages.getMessage("evaluation.assessed", new Object[] {made.size()}, locale));
        return "redirect:/evaluation";
    }

    @GetMapping("/proposals/{id}")
    String proposal(@PathVariable long id, Model model) {
        Actor actor = Actors.required();
        RemovalProposal proposal = removals.get(id);
        model.addAttribute("proposal", proposal);
        model.addAttribute("canRespond", removals.mayRespond(actor, proposal));
        model.addAttribute("canDecide", removals.mayDecide(actor, proposal));
        model.addAttribute("canCarryOut", removals.mayCarryOut(actor, proposal));
        model.addAttribute("canWithdraw", removals.mayWithdraw(actor, proposal));
        model.addAttribute("line", effectiveness.linesOfDepartment(proposal.subject().departmentId()).stream()
                .filter(l -> l.whitelistEntryId() == proposal.subject().whitelistEntryId()).findFirst().orElse(null));
        return "evaluation/proposal";
    }

    @PostMapping("/proposals/{id}/respond")
    String respond(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) @Nullable String text,
                   RedirectAttributes redirect, Locale locale) {
        return act(id, redirect, locale, "evaluation.removal.responded", () -> removals.respond(id, version, text));
    }

    @PostMapping("/proposals/{id}/decide")
    @PreAuthorize("hasRole('DISTRICT_APPROVER')") // before the choice is checked, so that nobody else learns more than 403
    String decide(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) @Nullable String decision,
                  @RequestParam(required = false) @Nullable String note, RedirectAttributes redirect, Locale locale) {
        if (!"REMOVE".equals(decision) && !"KEEP".equals(decision)) {
            redirect.addFlashAttribute("problem", messages.getMessage("evaluation.removal.choiceRequired", null, locale));
            return "redirect:/evaluation/proposals/" + id;
        }
        boolean remove = "REMOVE".equals(decision);
        return act(id, redirect, locale, remove ? "evaluation.removal.decidedRemove" : "evaluation.removal.decidedKeep",
                () -> removals.decide(id, version, remove, note));
    }

    @PostMapping("/proposals/{id}/carry-out")
    String carryOut(@PathVariable long id, @RequestParam int version,
                    @RequestParam(required = false) @Nullable String documentNumber, RedirectAttributes redirect,
                    Locale locale) {
        return act(id, redirect, locale, "evaluation.removal.carriedOut", () -> removals.carryOut(id, version, documentNumber));
    }

    @PostMapping("/proposals/{id}/withdraw")
    String withdraw(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) @Nullable String reason,
                    RedirectAttributes redirect, Locale locale) {
        return act(id, redirect, locale, "evaluation.removal.withdrawnDone", () -> removals.withdraw(id, version, reason));
    }

    private String act(long id, RedirectAttributes redirect, Locale locale, String doneKey, Runnable action) {
        return FormOutcome.redirect("/evaluation/proposals/" + id, null, redirect, messages, locale, doneKey, action);
    }

    // --- reverse evaluation ---

    @GetMapping("/ratings/new")
    String ratingForm(Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new RatingCommand(null, null, null, null, null, null, null));
        }
        model.addAttribute("departments", ratings.departments());
        model.addAttribute("kinds", TaskKind.values());
        return "evaluation/rating-form";
    }

    @PostMapping("/ratings")
    String rate(@ModelAttribute("form") RatingCommand form, BindingResult binding, Model model,
                RedirectAttributes redirect, Locale locale) {
        if (binding.hasErrors()) {
            model.addAttribute("problem", messages.getMessage("error.field.format", null, locale));
            // A value that could not be bound (text for the department's id) leaves no form to show again.
            model.addAttribute("form", new RatingCommand(null, null, null, null, null, null, null));
            return ratingForm(model);
        }
        try {
            ratings.rate(form);
        } catch (BusinessRuleViolation e) {
            model.addAttribute("problem", FormErrors.message(e, messages, locale));
            return ratingForm(model);
        }
        redirect.addFlashAttribute("notice", messages.getMessage("evaluation.rating.thanks", null, locale));
        return "redirect:/evaluation";
    }
}
