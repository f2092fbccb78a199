package cn.campusgate.evaluation.web;

import java.util.Locale;
import java.util.Set;

import cn.campusgate.core.BusinessRuleViolation;
import cn.campusgate.core.FormErrors;
import cn.campusgate.core.NotFound;
import cn.campusgate.evaluation.Activity;
import cn.campusgate.evaluation.Feedback;
import cn.campusgate.evaluation.PublicAnswerCommand;
import cn.campusgate.evaluation.Reason;
import cn.campusgate.evaluation.Respondent;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The anonymous feedback page of one activity, made for a phone and reached by its link or QR code: no account, and
 * opening it records nothing — only the explicit submit does, without any link to the person or the browser.
 */
@Controller
@RequestMapping("/public/feedback")
class PublicFeedbackController {

    private final Feedback feedback;
    private final BallotCookie ballots;
    private final MessageSource messages;

    PublicFeedbackController(Feedback feedback, BallotCookie ballots, MessageSource messages) {
        this.feedback = feedback;
        this.ballots = ballots;
        this.messages = messages;
    }

    @GetMapping("/{token}")
    String form(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
        return page(token, new PublicAnswerCommand(null, null, Set.of(), null), null, request, response, model);
    }

    @PostMapping("/{token}")
    String submit(@PathVariable String token, @ModelAttribute("form") PublicAnswerCommand form, BindingResult binding,
                  HttpServletRequest request, HttpServletResponse response, Model model, Locale locale) {
        if (binding.hasErrors()) {
            return page(token, form, messages.getMessage("error.field.format", null, locale), request, response, model);
        }
        try {
            feedback.answerAnonymously(token, form, ballots.answered(request));
        } catch (NotFound e) {
            throw e;
        } catch (BusinessRuleViolation e) {
            response.setStatus(422);
            return page(token, form, FormErrors.message(e, messages, locale), request, response, model);
        }
        ballots.add(request, response, feedback.byToken(token).id());
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("activity", feedback.byToken(token));
        return "evaluation/public-thanks";
    }

    private String page(String token, PublicAnswerCommand form, @Nullable String problem, HttpServletRequest request,
                        HttpServletResponse response, Model model) {
        Activity activity = feedback.byToken(token);
        Set<Long> answered = ballots.answered(request);
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("activity", activity);
        model.addAttribute("form", form);
        model.addAttribute("open", feedback.open(activity));
        model.addAttribute("already", answered.contains(activity.id()));
        model.addAttribute("capReached", !answered.contains(activity.id()) && answered.size() >= feedback.maxPerSemester());
        model.addAttribute("cap", feedback.maxPerSemester());
        model.addAttribute("respondents", Respondent.values());
        model.addAttribute("reasons", Reason.values());
        model.addAttribute("maxReasons", Feedback.MAX_REASONS);
        if (problem != null) {
            model.addAttribute("problem", problem);
        }
        return "evaluation/public-feedback";
    }
}
