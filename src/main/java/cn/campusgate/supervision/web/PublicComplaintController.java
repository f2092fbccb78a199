package cn.campusgate.supervision.web;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.campusgate.core.BusinessRuleViolation;
import cn.campusgate.core.FormErrors;
import cn.campusgate.core.NotFound;
import cn.campusgate.supervision.Complaints;
import cn.campusgate.supervision.ComplaintCommand;
import cn.campusgate.supervision.EvidenceRejected;
import cn.campusgate.supervision.EvidenceUpload;
import cn.campusgate.supervision.Exposures;
import cn.campusgate.supervision.InvalidComplaint;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.multipart.MultipartFile;

/**
 * The public side, without an account and made for a phone: the complaint form, the receipt (shown once, in the
 * answer to the form, so the code is never kept anywhere in the clear), following a complaint by its receipt
 * code with the message exchange, and the exposure page. The receipt code travels only in POST bodies, never
 * in a URL.
 */
@Controller
@RequestMapping("/public")
class PublicComplaintController {

    private final Complaints complaints;
    private final Exposures exposures;
    private final ComplaintOptions options;
    private final MessageSource messages;

    PublicComplaintController(Complaints complaints, Exposures exposures, ComplaintOptions options,
                              MessageSource messages) {
        this.complaints = complaints;
        this.exposures = exposures;
        this.options = options;
        this.messages = messages;
    }

    @GetMapping("/complaints")
    String form(Model model) {
        return formPage(ComplaintForms.empty(), Map.of(), null, model);
    }

    @PostMapping("/complaints")
    String file(@ModelAttribute("form") ComplaintCommand form, BindingResult binding,
                @RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files, Model model,
                Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            return formPage(form, FormErrors.of(binding, messages, locale), null, model);
        }
        try {
            redirect.addFlashAttribute("receipt", Receipt.of(complaints.fileOnline(form, uploads(files))));
            return "redirect:/public/complaints/receipt";
        } catch (InvalidComplaint e) {
            return formPage(form, ComplaintForms.fieldErrors(e, messages, locale), null, model);
        } catch (EvidenceRejected e) {
            response.setStatus(e.reason() == EvidenceRejected.Reason.TOO_LARGE ? 413 : 422);
            Map<String, String> errors = new LinkedHashMap<>();
            errors.put("files", FormErrors.message(e, messages, locale));
            return formPage(form, errors, null, model);
        } catch (BusinessRuleViolation e) {
            return formPage(form, Map.of(), FormErrors.message(e, messages, locale), model);
        }
    }

    /**
     * The receipt, shown once after filing (post/redirect/get: reloading it never files the complaint again). The
     * code travels in the flash attribute only to this page; after that it exists only as a digest, so a reload
     * leads to the follow-up page instead.
     */
    @GetMapping("/complaints/receipt")
    String receipt(Model model, HttpServletResponse response, Locale locale) {
        noStore(response);
        if (!model.containsAttribute("receipt")) {
            model.addAttribute("notice", messages.getMessage("public.receipt.shownOnce", null, locale));
            return "supervision/public-follow";
        }
        return "supervision/public-receipt";
    }

    /** What the receipt page shows; kept in the session only between the filing and the receipt page. */
    record Receipt(String code, String display, String caseNumber, boolean yellowCard, int falseComplaints)
            implements Serializable {
        static Receipt of(Complaints.Filed filed) {
            return new Receipt(filed.receiptCode().value(), filed.receiptCode().display(), filed.caseNumber(),
                    filed.card() == cn.campusgate.supervision.Card.YELLOW, filed.falseComplaints());
        }
    }

    @GetMapping("/complaints/follow")
    String followForm() {
        return "supervision/public-follow";
    }

    @PostMapping("/complaints/follow")
    String follow(@RequestParam(name = "code", required = false) @Nullable String code, Model model, Locale locale,
                  HttpServletResponse response) {
        return followPage(code, model, locale, response, null);
    }

    @PostMapping("/complaints/follow/messages")
    String write(@RequestParam(name = "code", required = false) @Nullable String code,
                 @RequestParam(name = "text", required = false) @Nullable String text, Model model, Locale locale,
                 HttpServletResponse response) {
        try {
            complaints.write(code, text);
            return followPage(code, model, locale, response, messages.getMessage("supervision.message.sent", null, locale));
        } catch (NotFound e) {
            return followPage(code, model, locale, response, null);
        } catch (BusinessRuleViolation e) {
            model.addAttribute("problem", FormErrors.message(e, messages, locale));
            model.addAttribute("text", text);
            return followPage(code, model, locale, response, null);
        }
    }

    @GetMapping("/exposures")
    String exposures(Model model) {
        model.addAttribute("exposures", exposures.published());
        return "supervision/public-exposures";
    }

    private String followPage(@Nullable String code, Model model, Locale locale, HttpServletResponse response,
                              @Nullable String notice) {
        noStore(response);
        model.addAttribute("stages", cn.campusgate.supervision.CaseStatus.values());
        try {
            model.addAttribute("follow", complaints.follow(code));
            if (notice != null) {
                model.addAttribute("notice", notice);
            }
        } catch (NotFound e) {
            response.setStatus(404);
            model.addAttribute("problem", messages.getMessage("supervision.follow.unknown", null, locale));
        }
        return "supervision/public-follow";
    }

    private String formPage(ComplaintCommand form, Map<String, String> fieldErrors, @Nullable String problem,
                            Model model) {
        options.addTo(model);
        model.addAttribute("form", form);
        model.addAttribute("fieldErrors", fieldErrors);
        if (problem != null) {
            model.addAttribute("problem", problem);
        }
        return "supervision/public-form";
    }

    static List<EvidenceUpload> uploads(@Nullable List<MultipartFile> files) {
        List<EvidenceUpload> uploads = new ArrayList<>();
        if (files == null) {
            return uploads;
        }
        for (MultipartFile file : files) {
            if (file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
                continue;
            }
            try {
                uploads.add(new EvidenceUpload(file.getOriginalFilename(), file.getBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return uploads;
    }

    /** Pages that show a receipt code are never cached. */
    static void noStore(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
    }
}
