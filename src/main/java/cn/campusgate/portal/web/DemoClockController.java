package cn.campusgate.portal.web;

import java.util.Locale;
import java.util.Map;

import cn.campusgate.core.BusinessRuleViolation;
import cn.campusgate.core.DemoClock;
import cn.campusgate.core.FormErrors;
import cn.campusgate.core.Formats;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 演示时钟: in demo mode only, the administrator moves the application's date forward, e.g. past a 公示's last day
 * during a training. Absent (404) without the demo.
 */
@Controller
@RequestMapping("/admin/demo-clock")
@PreAuthorize("hasRole('ADMINISTRATOR')")
@ConditionalOnProperty(name = "campusgate.demo.enabled", havingValue = "true")
class DemoClockController {

    private final DemoClock demoClock;
    private final MessageSource messages;
    private final Formats formats;

    DemoClockController(DemoClock demoClock, MessageSource messages, Formats formats) {
        this.demoClock = demoClock;
        this.messages = messages;
        this.formats = formats;
    }

    @GetMapping
    String view(Model model) {
        DemoClock.State state = demoClock.state();
        return page(new DemoClockCommand(state.today().plusDays(1), state.version()), Map.of(), null, model);
    }

    @PostMapping
    String move(@Valid @ModelAttribute("form") DemoClockCommand form, BindingResult binding, Model model,
                RedirectAttributes redirect, Locale locale) {
        if (binding.hasErrors()) {
            return page(form, FormErrors.of(binding, messages, locale), null, model);
        }
        try {
            DemoClock.State moved = demoClock.moveForward(form.date(), form.version());
            redirect.addFlashAttribute("notice", messages.getMessage("demoClock.moved",
                    new Object[]{formats.date(moved.today())}, locale));
            return "redirect:/admin/demo-clock";
        } catch (BusinessRuleViolation e) {
            return page(form, Map.of(), FormErrors.message(e, messages, locale), model);
        }
    }

    private String page(DemoClockCommand form, Map<String, String> fieldErrors, @Nullable String problem, Model model) {
        model.addAttribute("state", demoClock.state());
        model.addAttribute("form", form);
        model.addAttribute("fieldErrors", fieldErrors);
        model.addAttribute("problem", problem);
        return "portal/demo-clock";
    }
}
