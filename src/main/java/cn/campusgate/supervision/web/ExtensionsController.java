package cn.campusgate.supervision.web;

import java.util.Locale;

import cn.campusgate.core.BusinessRuleViolation;
import cn.campusgate.core.FormErrors;
import cn.campusgate.core.NotFound;
import cn.campusgate.supervision.Cases;
import cn.campusgate.supervision.web.ComplaintForms.DecisionCommand;
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
 * 延期审批: extensions asked for on cases of the district, decided by someone other than the person who asked
 * (another supervisor, or the commission's task-force office), with the case's facts but not its complainants.
 */
@Controller
@RequestMapping("/supervision/extensions")
@PreAuthorize("hasAnyRole('SUPERVISOR', 'COMMISSION_REVIEWER')")
class ExtensionsController {

    private final Cases cases;
    private final MessageSource messages;

    ExtensionsController(Cases cases, MessageSource messages) {
        this.cases = cases;
        this.messages = messages;
    }

    @GetMapping
    String extensions(Model model) {
        model.addAttribute("waiting", cases.awaitingExtensionDecision());
        return "supervision/extensions";
    }

    @PostMapping("/{caseId}/{extensionId}")
    String decide(@PathVariable long caseId, @PathVariable long extensionId, @ModelAttribute DecisionCommand form,
                  RedirectAttributes redirect, Locale locale) {
        try {
            cases.decideExtension(caseId, extensionId, Boolean.TRUE.equals(form.approve()), form.note());
            redirect.addFlashAttribute("notice", messages.getMessage(Boolean.TRUE.equals(form.approve())
                    ? "supervision.done.extensionApproved" : "supervision.done.extensionRefused", null, locale));
        } catch (NotFound e) {
            throw e;
        } catch (BusinessRuleViolation e) {
            redirect.addFlashAttribute("problem", FormErrors.message(e, messages, locale));
        }
        return "redirect:/supervision/extensions";
    }
}
