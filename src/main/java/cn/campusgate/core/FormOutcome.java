package cn.campusgate.core;

import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The ending of a form that acts on a record: run the action, then lead back to the record's page with the outcome
 * as a flash notice, or with the problem in the user's language when the form was malformed or a rule refused it
 * (nothing changed then). A record that is not there (or not the user's) stays a 404.
 */
public final class FormOutcome {

    private FormOutcome() {
    }

    public static String redirect(String target, @Nullable BindingResult binding, RedirectAttributes redirect,
                                  MessageSource messages, Locale locale, String successKey, Runnable action) {
        if (binding != null && binding.hasErrors()) {
            redirect.addFlashAttribute("problem", String.join(" ",
                    FormErrors.of(binding, messages, locale).values().stream().distinct().toList()));
            return "redirect:" + target;
        }
        try {
            action.run();
            redirect.addFlashAttribute("notice", messages.getMessage(successKey, null, locale));
        } catch (NotFound e) {
            throw e;
        } catch (BusinessRuleViolation e) {
            redirect.addFlashAttribute("problem", FormErrors.message(e, messages, locale));
        }
        return "redirect:" + target;
    }
}
