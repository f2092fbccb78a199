package cn.campusgate.campaign.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import cn.campusgate.campaign.AffairKind;
import cn.campusgate.campaign.Campaign;
import cn.campusgate.campaign.Campaigns;
import cn.campusgate.campaign.Campaigns.LedgerCommand;
import cn.campusgate.campaign.Campaigns.OpenCampaignCommand;
import cn.campusgate.campaign.Campaigns.ProblemView;
import cn.campusgate.campaign.LedgerStatus;
import cn.campusgate.campaign.Milestone;
import cn.campusgate.campaign.MilestoneStatus;
import cn.campusgate.campaign.ProblemStatus;
import cn.campusgate.campaign.SummaryReport;
import cn.campusgate.campaign.SummaryReports;
import cn.campusgate.campaign.SurveyCommand;
import cn.campusgate.campaign.SurveyImport;
import cn.campusgate.campaign.SurveyImports;
import cn.campusgate.campaign.web.CampaignForms.EntryCommand;
import cn.campusgate.campaign.web.CampaignForms.MilestoneCommand;
import cn.campusgate.campaign.web.CampaignForms.ProblemCommand;
import cn.campusgate.campaign.web.CampaignForms.TextsCommand;
import cn.campusgate.core.Actor;
import cn.campusgate.core.FormOutcome;
import cn.campusgate.core.Actors;
import cn.campusgate.core.BusinessRuleViolation;
import cn.campusgate.core.FormErrors;
import cn.campusgate.core.NotFound;
import cn.campusgate.core.Role;
import cn.campusgate.screening.RuleFamily;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * The campaign workspace (专项整治): milestones, the baseline survey by form and by Excel, the problem list, the
 * rectification ledger and the summary report. Each page offers only the actions the record's state and the reader's
 * role allow; a refused action leads back with the reason and changes nothing.
 */
@Controller
@RequestMapping("/campaigns")
@PreAuthorize("hasAnyRole('COMMISSION_REVIEWER', 'DISTRICT_APPROVER', 'SUPERVISOR', 'APPLICANT', 'SCHOOL_SENTINEL', 'TOWN_OFFICE')")
class CampaignController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    static final MediaType DOCX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    static final int SHOWN_ERRORS = 500;

    private final Campaigns campaigns;
    private final SurveyImports imports;
    private final SummaryReports reports;
    private final MessageSource messages;
    private final Clock clock;

    CampaignController(Campaigns campaigns, SurveyImports imports, SummaryReports reports, MessageSource messages,
                       Clock clock) {
        this.campaigns = campaigns;
        this.imports = imports;
        this.reports = reports;
        this.messages = messages;
        this.clock = clock;
    }

    // --- campaigns ---

    @GetMapping
    String list(Model model) {
        model.addAttribute("campaigns", campaigns.visible());
        model.addAttribute("canOpen", Actors.required().has(Role.COMMISSION_REVIEWER));
        model.addAttribute("nextYear", LocalDate.now(clock).getYear());
        return "campaign/campaigns";
    }

    @PostMapping
    @PreAuthorize("hasRole('COMMISSION_REVIEWER')")
    String open(@ModelAttribute OpenCampaignCommand form, BindingResult binding, RedirectAttributes redirect,
                Locale locale) {
        if (binding.hasErrors()) {
            redirect.addFlashAttribute("problem", messages.getMessage("campaign.open.invalid", null, locale));
            return "redirect:/campaigns";
        }
        try {
            Campaign campaign = campaigns.open(form);
            redirect.addFlashAttribute("notice", messages.getMessage("campaign.done.open", null, locale));
            return "redirect:/campaigns/" + campaign.id();
        } catch (NotFound e) {
            throw e;
        } catch (BusinessRuleViolation e) {
            redirect.addFlashAttribute("problem", FormErrors.message(e, messages, locale));
            return "redirect:/campaigns";
        }
    }

    @GetMapping("/{id}")
    String workspace(@PathVariable long id, Model model) {
        Campaign campaign = head(id, model, "overview");
        Actor actor = Actors.required();
        LocalDate today = LocalDate.now(clock);
        List<Milestone> milestones = campaigns.milestones(id);
        model.addAttribute("milestones", milestones);
        model.addAttribute("today", today);
        model.addAttribute("manages", actor.has(Role.COMMISSION_REVIEWER));
        model.addAttribute("figures", campaigns.figures(id));
        model.addAttribute("families", RuleFamily.values());
        model.addAttribute("kinds", AffairKind.values());
        long done = milestones.stream().filter(m -> m.status() == MilestoneStatus.COMPLETED).count();
        model.addAttribute("milestonePercent", milestones.isEmpty() ? 0 : done * 100 / milestones.size());
        return "campaign/workspace";
    }

    @PostMapping("/{id}/milestones/{milestoneId}")
    @PreAuthorize("hasRole('COMMISSION_REVIEWER')")
    String milestone(@PathVariable long id, @PathVariable long milestoneId, @ModelAttribute MilestoneCommand form,
                     BindingResult binding, RedirectAttributes redirect, Locale locale) {
        return act("/campaigns/" + id, binding, redirect, locale, "campaign.done.milestone", () -> {
            if (form.status() != null) {
                return campaigns.moveMilestone(milestoneId, form.version(), form.status(), form.note());
            }
            return campaigns.reschedule(milestoneId, form.version(), form.dueOn());
        });
    }

    // --- the survey ---

    @GetMapping("/{id}/survey")
    String survey(@PathVariable long id, Model model) {
        head(id, model, "survey");
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", SurveyCommand.empty());
        }
        return surveyPage(id, model);
    }

    private String surveyPage(long id, Model model) {
        Actor actor = Actors.required();
        model.addAttribute("affairs", campaigns.affairs(id));
        model.addAttribute("imports", imports.recent(id));
        model.addAttribute("kinds", AffairKind.values());
        model.addAttribute("canReport", actor.has(Role.COMMISSION_REVIEWER) || actor.has(Role.APPLICANT)
                || actor.has(Role.SCHOOL_SENTINEL) || actor.has(Role.TOWN_OFFICE));
        model.addAttribute("departments", campaigns.departmentNames());
        model.addAttribute("shownErrors", SHOWN_ERRORS);
        return "campaign/survey";
    }

    @PostMapping("/{id}/survey")
    String record(@PathVariable long id, @ModelAttribute("form") SurveyCommand form, BindingResult binding, Model model,
                  RedirectAttributes redirect, Locale locale) {
        if (binding.hasErrors()) {
            head(id, model, "survey");
            model.addAttribute("fieldErrors", FormErrors.of(binding, messages, locale));
            if (binding.getTarget() == null) {
                // A value that could not be bound (text for the kind or a date) leaves no form to show again.
                model.addAttribute("form", SurveyCommand.empty());
            }
            return surveyPage(id, model);
        }
        try {
            campaigns.record(id, form);
            redirect.addFlashAttribute("notice", messages.getMessage("campaign.done.survey", null, locale));
            return "redirect:/campaigns/" + id + "/survey";
        } catch (Campaigns.SurveyRejected e) {
            head(id, model, "survey");
            Map<String, String> errors = new LinkedHashMap<>();
            e.byField().forEach((field, message) -> errors.put(field,
                    messages.getMessage(message.getKey(), message.getValue(), message.getKey(), locale)));
            model.addAttribute("fieldErrors", errors);
            return surveyPage(id, model);
        } catch (NotFound e) {
            throw e;
        } catch (BusinessRuleViolation e) {
            head(id, model, "survey");
            model.addAttribute("problem", FormErrors.message(e, messages, locale));
            return surveyPage(id, model);
        }
    }

    @GetMapping("/{id}/survey/template.xlsx")
    ResponseEntity<byte[]> template(@PathVariable long id, Locale locale) {
        campaigns.get(id);
        String name = messages.getMessage("campaign.template.fileName", null, "survey-template.xlsx", locale);
        return download(imports.template(locale), XLSX, "survey-template.xlsx", name);
    }

    @PostMapping("/{id}/survey/import")
    String upload(@PathVariable long id, @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
                  Model model, RedirectAttributes redirect, Locale locale) throws IOException {
        head(id, model, "survey");
        model.addAttribute("form", SurveyCommand.empty());
        if (file == null || file.isEmpty()) {
            model.addAttribute("problem", messages.getMessage("campaign.import.missing", null, locale));
            return surveyPage(id, model);
        }
        SurveyImports.Check check = imports.start(id, file.getOriginalFilename() == null ? "" : file.getOriginalFilename(),
                file.getBytes(), locale);
        if (check.started()) {
            return "redirect:/campaigns/" + id + "/imports/" + check.importId();
        }
        if (check.earlier() != null) {
            redirect.addFlashAttribute("notice", messages.getMessage("campaign.import.repeat",
                    new Object[]{check.earlier().fileName(), cn.campusgate.core.Formats.dateTimeText(check.earlier().startedAt())},
                    locale));
            // The earlier run's page, read as what this upload did: nothing new (its page shows no flash notice).
            return "redirect:/campaigns/" + id + "/imports/" + check.earlier().id() + "?repeat=true";
        }
        model.addAttribute("check", check);
        return surveyPage(id, model);
    }

    @GetMapping("/{id}/imports/{importId}")
    String importPage(@PathVariable long id, @PathVariable long importId,
                      @RequestParam(defaultValue = "false") boolean repeat, Model model) {
        head(id, model, "survey");
        model.addAttribute("repeat", repeat);
        model.addAttribute("run", importOf(id, importId));
        return "campaign/import";
    }

    /** The progress card alone, which the page asks for every second while the import runs. */
    @GetMapping("/{id}/imports/{importId}/progress")
    String progress(@PathVariable long id, @PathVariable long importId, Model model) {
        model.addAttribute("campaignId", id);
        model.addAttribute("run", importOf(id, importId));
        return "campaign/import :: progress";
    }

    private SurveyImport importOf(long id, long importId) {
        SurveyImport run = imports.get(importId);
        if (run.campaignId() != id) {
            throw new NotFound("surveyImport", importId);
        }
        return run;
    }

    // --- problems ---

    @GetMapping("/{id}/problems")
    String problems(@PathVariable long id, @RequestParam(required = false) @Nullable ProblemStatus status,
                    @RequestParam(required = false) @Nullable RuleFamily family, Model model) {
        head(id, model, "problems");
        Actor actor = Actors.required();
        List<ProblemView> all = campaigns.problems(id);
        List<ProblemView> shown = all.stream()
                .filter(v -> status == null || v.problem().status() == status)
                .filter(v -> family == null || v.problem().family() == family).toList();
        model.addAttribute("problems", shown);
        // One card per surveyed affair, with its problems beneath.
        Map<Long, List<ProblemView>> byAffair = new LinkedHashMap<>();
        shown.forEach(v -> byAffair.computeIfAbsent(v.affair().id(), a -> new java.util.ArrayList<>()).add(v));
        model.addAttribute("groups", byAffair.values());
        model.addAttribute("total", all.size());
        model.addAttribute("status", status);
        model.addAttribute("family", family);
        model.addAttribute("statuses", ProblemStatus.values());
        model.addAttribute("families", RuleFamily.values());
        boolean manages = actor.has(Role.COMMISSION_REVIEWER);
        model.addAttribute("manages", manages);
        model.addAttribute("owners", manages ? campaigns.owners() : List.of());
        model.addAttribute("defaultDeadline", LocalDate.now(clock).plusDays(30));
        return "campaign/problems";
    }

    @PostMapping("/{id}/problems/{problemId}/dismiss")
    @PreAuthorize("hasRole('COMMISSION_REVIEWER')")
    String dismiss(@PathVariable long id, @PathVariable long problemId, @ModelAttribute ProblemCommand form,
                   BindingResult binding, RedirectAttributes redirect, Locale locale) {
        return act("/campaigns/" + id + "/problems", binding, redirect, locale, "campaign.done.dismiss",
                () -> campaigns.dismiss(problemId, form.version(), form.text()));
    }

    @PostMapping("/{id}/problems/{problemId}/typical")
    @PreAuthorize("hasRole('COMMISSION_REVIEWER')")
    String typical(@PathVariable long id, @PathVariable long problemId, @ModelAttribute ProblemCommand form,
                   BindingResult binding, RedirectAttributes redirect, Locale locale) {
        return act("/campaigns/" + id + "/problems", binding, redirect, locale, "campaign.done.typical",
                () -> campaigns.chooseTypical(problemId, form.version(), Boolean.TRUE.equals(form.typical()), form.text()));
    }

    @PostMapping("/{id}/problems/{problemId}/assign")
    @PreAuthorize("hasRole('COMMISSION_REVIEWER')")
    String assign(@PathVariable long id, @PathVariable long problemId, @ModelAttribute CampaignForms.AssignCommand form,
                  BindingResult binding, RedirectAttributes redirect, Locale locale) {
        return act("/campaigns/" + id + "/problems", binding, redirect, locale, "campaign.done.assign",
                () -> campaigns.assign(problemId, form.version(), new LedgerCommand(form.ownerId(), form.measure(), form.deadline())));
    }

    // --- the ledger ---

    @GetMapping("/{id}/ledger")
    String ledger(@PathVariable long id, Model model) {
        head(id, model, "ledger");
        Actor actor = Actors.required();
        model.addAttribute("entries", campaigns.ledger(id));
        model.addAttribute("manages", actor.has(Role.COMMISSION_REVIEWER));
        model.addAttribute("ownOrganization", actor.organizationId());
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("statuses", LedgerStatus.values());
        return "campaign/ledger";
    }

    @PostMapping("/{id}/ledger/{entryId}/{action}")
    String entry(@PathVariable long id, @PathVariable long entryId, @PathVariable String action,
                 @ModelAttribute EntryCommand form, BindingResult binding, RedirectAttributes redirect, Locale locale) {
        return act("/campaigns/" + id + "/ledger", binding, redirect, locale, "campaign.done.ledger." + action, () -> switch (action) {
            case "start" -> campaigns.start(entryId, form.version(), form.progress());
            case "submit" -> campaigns.submit(entryId, form.version(), form.progress(), form.evidence());
            case "return" -> campaigns.sendBack(entryId, form.version(), form.opinion());
            case "verify" -> campaigns.verify(entryId, form.version(), form.opinion());
            default -> throw new NotFound("rectification", entryId);
        });
    }

    // --- the summary report ---

    @GetMapping("/{id}/report")
    @PreAuthorize("hasAnyRole('COMMISSION_REVIEWER', 'DISTRICT_APPROVER', 'SUPERVISOR')")
    String report(@PathVariable long id, Model model) {
        head(id, model, "report");
        SummaryReport report = campaigns.report(id);
        model.addAttribute("report", report);
        model.addAttribute("manages", Actors.required().has(Role.COMMISSION_REVIEWER));
        return "campaign/report";
    }

    @PostMapping("/{id}/report")
    @PreAuthorize("hasRole('COMMISSION_REVIEWER')")
    String texts(@PathVariable long id, @ModelAttribute TextsCommand form, BindingResult binding,
                 RedirectAttributes redirect, Locale locale) {
        return act("/campaigns/" + id + "/report", binding, redirect, locale, "campaign.done.texts",
                () -> campaigns.saveTexts(id, form.version(), form.measures(), form.outlook()));
    }

    @GetMapping("/{id}/report.pdf")
    @PreAuthorize("hasAnyRole('COMMISSION_REVIEWER', 'DISTRICT_APPROVER', 'SUPERVISOR')")
    ResponseEntity<byte[]> reportPdf(@PathVariable long id) {
        SummaryReport report = campaigns.report(id);
        return download(reports.pdf(id), MediaType.APPLICATION_PDF, "summary-report.pdf", reports.fileName(report) + ".pdf");
    }

    @GetMapping("/{id}/report.docx")
    @PreAuthorize("hasAnyRole('COMMISSION_REVIEWER', 'DISTRICT_APPROVER', 'SUPERVISOR')")
    ResponseEntity<byte[]> reportDocx(@PathVariable long id) {
        SummaryReport report = campaigns.report(id);
        return download(reports.docx(id), DOCX, "summary-report.docx", reports.fileName(report) + ".docx");
    }

    // --- helpers ---

    private Campaign head(long id, Model model, String tab) {
        Campaign campaign = campaigns.get(id);
        model.addAttribute("campaign", campaign);
        model.addAttribute("jurisdictionName", campaigns.jurisdictionName(campaign));
        model.addAttribute("tab", tab);
        model.addAttribute("overseer", Campaigns.OVERSEER_ROLES.stream().anyMatch(Actors.required()::has));
        model.addAttribute("reporter", Campaigns.reports(Actors.required()));
        return campaign;
    }

    static ResponseEntity<byte[]> download(byte[] body, MediaType type, String asciiName, String name) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + asciiName + "\"; filename*=UTF-8''"
                        + UriUtils.encode(name, StandardCharsets.UTF_8))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }

    private String act(String back, BindingResult binding, RedirectAttributes redirect, Locale locale, String successKey,
                       Supplier<?> action) {
        return FormOutcome.redirect(back, binding, redirect, messages, locale, successKey, action::get);
    }
}
