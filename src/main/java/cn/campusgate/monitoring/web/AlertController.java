package cn.campusgate.monitoring.web;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import cn.campusgate.core.Actors;
import cn.campusgate.core.FormOutcome;
import cn.campusgate.core.BusinessRuleViolation;
import cn.campusgate.core.FormErrors;
import cn.campusgate.core.NotFound;
import cn.campusgate.core.Role;
import cn.campusgate.monitoring.Alert;
import cn.campusgate.monitoring.AlertStatus;
import cn.campusgate.monitoring.Alerts;
import cn.campusgate.monitoring.MonthlyReturns;
import cn.campusgate.monitoring.SentinelRecords;
import cn.campusgate.monitoring.web.MonitoringForms.AlertAction;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 监测预警: the education commission's alerts (acknowledge, dismiss with a reason, turn into a supervision case),
 * the jurisdiction's recent sentinel records and the monitoring schools' monthly returns. Actions show only
 * while the alert's state allows them.
 */
@Controller
@RequestMapping("/alerts")
@PreAuthorize("hasAnyRole('COMMISSION_REVIEWER', 'SUPERVISOR')")
class AlertController {

    private final Alerts alerts;
    private final SentinelRecords records;
    private final MonthlyReturns returns;
    private final MessageSource messages;
    private final Clock clock;

    AlertController(Alerts alerts, SentinelRecords records, MonthlyReturns returns, MessageSource messages,
                    Clock clock) {
        this.alerts = alerts;
        this.records = records;
        this.returns = returns;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String list(@RequestParam(required = false) @Nullable AlertStatus status, Model model) {
        List<Alert> all = alerts.list(null);
        model.addAttribute("status", status);
        model.addAttribute("statuses", AlertStatus.values());
        model.addAttribute("alerts", all.stream().filter(a -> status == null ? a.status().open() : a.status() == status)
                .toList());
        model.addAttribute("counts", all.stream().collect(java.util.stream.Collectors.groupingBy(Alert::status,
                java.util.stream.Collectors.counting())));
        return "monitoring/alerts";
    }

    @GetMapping("/records")
    String records(Model model) {
        model.addAttribute("records", records.ofJurisdiction());
        return "monitoring/jurisdiction-records";
    }

    @GetMapping("/returns")
    String returns(@RequestParam(required = false) @Nullable YearMonth month, Model model) {
        YearMonth shown = month == null ? YearMonth.now(clock) : month;
        model.addAttribute("month", shown);
        model.addAttribute("term", returns.termMonth(shown));
        model.addAttribute("schools", returns.overview(shown));
        return "monitoring/returns-overview";
    }

    @PostMapping("/returns/{id}/reopen")
    @PreAuthorize("hasRole('COMMISSION_REVIEWER')")
    String reopen(@PathVariable long id, @RequestParam YearMonth month, @ModelAttribute AlertAction form,
                  RedirectAttributes redirect, Locale locale) {
        try {
            returns.reopen(id, form.version(), form.reason());
            redirect.addFlashAttribute("notice", messages.getMessage("monitoring.done.reopened", null, locale));
        } catch (NotFound e) {
            throw e;
        } catch (BusinessRuleViolation e) {
            redirect.addFlashAttribute("problem", FormErrors.message(e, messages, locale));
        }
        return "redirect:/alerts/returns?month=" + month;
    }

    @GetMapping("/{id}")
    String view(@PathVariable long id, Model model) {
        Alert alert = alerts.get(id);
        boolean handles = Actors.required().has(Role.COMMISSION_REVIEWER);
        model.addAttribute("alert", alert);
        model.addAttribute("record", records.get(alert.recordId()));
        model.addAttribute("canAcknowledge", handles && alert.status().canMoveTo(AlertStatus.ACKNOWLEDGED));
        model.addAttribute("canDismiss", handles && alert.status().canMoveTo(AlertStatus.DISMISSED));
        model.addAttribute("canOpenCase", handles && alert.status().canMoveTo(AlertStatus.CASE_OPENED));
        return "monitoring/alert";
    }

    @PostMapping("/{id}/acknowledge")
    @PreAuthorize("hasRole('COMMISSION_REVIEWER')")
    String acknowledge(@PathVariable long id, @ModelAttribute AlertAction form, RedirectAttributes redirect,
                       Locale locale) {
        return act(id, redirect, locale, "monitoring.done.acknowledged", () -> alerts.acknowledge(id, form.version()));
    }

    @PostMapping("/{id}/dismiss")
    @PreAuthorize("hasRole('COMMISSION_REVIEWER')")
    String dismiss(@PathVariable long id, @ModelAttribute AlertAction form, RedirectAttributes redirect,
                   Locale locale) {
        return act(id, redirect, locale, "monitoring.done.dismissed",
                () -> alerts.dismiss(id, form.version(), form.reason()));
    }

    @PostMapping("/{id}/case")
    @PreAuthorize("hasRole('COMMISSION_REVIEWER')")
    String openCase(@PathVariable long id, @ModelAttribute AlertAction form, RedirectAttributes redirect,
                    Locale locale) {
        return act(id, redirect, locale, "monitoring.done.caseOpened",
                () -> alerts.openCase(id, form.version(), form.reason()));
    }

    private String act(long id, RedirectAttributes redirect, Locale locale, String successKey, Supplier<?> action) {
        return FormOutcome.redirect("/alerts/" + id, null, redirect, messages, locale, successKey, action::get);
    }
}
