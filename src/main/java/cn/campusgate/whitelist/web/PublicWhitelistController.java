package cn.campusgate.whitelist.web;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

import cn.campusgate.core.BusinessRuleViolation;
import cn.campusgate.core.FormErrors;
import cn.campusgate.core.NotFound;
import cn.campusgate.organization.SchoolStage;
import cn.campusgate.whitelist.AmbiguousName;
import cn.campusgate.whitelist.PublishedVersion;
import cn.campusgate.whitelist.Whitelist;
import cn.campusgate.whitelist.WhitelistEntry;
import cn.campusgate.whitelist.WhitelistKind;
import cn.campusgate.whitelist.Whitelists;
import cn.campusgate.whitelist.web.WhitelistForms.CheckQuery;
import cn.campusgate.whitelist.web.WhitelistForms.EntryFilter;
import cn.campusgate.whitelist.web.WhitelistForms.ObjectionCommand;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
 * The public portal, without sign-in: the lists of the district, each entry, the change log, past versions,
 * and the objection form of a list in its comment period.
 */
@Controller
@RequestMapping("/public/whitelist")
class PublicWhitelistController {

    private final Whitelists whitelists;
    private final MessageSource messages;
    private final VersionExport export;
    private final VersionNotice notice;

    PublicWhitelistController(Whitelists whitelists, MessageSource messages, VersionExport export,
                              VersionNotice notice) {
        this.whitelists = whitelists;
        this.messages = messages;
        this.export = export;
        this.notice = notice;
    }

    enum Format { CSV, XLSX, JSON, PDF }

    /** A published version as CSV, XLSX or JSON for anyone to keep or compare, or its official notice as a PDF. */
    @GetMapping("/{id}/versions/{number}/download")
    ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable int number, @RequestParam Format format)
            throws IOException {
        Whitelist list = whitelists.publicList(id);
        PublishedVersion version = whitelists.version(list, number);
        byte[] body = switch (format) {
            case CSV -> export.csv(version);
            case XLSX -> export.xlsx(version);
            case JSON -> export.json(version);
            case PDF -> notice.pdf(list, whitelists.summaryOf(list).jurisdictionName(), whitelists.issuerOf(list),
                    version, whitelists.changes(list, false));
        };
        String type = switch (format) {
            case CSV -> "text/csv;charset=UTF-8";
            case XLSX -> "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            case JSON -> MediaType.APPLICATION_JSON_VALUE;
            case PDF -> MediaType.APPLICATION_PDF_VALUE;
        };
        String name = "whitelist-" + list.year() + "-" + id + "-v" + number + "." + format.name().toLowerCase(Locale.ROOT);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .contentType(MediaType.parseMediaType(type)).body(body);
    }

    @GetMapping
    String index(Model model) {
        List<Whitelists.Summary> lists = whitelists.publicLists();
        model.addAttribute("current", lists.stream().filter(s -> s.list().status().inForce())
                .sorted(Comparator.comparing((Whitelists.Summary s) -> s.list().year()).reversed()
                        .thenComparing(s -> s.list().kind())).toList());
        model.addAttribute("past", lists.stream().filter(s -> !s.list().status().inForce())
                .sorted(Comparator.comparing((Whitelists.Summary s) -> s.list().year()).reversed()).toList());
        model.addAttribute("commenting", whitelists.inCommentPeriod());
        model.addAttribute("kinds", WhitelistKind.values());
        return "whitelist/public-index";
    }

    /** 活动核验: anyone checks whether an activity may enter a school, with the reason when it may not. */
    @GetMapping("/check")
    String check(@ModelAttribute("query") CheckQuery query, BindingResult binding, Model model, Locale locale) {
        model.addAttribute("choices", whitelists.checkChoices());
        if (!query.asked()) {
            return "whitelist/public-check";
        }
        if (binding.hasErrors()) {
            model.addAttribute("fieldErrors", FormErrors.of(binding, messages, locale));
            return "whitelist/public-check";
        }
        if (blank(query.school()) || blank(query.department()) || blank(query.title()) || query.date() == null) {
            model.addAttribute("problem", messages.getMessage("public.whitelist.check.incomplete", null, locale));
            return "whitelist/public-check";
        }
        try {
            Whitelists.CheckAnswer answer = whitelists.check(query.school(), query.department(), query.title(),
                    query.date());
            model.addAttribute("answer", answer);
            if (answer.upcoming() != null) {
                model.addAttribute("upcoming", PublicWhitelistApi.upcomingText(messages, answer.upcoming(), locale));
            }
        } catch (AmbiguousName e) {
            Object[] arguments = e.arguments();
            model.addAttribute("ambiguous", e);
            model.addAttribute("ambiguousText", messages.getMessage("whitelist.check.choose." + e.field(),
                    new Object[]{arguments[0], arguments[1]}, locale));
            if ((Integer) arguments[1] > e.candidates().size()) {
                model.addAttribute("ambiguousMore", messages.getMessage("whitelist.check.choose.more",
                        new Object[]{arguments[1]}, locale));
            }
        } catch (BusinessRuleViolation e) {
            model.addAttribute("problem", FormErrors.message(e, messages, locale));
        }
        return "whitelist/public-check";
    }

    private static boolean blank(@Nullable String text) {
        return text == null || text.isBlank();
    }

    @GetMapping("/{id}")
    String list(@PathVariable long id, @ModelAttribute("filter") EntryFilter filter, Model model) {
        Whitelist list = whitelists.publicList(id);
        List<WhitelistEntry> all = whitelists.entries(list, false);
        model.addAttribute("summary", whitelists.summaryOf(list));
        model.addAttribute("entries", all.stream().filter(e -> matches(e, filter, list.year())).toList());
        model.addAttribute("departments", all.stream().map(WhitelistEntry::departmentName)
                .collect(Collectors.toCollection(TreeSet::new)));
        model.addAttribute("stages", SchoolStage.values());
        model.addAttribute("months", java.util.stream.IntStream.rangeClosed(1, 12).boxed().toList());
        model.addAttribute("objections", whitelists.answeredObjections(list));
        return "whitelist/public-list";
    }

    @GetMapping("/{id}/entries/{entryId}")
    String entry(@PathVariable long id, @PathVariable long entryId, Model model) {
        Whitelist list = whitelists.publicList(id);
        model.addAttribute("summary", whitelists.summaryOf(list));
        model.addAttribute("entry", whitelists.publicEntry(id, entryId));
        return "whitelist/public-entry";
    }

    @GetMapping("/{id}/changes")
    String changes(@PathVariable long id, Model model) {
        Whitelist list = whitelists.publicList(id);
        model.addAttribute("summary", whitelists.summaryOf(list));
        model.addAttribute("changes", whitelists.changes(list, false));
        model.addAttribute("objections", whitelists.answeredObjections(list));
        return "whitelist/public-changes";
    }

    @GetMapping("/{id}/versions")
    String versions(@PathVariable long id, Model model) {
        Whitelist list = whitelists.publicList(id);
        model.addAttribute("summary", whitelists.summaryOf(list));
        model.addAttribute("versions", whitelists.versions(list));
        return "whitelist/public-versions";
    }

    @GetMapping("/{id}/versions/{number}")
    String version(@PathVariable long id, @PathVariable int number, Model model) {
        Whitelist list = whitelists.publicList(id);
        model.addAttribute("summary", whitelists.summaryOf(list));
        model.addAttribute("version", whitelists.version(list, number));
        return "whitelist/public-version";
    }

    /** 公示: the list under comment with the objection form. */
    @GetMapping("/{id}/comment")
    String comment(@PathVariable long id, Model model) {
        return commentPage(id, new ObjectionCommand(null, null, null, null), Map.of(), null, model);
    }

    @PostMapping("/{id}/objections")
    String object(@PathVariable long id, @ModelAttribute("form") ObjectionCommand form, BindingResult binding,
                  Model model, RedirectAttributes redirect, Locale locale) {
        if (binding.hasErrors()) {
            return commentPage(id, form, FormErrors.of(binding, messages, locale), null, model);
        }
        try {
            whitelists.fileObjection(id, form.entryId(), form.name(), form.contact(),
                    form.text() == null ? "" : form.text());
            redirect.addFlashAttribute("notice", messages.getMessage("whitelist.objection.filed", null, locale));
            return "redirect:/public/whitelist/" + id + "/comment";
        } catch (NotFound e) {
            throw e;
        } catch (BusinessRuleViolation e) {
            String problem = FormErrors.message(e, messages, locale);
            if ("whitelist.notOpenForObjections".equals(e.messageKey())) {
                redirect.addFlashAttribute("problem", problem);
                return "redirect:/public/whitelist";
            }
            return commentPage(id, form, Map.of(), problem, model);
        }
    }

    private String commentPage(long id, ObjectionCommand form, Map<String, String> fieldErrors,
                               @Nullable String problem, Model model) {
        Whitelist list = whitelists.listInCommentPeriod(id);
        model.addAttribute("summary", whitelists.summaryOf(list));
        model.addAttribute("entries", whitelists.entries(list, true).stream().filter(e -> !e.removed()).toList());
        model.addAttribute("objections", whitelists.answeredObjections(list));
        model.addAttribute("commentLog", whitelists.changes(list, false).stream()
                .filter(c -> c.kind() == cn.campusgate.whitelist.WhitelistChange.Kind.STATUS).toList());
        model.addAttribute("defaultDays", Whitelist.DEFAULT_COMMENT_DAYS);
        model.addAttribute("form", form);
        model.addAttribute("fieldErrors", fieldErrors);
        if (problem != null) {
            model.addAttribute("problem", problem);
        }
        return "whitelist/public-comment";
    }

    static boolean matches(WhitelistEntry e, EntryFilter filter, int year) {
        String q = filter.q() == null ? "" : filter.q().strip();
        if (!q.isEmpty() && !(contains(e.title(), q) || contains(e.theme(), q) || contains(e.content(), q)
                || contains(e.departmentName(), q) || contains(e.basis(), q) || contains(e.form(), q))) {
            return false;
        }
        if (filter.stage() != null && !filter.stage().isBlank() && !e.stages().isEmpty()
                && e.stages().stream().noneMatch(s -> s.name().equals(filter.stage()))) {
            return false;
        }
        if (filter.month() != null && filter.month() >= 1 && filter.month() <= 12
                && !e.touchesMonth(year, filter.month())) {
            return false;
        }
        return filter.department() == null || filter.department().isBlank()
                || e.departmentName().equals(filter.department());
    }

    private static boolean contains(@Nullable String text, String needle) {
        return text != null && text.contains(needle);
    }
}
