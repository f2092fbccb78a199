package cn.campusgate.monitoring.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.campusgate.core.BusinessRuleViolation;
import cn.campusgate.core.FormErrors;
import cn.campusgate.core.NotFound;
import cn.campusgate.monitoring.Alert;
import cn.campusgate.monitoring.Demand;
import cn.campusgate.monitoring.MonthlyReturn;
import cn.campusgate.monitoring.MonthlyReturns;
import cn.campusgate.monitoring.RecordCommand;
import cn.campusgate.monitoring.RecordKind;
import cn.campusgate.monitoring.SentinelRecord;
import cn.campusgate.monitoring.SentinelRecords;
import cn.campusgate.monitoring.web.MonitoringForms.ConfirmForm;
import jakarta.validation.Valid;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 监测哨点: a school records what really entered, in under a minute (the quick form opens with today's date, the
 * school's planned activities first and nothing to type that the plans already know), and reads its records and
 * the alerts they raised; a monitoring school confirms its monthly return. Records are also readable by the
 * commission and supervisors of the jurisdiction.
 */
@Controller
@RequestMapping("/sentinel")
@PreAuthorize("hasAnyRole('SCHOOL_SENTINEL', 'COMMISSION_REVIEWER', 'SUPERVISOR')")
class SentinelController {

    private final SentinelRecords records;
    private final MonthlyReturns returns;
    private final MessageSource messages;
    private final Clock clock;

    SentinelController(SentinelRecords records, MonthlyReturns returns, MessageSource messages, Clock clock) {
        this.records = records;
        this.returns = returns;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    @PreAuthorize("hasRole('SCHOOL_SENTINEL')")
    String records(Model model) {
        model.addAttribute("records", records.mine());
        model.addAttribute("kinds", RecordKind.values());
        model.addAttribute("awaiting", returns.awaiting(cn.campusgate.core.Actors.required()).orElse(null));
        return "monitoring/records";
    }

    @GetMapping("/new")
    @PreAuthorize("hasRole('SCHOOL_SENTINEL')")
    String newForm(@RequestParam(defaultValue = "ENTRY") RecordKind kind, Model model) {
        return form(RecordCommand.empty(kind, LocalDate.now(clock)), Map.of(), null, model);
    }

    @PostMapping
    @PreAuthorize("hasRole('SCHOOL_SENTINEL')")
    String record(@Valid @ModelAttribute("form") RecordCommand form, BindingResult binding, Model model,
                  RedirectAttributes redirect, Locale locale) {
        if (binding.hasErrors()) {
            return form(form, FormErrors.of(binding, messages, locale), null, model);
        }
        try {
            SentinelRecords.Recorded recorded = records.record(form);
            redirect.addFlashAttribute("notice", messages.getMessage(recorded.alerts().isEmpty()
                    ? "monitoring.done.recorded" : "monitoring.done.recordedWithAlerts",
                    new Object[]{recorded.record().title(), recorded.alerts().size()}, locale));
            return "redirect:/sentinel/records/" + recorded.record().id();
        } catch (BusinessRuleViolation e) {
            if (e instanceof NotFound) {
                throw e;
            }
            return form(form, Map.of(), FormErrors.message(e, messages, locale), model);
        }
    }

    @GetMapping("/records/{id}")
    String view(@PathVariable long id, Model model) {
        SentinelRecord record = records.get(id);
        List<Alert> alerts = records.alertsOf(record);
        model.addAttribute("record", record);
        model.addAttribute("alerts", alerts);
        return "monitoring/record";
    }

    @GetMapping("/returns")
    @PreAuthorize("hasRole('SCHOOL_SENTINEL')")
    String returnsList(Model model) {
        model.addAttribute("months", returns.months());
        model.addAttribute("existing", returns.existing());
        return "monitoring/returns";
    }

    @GetMapping("/returns/{month}")
    @PreAuthorize("hasRole('SCHOOL_SENTINEL')")
    String monthlyReturn(@PathVariable YearMonth month, Model model, RedirectAttributes redirect, Locale locale) {
        try {
            model.addAttribute("view", returns.open(month));
        } catch (BusinessRuleViolation e) {
            if (e instanceof NotFound) {
                throw e;
            }
            redirect.addFlashAttribute("problem", FormErrors.message(e, messages, locale));
            return "redirect:/sentinel/returns";
        }
        return "monitoring/return";
    }

    @PostMapping("/returns/{month}")
    @PreAuthorize("hasRole('SCHOOL_SENTINEL')")
    String confirm(@PathVariable YearMonth month, @RequestParam long id, @ModelAttribute ConfirmForm form,
                   BindingResult binding, RedirectAttributes redirect, Locale locale) {
        if (binding.hasErrors()) {
            redirect.addFlashAttribute("problem", String.join(" ",
                    FormErrors.of(binding, messages, locale).values().stream().distinct().toList()));
            return "redirect:/sentinel/returns/" + month;
        }
        List<MonthlyReturn.LineAnswer> answers = form.answers() == null ? List.of() : form.answers().stream()
                .map(a -> new MonthlyReturn.LineAnswer(a.planId(), Boolean.TRUE.equals(a.tookPlace()),
                        a.classHours() == null ? 0 : a.classHours())).toList();
        try {
            MonthlyReturn done = returns.confirm(id, form.version(), answers, form.note());
            redirect.addFlashAttribute("notice", messages.getMessage("monitoring.done.return." + done.status(), null,
                    locale));
        } catch (BusinessRuleViolation e) {
            if (e instanceof NotFound) {
                throw e;
            }
            redirect.addFlashAttribute("problem", FormErrors.message(e, messages, locale));
        }
        return "redirect:/sentinel/returns/" + month;
    }

    private String form(RecordCommand form, Map<String, String> fieldErrors, @Nullable String problem, Model model) {
        RecordKind kind = form.kind() == null ? RecordKind.ENTRY : form.kind();
        LocalDate day = form.occurredOn() == null ? LocalDate.now(clock) : form.occurredOn();
        model.addAttribute("form", form);
        model.addAttribute("kind", kind);
        model.addAttribute("kinds", RecordKind.values());
        model.addAttribute("demands", Demand.values());
        model.addAttribute("planned", kind == RecordKind.ENTRY ? records.plannedAround(day) : List.of());
        model.addAttribute("bodies", records.bodies());
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("fieldErrors", fieldErrors);
        model.addAttribute("problem", problem);
        return "monitoring/record-form";
    }
}
