package cn.campusgate.organization.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import cn.campusgate.core.Actors;
import cn.campusgate.core.BusinessRuleViolation;
import cn.campusgate.core.FormErrors;
import cn.campusgate.organization.JurisdictionLevel;
import cn.campusgate.organization.Organization;
import cn.campusgate.organization.OrganizationKind;
import cn.campusgate.organization.Organizations;
import cn.campusgate.organization.SchoolImport;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.UriUtils;

/** The administrator's page for importing schools from an Excel or CSV file. */
@Controller
@RequestMapping("/admin/organizations/import")
@PreAuthorize("hasRole('ADMINISTRATOR')")
class SchoolImportController {

    /** Most problems listed on the page; the count of all is shown too. */
    static final int SHOWN_ERRORS = 500;
    private static final String VIEW = "organization/school-import";
    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final SchoolImport schoolImport;
    private final Organizations organizations;
    private final MessageSource messages;

    SchoolImportController(SchoolImport schoolImport, Organizations organizations, MessageSource messages) {
        this.schoolImport = schoolImport;
        this.organizations = organizations;
        this.messages = messages;
    }

    @GetMapping
    String form(Model model) {
        return page(model, null);
    }

    @PostMapping
    String upload(@RequestParam(name = "file", required = false) @Nullable MultipartFile file, Model model,
                  Locale locale) throws IOException {
        if (file == null || (file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()))) {
            model.addAttribute("problem", messages.getMessage("school-import.upload.missing", null, locale));
            return page(model, null);
        }
        try {
            String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
            return page(model, schoolImport.importSchools(name, file.getBytes(), locale));
        } catch (BusinessRuleViolation e) {
            model.addAttribute("problem", FormErrors.message(e, messages, locale));
            return page(model, null);
        }
    }

    @GetMapping("/template.xlsx")
    ResponseEntity<byte[]> template(Locale locale) {
        String fileName = messages.getMessage("school-import.template.fileName", null, "school-import-template.xlsx", locale);
        return ResponseEntity.ok()
                .contentType(XLSX)
                // An ASCII name for old clients, the person's language for every current browser (RFC 6266).
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"school-import-template.xlsx\"; filename*=UTF-8''"
                        + UriUtils.encode(fileName, StandardCharsets.UTF_8))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(schoolImport.template(locale));
    }

    private String page(Model model, SchoolImport.@Nullable Result result) {
        model.addAttribute("result", result);
        model.addAttribute("columns", schoolImport.columns());
        model.addAttribute("maxRows", SchoolImport.MAX_ROWS);
        model.addAttribute("shownErrors", SHOWN_ERRORS);
        model.addAttribute("towns", organizations.search(Actors.required(), OrganizationKind.JURISDICTION, "", false)
                .stream().filter(o -> o.isJurisdictionOf(JurisdictionLevel.TOWN)).map(Organization::name).toList());
        return VIEW;
    }
}
