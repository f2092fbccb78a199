package cn.campusgate.supervision.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

import cn.campusgate.core.BusinessRuleViolation;
import cn.campusgate.core.FormErrors;
import cn.campusgate.supervision.NoticeReport;
import cn.campusgate.supervision.web.ComplaintForms.ReportPeriod;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;

/** 监督通报: the periodic report per department and per town/street (this quarter unless a period is chosen). */
@Controller
@RequestMapping("/supervision/report")
@PreAuthorize("hasAnyRole('SUPERVISOR', 'COMMISSION_REVIEWER', 'DISTRICT_APPROVER')")
class ReportController {

    private final NoticeReport report;
    private final MessageSource messages;
    private final Clock clock;

    ReportController(NoticeReport report, MessageSource messages, Clock clock) {
        this.report = report;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String report(@ModelAttribute("period") ReportPeriod period, Model model, Locale locale) {
        LocalDate today = LocalDate.now(clock);
        LocalDate quarterStart = today.withMonth((today.getMonthValue() - 1) / 3 * 3 + 1).withDayOfMonth(1);
        LocalDate from = period.from() == null ? quarterStart : period.from();
        LocalDate to = period.to() == null ? quarterStart.plusMonths(3).minusDays(1) : period.to();
        try {
            model.addAttribute("report", report.of(from, to));
        } catch (BusinessRuleViolation e) {
            model.addAttribute("problem", FormErrors.message(e, messages, locale));
        }
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        return "supervision/report";
    }
}
