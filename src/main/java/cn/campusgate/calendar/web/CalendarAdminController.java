package cn.campusgate.calendar.web;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import cn.campusgate.calendar.CalendarDay;
import cn.campusgate.calendar.CalendarDayCommand;
import cn.campusgate.calendar.DayKind;
import cn.campusgate.calendar.HolidayArrangements;
import cn.campusgate.calendar.HolidayArrangements.YearArrangement;
import cn.campusgate.core.BusinessRuleViolation;
import cn.campusgate.core.FormErrors;
import cn.campusgate.core.Formats;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
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

/** The administrator's working-day calendar: a year's holidays and adjusted working days. */
@Controller
@RequestMapping("/admin/calendar")
@PreAuthorize("hasRole('ADMINISTRATOR')")
class CalendarAdminController {

    private final HolidayArrangements arrangements;
    private final MessageSource messages;
    private final Formats formats;

    CalendarAdminController(HolidayArrangements arrangements, MessageSource messages, Formats formats) {
        this.arrangements = arrangements;
        this.messages = messages;
        this.formats = formats;
    }

    /** A listed day with its date and weekday as the page writes them. */
    record DayRow(CalendarDay entry, String date, String weekday) {
    }

    @GetMapping
    String view(@RequestParam(required = false) @Nullable Integer year, Model model, Locale locale) {
        int shown = year != null ? year : arrangements.today().getYear();
        return page(shown, CalendarDayCommand.blank(), Map.of(), null, model, locale);
    }

    @PostMapping("/{year}/days")
    String add(@PathVariable int year, @Valid @ModelAttribute("form") CalendarDayCommand form, BindingResult binding,
               Model model, RedirectAttributes redirect, Locale locale) {
        if (binding.hasErrors()) {
            return page(year, form, FormErrors.of(binding, messages, locale), null, model, locale);
        }
        try {
            CalendarDay added = arrangements.add(year, form);
            redirect.addFlashAttribute("notice", messages.getMessage("calendar.day.added",
                    new Object[]{formats.date(added.day()), added.name()}, locale));
            return "redirect:/admin/calendar?year=" + year;
        } catch (BusinessRuleViolation e) {
            return page(year, form, Map.of(), FormErrors.message(e, messages, locale), model, locale);
        }
    }

    @PostMapping("/{year}/days/{day}/remove")
    String remove(@PathVariable int year, @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
                  RedirectAttributes redirect, Locale locale) {
        try {
            CalendarDay removed = arrangements.remove(day);
            redirect.addFlashAttribute("notice", messages.getMessage("calendar.day.removed",
                    new Object[]{formats.date(removed.day()), removed.name()}, locale));
        } catch (BusinessRuleViolation e) {
            redirect.addFlashAttribute("problem", FormErrors.message(e, messages, locale));
        }
        return "redirect:/admin/calendar?year=" + year;
    }

    @PostMapping("/{year}/configured")
    String markConfigured(@PathVariable int year, @RequestParam(defaultValue = "") String note,
                          RedirectAttributes redirect, Locale locale) {
        try {
            arrangements.markConfigured(year, note);
            redirect.addFlashAttribute("notice", messages.getMessage("calendar.year.configured",
                    new Object[]{String.valueOf(year)}, locale));
        } catch (BusinessRuleViolation e) {
            redirect.addFlashAttribute("problem", FormErrors.message(e, messages, locale));
        }
        return "redirect:/admin/calendar?year=" + year;
    }

    private String page(int year, CalendarDayCommand form, Map<String, String> fieldErrors, @Nullable String problem,
                        Model model, Locale locale) {
        YearArrangement arrangement = arrangements.year(year);
        model.addAttribute("year", year);
        model.addAttribute("arrangement", arrangement);
        TreeSet<Integer> years = new TreeSet<>(arrangements.years());
        years.add(year); // reached with the arrows, beyond the years offered
        model.addAttribute("years", years);
        model.addAttribute("months", MonthGrid.year(year, arrangement.days(), locale));
        model.addAttribute("weekdays", messages.getMessage("calendar.weekdays", null, locale).split(","));
        model.addAttribute("rows", arrangement.days().stream()
                .map(d -> new DayRow(d, formats.date(d.day()), d.day().getDayOfWeek().getDisplayName(TextStyle.SHORT, locale)))
                .toList());
        model.addAttribute("holidays", arrangement.count(DayKind.HOLIDAY));
        model.addAttribute("adjustedWorkdays", arrangement.count(DayKind.ADJUSTED_WORKDAY));
        model.addAttribute("kinds", List.of(DayKind.values()));
        model.addAttribute("form", form);
        model.addAttribute("fieldErrors", fieldErrors);
        model.addAttribute("problem", problem);
        return "calendar/calendar";
    }
}
