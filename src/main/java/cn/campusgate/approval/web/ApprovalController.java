package cn.campusgate.approval.web;

import java.util.List;
import java.util.Locale;

import cn.campusgate.approval.Approval;
import cn.campusgate.approval.Approvals;
import cn.campusgate.approval.Decision;
import cn.campusgate.approval.Inbox;
import cn.campusgate.approval.OverdueSteps;
import cn.campusgate.approval.Quotas;
import cn.campusgate.core.Actors;
import cn.campusgate.core.BusinessRuleViolation;
import cn.campusgate.core.FormErrors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The approval inbox and the actions on a step. Actions are posted from the item page, which offers only
 * those the chain allows the reader now, and lead back to it with the outcome or the reason for a refusal.
 */
@Controller
@RequestMapping("/approvals")
@PreAuthorize("isAuthenticated()")
class ApprovalController {

    enum Tab { MINE, ORGANIZATION, COPIES, DONE }

    private final Approvals approvals;
    private final Inbox inbox;
    private final OverdueSteps overdue;
    private final Quotas quotas;
    private final MessageSource messages;
    private final java.time.Clock clock;

    ApprovalController(Approvals approvals, Inbox inbox, OverdueSteps overdue, Quotas quotas, MessageSource messages,
                       java.time.Clock clock) {
        this.clock = clock;
        this.approvals = approvals;
        this.inbox = inbox;
        this.overdue = overdue;
        this.quotas = quotas;
        this.messages = messages;
    }

    @GetMapping
    String inbox(@RequestParam(defaultValue = "MINE") Tab tab, @RequestParam(defaultValue = "1") int page,
                 @RequestParam(defaultValue = "") String q, Model model) {
        model.addAttribute("tab", tab);
        model.addAttribute("q", q);
        model.addAttribute("tabs", Tab.values());
        model.addAttribute("mineCount", inbox.mineCount());
        switch (tab) {
            case MINE -> model.addAttribute("entries", inbox.mine(page, q));
            case ORGANIZATION -> model.addAttribute("entries", inbox.organization(page, q));
            case COPIES -> model.addAttribute("records", inbox.copies(page));
            case DONE -> model.addAttribute("records", inbox.done(page));
        }
        return "approval/inbox";
    }

    @PostMapping("/tasks/{taskId}/decision")
    String decide(@PathVariable long taskId, @RequestParam Decision decision,
                  @RequestParam(required = false) @Nullable String text,
                  @RequestParam(required = false) @Nullable String quotaOverride,
                  @RequestParam long itemId, RedirectAttributes redirect, Locale locale) {
        return act(itemId, redirect, locale, "approval.decided." + decision,
                () -> approvals.decide(taskId, decision, text, quotaOverride));
    }

    @PostMapping("/tasks/{taskId}/transfer")
    String transfer(@PathVariable long taskId, @RequestParam long colleagueId, @RequestParam long itemId,
                    RedirectAttributes redirect, Locale locale) {
        return act(itemId, redirect, locale, "approval.transferred", () -> approvals.transfer(taskId, colleagueId));
    }

    @PostMapping("/{approvalId}/copy")
    String copy(@PathVariable long approvalId, @RequestParam(name = "organizationId", required = false)
                @Nullable List<Long> organizationIds, @RequestParam long itemId, RedirectAttributes redirect,
                Locale locale) {
        return act(itemId, redirect, locale, "approval.copied",
                () -> approvals.copy(approvalId, organizationIds == null ? List.of() : organizationIds));
    }

    @PostMapping("/{approvalId}/remind")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'COMMISSION_REVIEWER')")
    String remind(@PathVariable long approvalId, @RequestParam(required = false) @Nullable String text,
                  @RequestParam long itemId, RedirectAttributes redirect, Locale locale) {
        return act(itemId, redirect, locale, "approval.reminded", () -> approvals.remind(approvalId, text));
    }

    /** Overdue steps of the district and the year's quota usage, with the leadership group's overrides. */
    @GetMapping("/report")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'COMMISSION_REVIEWER', 'DISTRICT_APPROVER', 'ADMINISTRATOR')")
    String report(@RequestParam(required = false) @Nullable Integer year, Model model) {
        int shown = year == null ? java.time.LocalDate.now(clock).getYear() : year;
        model.addAttribute("year", shown);
        model.addAttribute("overdue", overdue.ofDistrict());
        long jurisdiction = quotas.jurisdictionOf(Actors.required());
        // Items count toward the year their activity starts, so next year's list fills while this one runs.
        model.addAttribute("usage", quotas.usage(jurisdiction, shown));
        model.addAttribute("usageNext", quotas.usage(jurisdiction, shown + 1));
        return "approval/report";
    }

    private String act(long itemId, RedirectAttributes redirect, Locale locale, String successKey,
                       java.util.function.Supplier<Approval> action) {
        try {
            Approval approval = action.get();
            redirect.addFlashAttribute("notice", messages.getMessage(successKey, new Object[]{approval.itemTitle()},
                    locale));
            return "redirect:/items/" + approval.itemId();
        } catch (cn.campusgate.core.NotFound e) {
            throw e; // a task or approval that is not there or not the user's stays a 404, as everywhere
        } catch (BusinessRuleViolation e) {
            redirect.addFlashAttribute("problem", FormErrors.message(e, messages, locale));
        }
        return "redirect:/items/" + itemId;
    }
}
