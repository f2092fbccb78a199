package cn.campusgate.whitelist.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import cn.campusgate.core.Actor;
import cn.campusgate.core.FormOutcome;
import cn.campusgate.core.Actors;
import cn.campusgate.core.BusinessRuleViolation;
import cn.campusgate.core.Role;
import cn.campusgate.whitelist.Objection;
import cn.campusgate.whitelist.Whitelist;
import cn.campusgate.whitelist.WhitelistStatus;
import cn.campusgate.whitelist.Whitelists;
import cn.campusgate.whitelist.web.WhitelistForms.AnswerCommand;
import cn.campusgate.whitelist.web.WhitelistForms.CommentCommand;
import cn.campusgate.whitelist.web.WhitelistForms.PublishCommand;
import cn.campusgate.whitelist.web.WhitelistForms.ReasonCommand;
import cn.campusgate.whitelist.web.WhitelistForms.RemoveCommand;
import cn.campusgate.whitelist.web.WhitelistForms.VersionCommand;
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

/**
 * The lists as the commission manages them (comment period, objections, publication, removals, archive), the
 * district leadership group approves them and supervisors read them. The page offers only the actions the
 * list's state and the reader's role allow; a refused action leads back with the reason and changes nothing.
 */
@Controller
@RequestMapping("/whitelists")
@PreAuthorize("hasAnyRole('COMMISSION_REVIEWER', 'DISTRICT_APPROVER', 'SUPERVISOR')")
class WhitelistController {

    private final Whitelists whitelists;
    private final MessageSource messages;
    private final Clock clock;

    WhitelistController(Whitelists whitelists, MessageSource messages, Clock clock) {
        this.whitelists = whitelists;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String lists(Model model) {
        Map<Integer, List<Whitelists.Summary>> byYear = new TreeMap<>(java.util.Comparator.reverseOrder());
        for (Whitelists.Summary summary : whitelists.managed()) {
            byYear.computeIfAbsent(summary.list().year(), y -> new java.util.ArrayList<>()).add(summary);
        }
        model.addAttribute("years", byYear);
        return "whitelist/lists";
    }

    @GetMapping("/{id}")
    String list(@PathVariable long id, Model model) {
        Whitelist list = whitelists.get(id);
        Actor actor = Actors.required();
        boolean manages = actor.has(Role.COMMISSION_REVIEWER);
        WhitelistStatus status = list.status();
        LocalDate today = LocalDate.now(clock);
        List<Objection> objections = whitelists.objections(id);
        model.addAttribute("summary", whitelists.summaryOf(list));
        model.addAttribute("entries", whitelists.entries(list, true));
        model.addAttribute("objections", objections);
        model.addAttribute("changes", whitelists.changes(list, true));
        model.addAttribute("versions", whitelists.versions(list));
        model.addAttribute("usage", whitelists.quotaUsage(list));
        model.addAttribute("defaultDays", Whitelist.DEFAULT_COMMENT_DAYS);
        model.addAttribute("maxDays", Whitelist.MAX_COMMENT_DAYS);
        model.addAttribute("mayOpenIdentity", manages);
        model.addAttribute("canComment", manages && status == WhitelistStatus.DRAFT);
        model.addAttribute("canAnswer", manages && status == WhitelistStatus.COMMENT_PERIOD);
        model.addAttribute("canReturn", manages && status == WhitelistStatus.COMMENT_PERIOD);
        model.addAttribute("canApprove", actor.has(Role.DISTRICT_APPROVER) && status == WhitelistStatus.COMMENT_PERIOD
                && list.commentEndsOn() != null && today.isAfter(list.commentEndsOn())
                && objections.stream().allMatch(Objection::answered));
        model.addAttribute("canPublish", manages && status == WhitelistStatus.APPROVED);
        model.addAttribute("canRemove", manages && (status.editableDraft() || status.inForce()));
        model.addAttribute("canArchive", manages && status.inForce() && today.getYear() > list.year());
        model.addAttribute("defaultFrom", LocalDate.of(list.year(), 1, 1));
        model.addAttribute("defaultTo", LocalDate.of(list.year(), 12, 31));
        return "whitelist/list";
    }

    @PostMapping("/{id}/comment")
    @PreAuthorize("hasRole('COMMISSION_REVIEWER')")
    String comment(@PathVariable long id, @ModelAttribute CommentCommand form, BindingResult binding,
                   RedirectAttributes redirect, Locale locale) {
        return act(id, binding, redirect, locale, "whitelist.done.comment", () -> whitelists.startCommentPeriod(id,
                form.version(), form.days() == null ? Whitelist.DEFAULT_COMMENT_DAYS : form.days()));
    }

    @PostMapping("/{id}/objections/{objectionId}")
    @PreAuthorize("hasRole('COMMISSION_REVIEWER')")
    String answer(@PathVariable long id, @PathVariable long objectionId, @ModelAttribute AnswerCommand form,
                  BindingResult binding, RedirectAttributes redirect, Locale locale) {
        return act(id, binding, redirect, locale, "whitelist.done.answer", () -> {
            whitelists.answerObjection(objectionId, form.answer() == null ? "" : form.answer(), Boolean.TRUE.equals(form.upheld()));
            return null;
        });
    }

    /** Opens an objector's sealed name and contact for the commission; every opening is in the audit trail. */
    @GetMapping("/{id}/objections/{objectionId}/identity")
    @PreAuthorize("hasRole('COMMISSION_REVIEWER')")
    String objector(@PathVariable long id, @PathVariable long objectionId, Model model,
                    jakarta.servlet.http.HttpServletResponse response) {
        Objection objection = whitelists.objections(id).stream().filter(o -> o.id() == objectionId).findFirst()
                .orElseThrow(() -> new cn.campusgate.core.NotFound("objection", objectionId));
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("identity", whitelists.objectorIdentity(objection.id()));
        model.addAttribute("objection", objection);
        model.addAttribute("summary", whitelists.summaryOf(whitelists.get(id)));
        return "whitelist/objector";
    }

    @PostMapping("/{id}/draft")
    @PreAuthorize("hasRole('COMMISSION_REVIEWER')")
    String returnToDraft(@PathVariable long id, @ModelAttribute ReasonCommand form, BindingResult binding,
                         RedirectAttributes redirect, Locale locale) {
        return act(id, binding, redirect, locale, "whitelist.done.draft",
                () -> whitelists.returnToDraft(id, form.version(), form.reason() == null ? "" : form.reason()));
    }

    @PostMapping("/{id}/approve")
    @PreAuthorize("hasRole('DISTRICT_APPROVER')")
    String approve(@PathVariable long id, @ModelAttribute ReasonCommand form, BindingResult binding,
                   RedirectAttributes redirect, Locale locale) {
        return act(id, binding, redirect, locale, "whitelist.done.approve",
                () -> whitelists.approve(id, form.version(), form.reason() == null ? "" : form.reason()));
    }

    @PostMapping("/{id}/publish")
    @PreAuthorize("hasRole('COMMISSION_REVIEWER')")
    String publish(@PathVariable long id, @ModelAttribute PublishCommand form, BindingResult binding,
                   RedirectAttributes redirect, Locale locale) {
        return act(id, binding, redirect, locale, "whitelist.done.publish", () -> {
            if (form.effectiveFrom() == null || form.effectiveTo() == null) {
                throw new BusinessRuleViolation("whitelist.effectiveDates", whitelists.get(id).year());
            }
            return whitelists.publish(id, form.version(), form.documentNumber() == null ? "" : form.documentNumber(),
                    form.effectiveFrom(), form.effectiveTo());
        });
    }

    @PostMapping("/{id}/entries/{entryId}/remove")
    @PreAuthorize("hasRole('COMMISSION_REVIEWER')")
    String remove(@PathVariable long id, @PathVariable long entryId, @ModelAttribute RemoveCommand form,
                  BindingResult binding, RedirectAttributes redirect, Locale locale) {
        return act(id, binding, redirect, locale, "whitelist.done.remove", () -> whitelists.remove(entryId,
                form.version(), form.reason(), form.decision() == null ? "" : form.decision(), form.documentNumber()));
    }

    @PostMapping("/{id}/archive")
    @PreAuthorize("hasRole('COMMISSION_REVIEWER')")
    String archive(@PathVariable long id, @ModelAttribute VersionCommand form, BindingResult binding,
                   RedirectAttributes redirect, Locale locale) {
        return act(id, binding, redirect, locale, "whitelist.done.archive",
                () -> whitelists.archive(id, form.version()));
    }

    private String act(long id, BindingResult binding, RedirectAttributes redirect, Locale locale, String successKey,
                       Supplier<?> action) {
        return FormOutcome.redirect("/whitelists/" + id, binding, redirect, messages, locale, successKey, action::get);
    }
}
