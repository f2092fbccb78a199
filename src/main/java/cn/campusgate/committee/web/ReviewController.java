package cn.campusgate.committee.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.campusgate.committee.ReviewCommand;
import cn.campusgate.committee.Reviews;
import cn.campusgate.committee.web.PanelForms.ReasonCommand;
import cn.campusgate.core.BusinessRuleViolation;
import cn.campusgate.core.FormErrors;
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

/** A member's panels: the list, the declaration of conflicts, the review form, and afterwards the panel's views. */
@Controller
@RequestMapping("/committee/reviews")
@PreAuthorize("hasRole('EXPERT')")
class ReviewController {

    private final Reviews reviews;
    private final MessageSource messages;

    ReviewController(Reviews reviews, MessageSource messages) {
        this.reviews = reviews;
        this.messages = messages;
    }

    @GetMapping
    String mine(Model model) {
        model.addAttribute("entries", reviews.mine());
        return "committee/reviews";
    }

    @GetMapping("/{reviewId}")
    String review(@PathVariable long reviewId, Model model, Locale locale) {
        return page(reviewId, ReviewCommand.blank(), Map.of(), null, model);
    }

    @PostMapping("/{reviewId}/clear")
    String clear(@PathVariable long reviewId, RedirectAttributes redirect, Locale locale) {
        try {
            reviews.confirmNoConflict(reviewId);
            redirect.addFlashAttribute("notice", messages.getMessage("committee.review.cleared", null, locale));
        } catch (BusinessRuleViolation e) {
            redirect.addFlashAttribute("problem", FormErrors.message(e, messages, locale));
        }
        return "redirect:/committee/reviews/" + reviewId;
    }

    @PostMapping("/{reviewId}/conflict")
    String conflict(@PathVariable long reviewId, @ModelAttribute ReasonCommand form, RedirectAttributes redirect,
                    Locale locale) {
        try {
            reviews.declareConflict(reviewId, form.reason() == null ? "" : form.reason());
            redirect.addFlashAttribute("notice", messages.getMessage("committee.review.recused", null, locale));
            return "redirect:/committee/reviews";
        } catch (BusinessRuleViolation e) {
            redirect.addFlashAttribute("problem", FormErrors.message(e, messages, locale));
            return "redirect:/committee/reviews/" + reviewId;
        }
    }

    @PostMapping("/{reviewId}")
    String submit(@PathVariable long reviewId, @ModelAttribute("form") ReviewCommand submitted, BindingResult binding,
                  Model model, RedirectAttributes redirect, Locale locale) {
        ReviewCommand form = submitted.normalised();
        Map<String, String> fieldErrors = new LinkedHashMap<>(FormErrors.of(binding, messages, locale));
        form.problems().forEach(p -> fieldErrors.putIfAbsent(p.field(),
                messages.getMessage(p.messageKey(), p.arguments().toArray(), locale)));
        if (!fieldErrors.isEmpty()) {
            model.addAttribute("errorSummary", summary(fieldErrors, form, locale));
            return page(reviewId, form, fieldErrors, null, model);
        }
        try {
            reviews.submit(reviewId, form);
            redirect.addFlashAttribute("notice", messages.getMessage("committee.review.submitted", null, locale));
            return "redirect:/committee/reviews/" + reviewId;
        } catch (BusinessRuleViolation e) {
            return page(reviewId, form, Map.of(), FormErrors.message(e, messages, locale), model);
        }
    }

    /** One line of the error summary at the top of the form: the field's label and message, linking to the field. */
    record ErrorLine(String anchor, String label, String message) {
    }

    private static final java.util.regex.Pattern INDEXED = java.util.regex.Pattern.compile("(aspects|judgements)\\[(\\d+)]\\.(\\w+)");

    /** The errors in the form's order, each named by its field (活动主题的评分 …) and linked to it. */
    List<ErrorLine> summary(Map<String, String> fieldErrors, ReviewCommand form, Locale locale) {
        List<ErrorLine> lines = new java.util.ArrayList<>();
        fieldErrors.forEach((field, message) -> {
            var indexed = INDEXED.matcher(field);
            String anchor;
            String label;
            if (indexed.matches()) {
                int i = Integer.parseInt(indexed.group(2));
                String part = indexed.group(3);
                if (indexed.group(1).equals("aspects")) {
                    var aspect = form.aspects() != null && i < form.aspects().size() ? form.aspects().get(i).aspect() : null;
                    anchor = (part.equals("comment") ? "comment-" : "score-") + i;
                    label = aspect == null ? "" : messages.getMessage("committee.aspect." + aspect, null, locale);
                } else {
                    var judgement = form.judgements() != null && i < form.judgements().size()
                            ? form.judgements().get(i).judgement() : null;
                    anchor = (part.equals("reason") ? "reason-" : "holds-yes-") + i;
                    label = judgement == null ? "" : messages.getMessage("committee.judgement." + judgement, null, locale);
                }
            } else {
                anchor = switch (field) {
                    case "recommendation" -> "rec-APPROVE";
                    case "requiredChanges" -> "requiredChanges";
                    default -> "comment";
                };
                label = messages.getMessage(switch (field) {
                    case "recommendation" -> "committee.review.recommendation";
                    case "requiredChanges" -> "committee.review.requiredChanges";
                    default -> "committee.review.comment";
                }, null, "", locale);
            }
            lines.add(new ErrorLine(anchor, label, message));
        });
        return lines;
    }

    private String page(long reviewId, ReviewCommand form, Map<String, String> fieldErrors, @Nullable String problem,
                        Model model) {
        model.addAttribute("page", reviews.page(reviewId));
        model.addAttribute("form", form);
        model.addAttribute("fieldErrors", fieldErrors);
        if (problem != null) {
            model.addAttribute("problem", problem);
        }
        return "committee/review";
    }
}
