package cn.campusgate.supervision.web;

import java.util.Locale;
import java.util.function.Supplier;

import cn.campusgate.core.FormOutcome;
import cn.campusgate.supervision.Cases;
import cn.campusgate.supervision.web.ComplaintForms.RemovalCommand;
import cn.campusgate.supervision.web.ComplaintForms.ResponseCommand;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 督办事项: the measures addressed to a department or a town/street, with what verification established (never
 * who complained, nor the complaint's words) and the form to respond; for the education commission, the removals
 * from the whitelist that supervision decided, carried out through the whitelist's change process.
 */
@Controller
@RequestMapping("/supervision/measures")
@PreAuthorize("hasAnyRole('APPLICANT', 'TOWN_OFFICE', 'COMMISSION_REVIEWER')")
class MeasuresController {

    private final Cases cases;
    private final MessageSource messages;

    MeasuresController(Cases cases, MessageSource messages) {
        this.cases = cases;
        this.messages = messages;
    }

    @GetMapping
    String measures(Model model) {
        model.addAttribute("addressed", cases.addressedToMe());
        model.addAttribute("removals", cases.removalsAwaiting());
        return "supervision/measures";
    }

    @PostMapping("/{sanctionId}/respond")
    String respond(@PathVariable long sanctionId, @ModelAttribute ResponseCommand form, RedirectAttributes redirect,
                   Locale locale) {
        return act(redirect, locale, "supervision.done.respond", () -> cases.respond(sanctionId, form.response()));
    }

    @PostMapping("/{sanctionId}/remove")
    @PreAuthorize("hasRole('COMMISSION_REVIEWER')")
    String remove(@PathVariable long sanctionId, @ModelAttribute RemovalCommand form, RedirectAttributes redirect,
                  Locale locale) {
        return act(redirect, locale, "supervision.done.removal",
                () -> cases.carryOutRemoval(sanctionId, form.documentNumber()));
    }

    private String act(RedirectAttributes redirect, Locale locale, String successKey, Supplier<?> action) {
        return FormOutcome.redirect("/supervision/measures", null, redirect, messages, locale, successKey, action::get);
    }
}
