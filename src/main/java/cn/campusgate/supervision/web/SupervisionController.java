package cn.campusgate.supervision.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import cn.campusgate.core.BusinessRuleViolation;
import cn.campusgate.core.FormOutcome;
import cn.campusgate.core.FormErrors;
import cn.campusgate.supervision.CaseOutcome;
import cn.campusgate.supervision.CaseStatus;
import cn.campusgate.supervision.Cases;
import cn.campusgate.supervision.Channel;
import cn.campusgate.supervision.Complaint;
import cn.campusgate.supervision.ComplaintCommand;
import cn.campusgate.supervision.ComplaintMessage;
import cn.campusgate.supervision.Complaints;
import cn.campusgate.supervision.Evidence;
import cn.campusgate.supervision.EvidenceRejected;
import cn.campusgate.supervision.InvalidComplaint;
import cn.campusgate.supervision.SanctionKind;
import cn.campusgate.supervision.SupervisionCase;
import cn.campusgate.supervision.web.ComplaintForms.ExtensionCommand;
import cn.campusgate.supervision.web.ComplaintForms.ReturnCommand;
import cn.campusgate.supervision.web.ComplaintForms.SanctionCommand;
import cn.campusgate.supervision.web.ComplaintForms.TextCommand;
import cn.campusgate.supervision.web.ComplaintForms.VerifyCommand;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The supervisors' pages: the case list, one case with its complaints, messages, evidence and history, the
 * actions its state allows, and the staff form for hotline, mailbox and letter complaints. A refused action
 * leads back to the case with the reason and changes nothing.
 */
@Controller
@RequestMapping("/supervision")
@PreAuthorize("hasRole('SUPERVISOR')")
class SupervisionController {

    private final Cases cases;
    private final Complaints complaints;
    private final ComplaintOptions options;
    private final MessageSource messages;

    SupervisionController(Cases cases, Complaints complaints, ComplaintOptions options, MessageSource messages) {
        this.cases = cases;
        this.complaints = complaints;
        this.options = options;
        this.messages = messages;
    }

    /** A complaint with what belongs to it, for the case page. */
    record ComplaintView(Complaint complaint, List<ComplaintMessage> messages, List<Evidence> evidence) {
    }

    @GetMapping
    String start() {
        return "redirect:/supervision/cases";
    }

    @GetMapping("/cases")
    String list(@RequestParam(name = "tab", defaultValue = "OPEN") Cases.Filter tab,
                @RequestParam(name = "status", required = false) @Nullable CaseStatus status, Model model) {
        model.addAttribute("tab", tab);
        model.addAttribute("tabs", Cases.Filter.values());
        model.addAttribute("status", status);
        model.addAttribute("statuses", List.of(CaseStatus.RECEIVED, CaseStatus.VERIFICATION, CaseStatus.HANDLING,
                CaseStatus.FOLLOW_UP));
        model.addAttribute("cases", cases.list(tab, status));
        return "supervision/cases";
    }

    @GetMapping("/cases/{id}")
    String show(@PathVariable long id, Model model) {
        SupervisionCase kase = cases.get(id);
        List<ComplaintView> views = new ArrayList<>();
        for (Complaint complaint : complaints.ofCase(id)) {
            views.add(new ComplaintView(complaint, complaints.messages(complaint.id()), complaints.evidence(complaint.id())));
        }
        CaseStatus status = kase.status();
        model.addAttribute("kase", kase);
        model.addAttribute("stages", CaseStatus.values());
        model.addAttribute("complaints", views);
        model.addAttribute("trace", cases.trace(id));
        model.addAttribute("canAccept", status == CaseStatus.RECEIVED);
        model.addAttribute("canVerify", status == CaseStatus.VERIFICATION);
        model.addAttribute("canSanction", status == CaseStatus.HANDLING);
        model.addAttribute("canConclude", status == CaseStatus.HANDLING && !kase.sanctions().isEmpty()
                && kase.sanctions().stream().noneMatch(s -> s.awaitingRemoval()));
        model.addAttribute("canClose", status == CaseStatus.FOLLOW_UP);
        model.addAttribute("returnTargets", List.of(CaseStatus.values()).stream().filter(status::isReturnTo)
                .filter(t -> t != CaseStatus.HANDLING || kase.outcome() == CaseOutcome.SUBSTANTIATED).toList());
        model.addAttribute("canExtend", (status == CaseStatus.VERIFICATION || status == CaseStatus.HANDLING
                || status == CaseStatus.FOLLOW_UP) && kase.pendingExtension().isEmpty());
        model.addAttribute("canMessage", status.open());
        model.addAttribute("outcomes", List.of(CaseOutcome.SUBSTANTIATED, CaseOutcome.NOT_SUBSTANTIATED,
                CaseOutcome.FALSE_REPORT));
        if (status == CaseStatus.HANDLING) {
            model.addAttribute("kinds", SanctionKind.values());
            model.addAttribute("targets", cases.targetsFor(kase));
            Long target = kase.targetId();
            model.addAttribute("suggested", target == null ? SanctionKind.REMINDER_LETTER : cases.suggestedFor(target));
            model.addAttribute("entries", target == null ? List.of() : cases.entriesOf(target));
        }
        return "supervision/case";
    }

    @PostMapping("/cases/{id}/accept")
    String accept(@PathVariable long id, @ModelAttribute TextCommand form, BindingResult binding,
                  RedirectAttributes redirect, Locale locale) {
        return act(id, binding, redirect, locale, "supervision.done.accept", () -> cases.accept(id, form.version()));
    }

    @PostMapping("/cases/{id}/refuse")
    String refuse(@PathVariable long id, @ModelAttribute TextCommand form, BindingResult binding,
                  RedirectAttributes redirect, Locale locale) {
        return act(id, binding, redirect, locale, "supervision.done.refuse",
                () -> cases.refuse(id, form.version(), form.text()));
    }

    @PostMapping("/cases/{id}/verify")
    String verify(@PathVariable long id, @ModelAttribute VerifyCommand form, BindingResult binding,
                  RedirectAttributes redirect, Locale locale) {
        return act(id, binding, redirect, locale, "supervision.done.verify",
                () -> cases.verify(id, form.version(), form.outcome(), form.findings()));
    }

    @PostMapping("/cases/{id}/conclude")
    String conclude(@PathVariable long id, @ModelAttribute TextCommand form, BindingResult binding,
                    RedirectAttributes redirect, Locale locale) {
        return act(id, binding, redirect, locale, "supervision.done.conclude",
                () -> cases.concludeHandling(id, form.version(), form.text()));
    }

    @PostMapping("/cases/{id}/return")
    String returnTo(@PathVariable long id, @ModelAttribute ReturnCommand form, BindingResult binding,
                    RedirectAttributes redirect, Locale locale) {
        return act(id, binding, redirect, locale, "supervision.done.return",
                () -> cases.returnTo(id, form.version(), form.target(), form.reason()));
    }

    @PostMapping("/cases/{id}/close")
    String close(@PathVariable long id, @ModelAttribute TextCommand form, BindingResult binding,
                 RedirectAttributes redirect, Locale locale) {
        return act(id, binding, redirect, locale, "supervision.done.close",
                () -> cases.close(id, form.version(), form.text()));
    }

    @PostMapping("/cases/{id}/extension")
    String extension(@PathVariable long id, @ModelAttribute ExtensionCommand form, BindingResult binding,
                     RedirectAttributes redirect, Locale locale) {
        return act(id, binding, redirect, locale, "supervision.done.extension",
                () -> cases.requestExtension(id, form.version(), form.days(), form.reason()));
    }

    @PostMapping("/cases/{id}/sanctions")
    String sanction(@PathVariable long id, @ModelAttribute SanctionCommand form, BindingResult binding,
                    RedirectAttributes redirect, Locale locale) {
        return act(id, binding, redirect, locale, "supervision.done.sanction", () -> cases.issue(id, form.version(),
                form.kind(), form.targetId(), form.basis(), form.notice(), form.responseDays(), form.entryId()));
    }

    @PostMapping("/cases/{id}/sanctions/{sanctionId}/publish")
    String publish(@PathVariable long id, @PathVariable long sanctionId, @ModelAttribute TextCommand form,
                   BindingResult binding, RedirectAttributes redirect, Locale locale) {
        return act(id, binding, redirect, locale, "supervision.done.publish",
                () -> cases.publishExposure(id, form.version(), sanctionId, form.text()));
    }

    @PostMapping("/cases/{id}/complaints/{complaintId}/answer")
    String answer(@PathVariable long id, @PathVariable long complaintId, @ModelAttribute TextCommand form,
                  BindingResult binding, RedirectAttributes redirect, Locale locale) {
        return act(id, binding, redirect, locale, "supervision.done.answer", () -> {
            complaints.answer(complaintId, form.text());
            return null;
        });
    }

    /** Opens the sealed name and contact; every opening is in the audit trail. */
    @GetMapping("/complaints/{complaintId}/identity")
    String identity(@PathVariable long complaintId, Model model, HttpServletRequest request,
                    HttpServletResponse response) {
        PublicComplaintController.noStore(response);
        model.addAttribute("identity", complaints.identity(complaintId));
        model.addAttribute("complaintId", complaintId);
        return request.getHeader("HX-Request") != null ? "supervision/identity :: panel" : "supervision/identity";
    }

    @GetMapping("/evidence/{evidenceId}")
    ResponseEntity<byte[]> evidence(@PathVariable long evidenceId) {
        Complaints.EvidenceFile file = complaints.evidenceFile(evidenceId);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.evidence().fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .contentType(MediaType.parseMediaType(file.evidence().contentType()))
                .body(file.content());
    }

    // --- staff intake ---

    @GetMapping("/complaints/new")
    String intake(Model model) {
        return intakePage(ComplaintForms.empty(), Channel.HOTLINE, Map.of(), null, model);
    }

    @PostMapping("/complaints")
    String log(@ModelAttribute("form") ComplaintCommand form, BindingResult binding,
               @RequestParam(name = "channel", required = false) @Nullable Channel channel,
               @RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files, Model model,
               RedirectAttributes redirect, Locale locale) {
        Channel via = channel == null ? Channel.HOTLINE : channel;
        if (binding.hasErrors()) {
            return intakePage(form, via, FormErrors.of(binding, messages, locale), null, model);
        }
        try {
            Complaints.Filed filed = complaints.log(via, form, PublicComplaintController.uploads(files));
            // Shown once to staff, to read out or write back to the complainant; never stored in the clear.
            model.addAttribute("filed", filed);
            return "supervision/logged";
        } catch (InvalidComplaint e) {
            return intakePage(form, via, ComplaintForms.fieldErrors(e, messages, locale), null, model);
        } catch (EvidenceRejected e) {
            Map<String, String> errors = new LinkedHashMap<>();
            errors.put("files", FormErrors.message(e, messages, locale));
            return intakePage(form, via, errors, null, model);
        } catch (BusinessRuleViolation e) {
            return intakePage(form, via, Map.of(), FormErrors.message(e, messages, locale), model);
        }
    }

    private String intakePage(ComplaintCommand form, Channel channel, Map<String, String> fieldErrors,
                              @Nullable String problem, Model model) {
        options.addTo(model);
        model.addAttribute("form", form);
        model.addAttribute("channel", channel);
        model.addAttribute("fieldErrors", fieldErrors);
        if (problem != null) {
            model.addAttribute("problem", problem);
        }
        return "supervision/intake";
    }

    private String act(long id, BindingResult binding, RedirectAttributes redirect, Locale locale, String successKey,
                       Supplier<?> action) {
        return FormOutcome.redirect("/supervision/cases/" + id, binding, redirect, messages, locale, successKey, action::get);
    }
}
