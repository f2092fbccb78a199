package cn.campusgate.committee.web;

import java.util.Locale;
import java.util.function.Supplier;

import cn.campusgate.committee.CommitteeOpinion;
import cn.campusgate.committee.Exclusions;
import cn.campusgate.committee.OpinionCommand;
import cn.campusgate.committee.OpinionDocuments;
import cn.campusgate.committee.Panel;
import cn.campusgate.committee.Panels;
import cn.campusgate.committee.web.PanelForms.ConveneCommand;
import cn.campusgate.committee.web.PanelForms.DeadlineCommand;
import cn.campusgate.committee.web.PanelForms.MemberCommand;
import cn.campusgate.committee.web.PanelForms.ProposeCommand;
import cn.campusgate.committee.web.PanelForms.ReasonCommand;
import cn.campusgate.core.Actors;
import cn.campusgate.core.BusinessRuleViolation;
import cn.campusgate.core.FormErrors;
import cn.campusgate.core.Role;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The secretary's pages: the docket of panels, each item's panel page (form, follow, draft and sign), the
 * replay of a panel's draws (also for supervision), the opinion as PDF (for every reader of the item) and
 * the department's exclusion requests (posted from the item page).
 */
@Controller
@RequestMapping("/committee")
@PreAuthorize("isAuthenticated()")
class CommitteeController {

    private final Panels panels;
    private final Exclusions exclusions;
    private final OpinionDocuments documents;
    private final MessageSource messages;

    CommitteeController(Panels panels, Exclusions exclusions, OpinionDocuments documents, MessageSource messages) {
        this.panels = panels;
        this.exclusions = exclusions;
        this.documents = documents;
        this.messages = messages;
    }

    @GetMapping
    String docket(Model model) {
        if (!Actors.required().has(Role.COMMITTEE_SECRETARY)) {
            return "redirect:/committee/reviews";
        }
        model.addAttribute("docket", panels.docket());
        return "committee/docket";
    }

    @GetMapping("/items/{itemId}")
    @PreAuthorize("hasRole('COMMITTEE_SECRETARY')")
    String panel(@PathVariable long itemId, Model model) {
        Panels.PanelPage page = panels.page(itemId);
        model.addAttribute("page", page);
        model.addAttribute("p", page.panel());
        model.addAttribute("opinionForm", page.panel().currentOpinion()
                .map(o -> new OpinionCommand(o.text(), o.recommendation(), o.deviationReason())).orElse(null));
        return "committee/panel";
    }

    @GetMapping("/panels/{panelId}/replay")
    @PreAuthorize("hasAnyRole('COMMITTEE_SECRETARY', 'SUPERVISOR')")
    String replay(@PathVariable long panelId, Model model) {
        model.addAttribute("replays", panels.replay(panelId));
        model.addAttribute("panelId", panelId);
        return "committee/replay";
    }

    @GetMapping("/panels/{panelId}/opinions/{round}.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long panelId, @PathVariable int round) {
        OpinionDocuments.Pdf pdf = documents.pdf(panelId, round);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(pdf.fileName()).build()
                        .toString())
                .body(pdf.content());
    }

    // --- forming ---

    @PostMapping("/panels/{panelId}/propose")
    @PreAuthorize("hasRole('COMMITTEE_SECRETARY')")
    String propose(@PathVariable long panelId, @ModelAttribute ProposeCommand form, BindingResult binding,
                RedirectAttributes redirect,
                   Locale locale) {
        return act(panelId, binding, redirect, locale, "committee.panel.proposed", () -> panels.propose(panelId,
                form.size() == null ? 0 : form.size(), form.preferPanelId()));
    }

    @PostMapping("/panels/{panelId}/members")
    @PreAuthorize("hasRole('COMMITTEE_SECRETARY')")
    String add(@PathVariable long panelId, @ModelAttribute MemberCommand form, BindingResult binding,
                RedirectAttributes redirect,
               Locale locale) {
        return act(panelId, binding, redirect, locale, "committee.panel.added", () -> {
            if (form.accountId() == null) {
                throw new BusinessRuleViolation("committee.panel.chooseMember");
            }
            return panels.add(panelId, form.accountId(), text(form.reason()));
        });
    }

    @PostMapping("/panels/{panelId}/members/{accountId}/remove")
    @PreAuthorize("hasRole('COMMITTEE_SECRETARY')")
    String remove(@PathVariable long panelId, @PathVariable long accountId, @ModelAttribute ReasonCommand form,
                  RedirectAttributes redirect, Locale locale) {
        return act(panelId, redirect, locale, "committee.panel.removed",
                () -> panels.remove(panelId, accountId, text(form.reason())));
    }

    @PostMapping("/panels/{panelId}/discard")
    @PreAuthorize("hasRole('COMMITTEE_SECRETARY')")
    String discard(@PathVariable long panelId, @ModelAttribute ReasonCommand form, BindingResult binding,
                RedirectAttributes redirect,
                   Locale locale) {
        return act(panelId, binding, redirect, locale, "committee.panel.discarded",
                () -> panels.discard(panelId, text(form.reason())));
    }

    @PostMapping("/panels/{panelId}/convene")
    @PreAuthorize("hasRole('COMMITTEE_SECRETARY')")
    String convene(@PathVariable long panelId, @ModelAttribute ConveneCommand form, BindingResult binding,
                RedirectAttributes redirect,
                   Locale locale) {
        return act(panelId, binding, redirect, locale, "committee.panel.convened", () -> {
            if (form.deadline() == null) {
                throw new BusinessRuleViolation("committee.panel.deadlineRequired");
            }
            return panels.convene(panelId, form.deadline());
        });
    }

    // --- following ---

    @PostMapping("/panels/{panelId}/members/{accountId}/replace")
    @PreAuthorize("hasRole('COMMITTEE_SECRETARY')")
    String replace(@PathVariable long panelId, @PathVariable long accountId, @ModelAttribute ReasonCommand form,
                   RedirectAttributes redirect, Locale locale) {
        return act(panelId, redirect, locale, "committee.panel.memberReplaced",
                () -> panels.replaceMember(panelId, accountId, text(form.reason())));
    }

    @PostMapping("/panels/{panelId}/reviews/{reviewId}/set-aside")
    @PreAuthorize("hasRole('COMMITTEE_SECRETARY')")
    String setAside(@PathVariable long panelId, @PathVariable long reviewId, @ModelAttribute ReasonCommand form,
                    RedirectAttributes redirect, Locale locale) {
        return act(panelId, redirect, locale, "committee.panel.setAside",
                () -> panels.setAside(panelId, reviewId, text(form.reason())));
    }

    @PostMapping("/panels/{panelId}/remind")
    @PreAuthorize("hasRole('COMMITTEE_SECRETARY')")
    String remind(@PathVariable long panelId, RedirectAttributes redirect, Locale locale) {
        return act(panelId, redirect, locale, "committee.panel.reminded", () -> panels.remind(panelId));
    }

    @PostMapping("/panels/{panelId}/deadline")
    @PreAuthorize("hasRole('COMMITTEE_SECRETARY')")
    String extend(@PathVariable long panelId, @ModelAttribute DeadlineCommand form, BindingResult binding,
                RedirectAttributes redirect,
                  Locale locale) {
        return act(panelId, binding, redirect, locale, "committee.panel.deadlineExtended", () -> {
            if (form.deadline() == null) {
                throw new BusinessRuleViolation("committee.panel.deadlineRequired");
            }
            return panels.extendDeadline(panelId, form.deadline(), text(form.reason()));
        });
    }

    // --- the opinion ---

    @PostMapping("/panels/{panelId}/opinion/draft")
    @PreAuthorize("hasRole('COMMITTEE_SECRETARY')")
    String draft(@PathVariable long panelId, RedirectAttributes redirect, Locale locale) {
        return opinion(panelId, redirect, locale, "committee.opinion.drafted", () -> panels.draftOpinion(panelId));
    }

    @PostMapping("/panels/{panelId}/opinion")
    @PreAuthorize("hasRole('COMMITTEE_SECRETARY')")
    String edit(@PathVariable long panelId, @ModelAttribute OpinionCommand form, BindingResult binding,
                RedirectAttributes redirect,
                Locale locale) {
        return opinion(panelId, binding, redirect, locale, "committee.opinion.saved", () -> panels.editOpinion(panelId, form));
    }

    @PostMapping("/panels/{panelId}/sign")
    @PreAuthorize("hasRole('COMMITTEE_SECRETARY')")
    String sign(@PathVariable long panelId, RedirectAttributes redirect, Locale locale) {
        return opinion(panelId, redirect, locale, "committee.opinion.signedNotice", () -> panels.sign(panelId));
    }

    // --- the department's exclusions ---

    @PostMapping("/items/{itemId}/exclusions")
    @PreAuthorize("hasRole('APPLICANT')")
    String exclude(@PathVariable long itemId, @ModelAttribute MemberCommand form, BindingResult binding,
                RedirectAttributes redirect,
                   Locale locale) {
        try {
            if (binding.hasErrors() || form.accountId() == null) {
                throw new BusinessRuleViolation("committee.panel.chooseMember");
            }
            exclusions.exclude(itemId, form.accountId(), text(form.reason()));
            redirect.addFlashAttribute("notice", messages.getMessage("committee.exclusion.added", null, locale));
        } catch (BusinessRuleViolation e) {
            redirect.addFlashAttribute("problem", FormErrors.message(e, messages, locale));
        }
        return "redirect:/items/" + itemId;
    }

    @PostMapping("/items/{itemId}/exclusions/{accountId}/withdraw")
    @PreAuthorize("hasRole('APPLICANT')")
    String withdrawExclusion(@PathVariable long itemId, @PathVariable long accountId, RedirectAttributes redirect,
                             Locale locale) {
        try {
            exclusions.withdraw(itemId, accountId);
            redirect.addFlashAttribute("notice", messages.getMessage("committee.exclusion.withdrawn", null, locale));
        } catch (BusinessRuleViolation e) {
            redirect.addFlashAttribute("problem", FormErrors.message(e, messages, locale));
        }
        return "redirect:/items/" + itemId;
    }

    private String act(long panelId, RedirectAttributes redirect, Locale locale, String successKey,
                       Supplier<Panel> action) {
        return act(panelId, null, redirect, locale, successKey, action);
    }

    /** Runs the action on the panel and leads back to its page with the outcome; a malformed form changes nothing. */
    private String act(long panelId, @org.jspecify.annotations.Nullable BindingResult binding, RedirectAttributes redirect,
                       Locale locale, String successKey, Supplier<Panel> action) {
        long itemId = panels.get(panelId).itemId();
        try {
            if (binding != null && binding.hasErrors()) {
                throw new BusinessRuleViolation("committee.form.invalid");
            }
            Panel panel = action.get();
            redirect.addFlashAttribute("notice", messages.getMessage(successKey, new Object[]{panel.itemTitle()}, locale));
        } catch (BusinessRuleViolation e) {
            redirect.addFlashAttribute("problem", FormErrors.message(e, messages, locale));
        }
        return "redirect:/committee/items/" + itemId;
    }

    private String opinion(long panelId, RedirectAttributes redirect, Locale locale, String successKey,
                           Supplier<CommitteeOpinion> action) {
        return opinion(panelId, null, redirect, locale, successKey, action);
    }

    private String opinion(long panelId, @org.jspecify.annotations.Nullable BindingResult binding,
                           RedirectAttributes redirect, Locale locale, String successKey,
                           Supplier<CommitteeOpinion> action) {
        Panel panel = panels.get(panelId);
        try {
            if (binding != null && binding.hasErrors()) {
                throw new BusinessRuleViolation("committee.form.invalid");
            }
            action.get();
            redirect.addFlashAttribute("notice", messages.getMessage(successKey, new Object[]{panel.itemTitle()}, locale));
        } catch (BusinessRuleViolation e) {
            redirect.addFlashAttribute("problem", FormErrors.message(e, messages, locale));
        }
        return "redirect:/committee/items/" + panel.itemId();
    }

    private static String text(@org.jspecify.annotations.Nullable String value) {
        return value == null ? "" : value;
    }
}
