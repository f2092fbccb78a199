package cn.campusgate.screening.web;

import java.util.Locale;

import cn.campusgate.screening.Screening;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The rule catalogue, for everyone who applies, reviews or supervises. */
@Controller
class ScreeningRulesController {

    private final Screening screening;

    ScreeningRulesController(Screening screening) {
        this.screening = screening;
    }

    @GetMapping("/screening/rules")
    String rules(Locale locale, Model model) {
        model.addAttribute("rules", screening.rules(locale));
        return "screening/rules";
    }
}
