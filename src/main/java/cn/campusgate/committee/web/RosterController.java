package cn.campusgate.committee.web;

import java.util.Locale;
import java.util.Map;

import cn.campusgate.committee.CommitteeMember;
import cn.campusgate.committee.Roster;
import cn.campusgate.committee.RosterCommand;
import cn.campusgate.core.Actors;
import cn.campusgate.core.BusinessRuleViolation;
import cn.campusgate.core.FormErrors;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The secretary's roster of the committee: members by kind, and what is kept about each. */
@Controller
@RequestMapping("/committee/roster")
@PreAuthorize("hasRole('COMMITTEE_SECRETARY')")
class RosterController {

    private final Roster roster;
    private final MessageSource messages;

    RosterController(Roster roster, MessageSource messages) {
        this.roster = roster;
        this.messages = messages;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("members", roster.members(Actors.required().organizationId()));
        model.addAttribute("organizations", roster.declarableOrganizations());
        return "committee/roster";
    }

    @GetMapping("/{accountId}")
    String edit(@PathVariable long accountId, Model model) {
        CommitteeMember member = roster.member(accountId);
        return form(member, RosterCommand.of(member.profile()), Map.of(), null, model);
    }

    @PostMapping("/{accountId}")
    String save(@PathVariable long accountId, @Valid @ModelAttribute("form") RosterCommand form, BindingResult binding,
                Model model, RedirectAttributes redirect, Locale locale) {
        CommitteeMember member = roster.member(accountId);
        if (binding.hasErrors()) {
            return form(member, form, FormErrors.of(binding, messages, locale), null, model);
        }
        try {
            CommitteeMember saved = roster.update(accountId, form);
            redirect.addFlashAttribute("notice", messages.getMessage("committee.roster.saved",
                    new Object[]{saved.name()}, locale));
            return "redirect:/committee/roster";
        } catch (BusinessRuleViolation e) {
            return form(member, form, Map.of(), FormErrors.message(e, messages, locale), model);
        }
    }

    private String form(CommitteeMember member, RosterCommand form, Map<String, String> fieldErrors,
                        @Nullable String problem, Model model) {
        model.addAttribute("member", member);
        model.addAttribute("form", form);
        model.addAttribute("fieldErrors", fieldErrors);
        model.addAttribute("organizations", roster.declarableOrganizations());
        if (problem != null) {
            model.addAttribute("problem", problem);
        }
        return "committee/roster-form";
    }
}
