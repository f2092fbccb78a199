package cn.campusgate.organization.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.campusgate.core.Actor;
import cn.campusgate.core.Actors;
import cn.campusgate.core.BusinessRuleViolation;
import cn.campusgate.core.FormErrors;
import cn.campusgate.core.PageSlice;
import cn.campusgate.organization.JurisdictionLevel;
import cn.campusgate.organization.Organization;
import cn.campusgate.organization.OrganizationCommand;
import cn.campusgate.organization.OrganizationKind;
import cn.campusgate.organization.Organizations;
import cn.campusgate.organization.SchoolStage;
import cn.campusgate.organization.TownKind;
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

/** The administrator's pages for organisations within their jurisdiction. */
@Controller
@RequestMapping("/admin/organizations")
@PreAuthorize("hasRole('ADMINISTRATOR')")
class OrganizationAdminController {

    private final Organizations organizations;
    private final MessageSource messages;

    OrganizationAdminController(Organizations organizations, MessageSource messages) {
        this.organizations = organizations;
        this.messages = messages;
    }

    @ModelAttribute("kinds")
    List<OrganizationKind> kinds() {
        return Arrays.asList(OrganizationKind.values());
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "SCHOOL") OrganizationKind kind,
                @RequestParam(defaultValue = "") String q,
                @RequestParam(defaultValue = "false") boolean inactive,
                @RequestParam(required = false) @Nullable Long town,
                @RequestParam(required = false) @Nullable SchoolStage stage,
                @RequestParam(defaultValue = "1") int page, Model model) {
        Actor actor = Actors.required();
        List<Organization> all = organizations.search(actor, null, "", true);
        Map<OrganizationKind, Long> counts = all.stream().filter(Organization::active)
                .collect(Collectors.groupingBy(Organization::kind, Collectors.counting()));
        model.addAttribute("kind", kind);
        model.addAttribute("q", q);
        model.addAttribute("inactive", inactive);
        model.addAttribute("counts", counts);
        model.addAttribute("town", town);
        model.addAttribute("stage", stage);
        model.addAttribute("towns", organizations.towns());
        model.addAttribute("stages", SchoolStage.values());
        List<Organization> found = organizations.search(actor, kind, q, inactive).stream()
                .filter(o -> town == null || town.equals(o.parentId()))
                .filter(o -> stage == null || stage == o.schoolStage())
                .toList();
        model.addAttribute("organizations", PageSlice.of(found, page, PageSlice.DEFAULT_SIZE));
        model.addAttribute("names", all.stream().collect(Collectors.toMap(Organization::id, Organization::name)));
        return "organization/organizations";
    }

    @GetMapping("/new")
    String newForm(@RequestParam(defaultValue = "SCHOOL") OrganizationKind kind, Model model) {
        return form(OrganizationCommand.blank(kind), null, Map.of(), null, model);
    }

    @PostMapping
    String create(@Valid @ModelAttribute("form") OrganizationCommand form, BindingResult binding, Model model,
                  RedirectAttributes redirect, Locale locale) {
        requireKind(form);
        if (binding.hasErrors()) {
            return form(form, null, FormErrors.of(binding, messages, locale), null, model);
        }
        try {
            Organization created = organizations.create(form);
            redirect.addFlashAttribute("notice", messages.getMessage("organization.created", new Object[]{created.name()}, locale));
            return showInList(created, redirect);
        } catch (BusinessRuleViolation e) {
            return form(form, null, Map.of(), FormErrors.message(e, messages, locale), model);
        }
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        Organization organization = organizations.getManaged(id);
        return form(organization.toCommand(), organization, Map.of(), null, model);
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @RequestParam int version,
                  @Valid @ModelAttribute("form") OrganizationCommand form, BindingResult binding, Model model,
                  RedirectAttributes redirect, Locale locale) {
        Organization existing = organizations.getManaged(id);
        requireKind(form);
        if (binding.hasErrors()) {
            return form(form, existing, FormErrors.of(binding, messages, locale), null, model);
        }
        try {
            Organization updated = organizations.update(id, version, form);
            redirect.addFlashAttribute("notice", messages.getMessage("organization.saved", new Object[]{updated.name()}, locale));
            return showInList(updated, redirect);
        } catch (BusinessRuleViolation e) {
            return form(form, existing, Map.of(), FormErrors.message(e, messages, locale), model);
        }
    }

    @PostMapping("/{id}/deactivate")
    String deactivate(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
        return stateChange(id, () -> organizations.deactivate(id), "organization.deactivated", redirect, locale);
    }

    @PostMapping("/{id}/reactivate")
    String reactivate(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
        return stateChange(id, () -> organizations.reactivate(id), "organization.reactivated", redirect, locale);
    }

    private String stateChange(long id, java.util.function.Supplier<Organization> change, String noticeKey,
                               RedirectAttributes redirect, Locale locale) {
        Organization organization = organizations.getManaged(id);
        try {
            Organization changed = change.get();
            redirect.addFlashAttribute("notice", messages.getMessage(noticeKey, new Object[]{changed.name()}, locale));
        } catch (BusinessRuleViolation e) {
            redirect.addFlashAttribute("problem", FormErrors.message(e, messages, locale));
        }
        return "redirect:/admin/organizations?kind=" + organization.kind() + (organization.active() ? "" : "&inactive=true");
    }

    /** Back to the list, filtered to the organisation just saved, so the person sees the result. */
    /** The form always sends its kind; without one (a hand-made request) there is no form to show again. */
    private static void requireKind(OrganizationCommand form) {
        if (form.kind() == null) {
            throw new BusinessRuleViolation("error.badParameter");
        }
    }

    private static String showInList(Organization saved, RedirectAttributes redirect) {
        redirect.addAttribute("kind", saved.kind());
        redirect.addAttribute("q", saved.code());
        return "redirect:/admin/organizations";
    }

    private String form(OrganizationCommand form, @Nullable Organization existing, Map<String, String> fieldErrors,
                        @Nullable String problem, Model model) {
        Actor actor = Actors.required();
        if (form.kind() == null) {
            // The kind travels in a hidden field: without it (a hand-made request) there is no form to show.
            throw new BusinessRuleViolation("error.badParameter");
        }
        model.addAttribute("form", form);
        model.addAttribute("existing", existing);
        model.addAttribute("fieldErrors", fieldErrors);
        model.addAttribute("problem", problem);
        model.addAttribute("parents", parentOptions(actor, form.kind(), form.jurisdictionLevel()));
        model.addAttribute("levels", JurisdictionLevel.values());
        model.addAttribute("townKinds", TownKind.values());
        model.addAttribute("stages", SchoolStage.values());
        return "organization/organization-form";
    }

    /** Where an organisation of this kind may sit, among the active jurisdictions in the actor's scope. */
    private List<Organization> parentOptions(Actor actor, OrganizationKind kind, @Nullable JurisdictionLevel level) {
        Function<Organization, Boolean> fits = switch (kind) {
            case SCHOOL -> o -> o.isJurisdictionOf(JurisdictionLevel.TOWN);
            case MUNICIPAL_LEADERSHIP_GROUP -> o -> o.isJurisdictionOf(JurisdictionLevel.CITY);
            case JURISDICTION -> o -> o.isJurisdictionOf(JurisdictionLevel.CITY) || o.isJurisdictionOf(JurisdictionLevel.DISTRICT);
            default -> o -> o.isJurisdictionOf(JurisdictionLevel.DISTRICT);
        };
        return organizations.search(actor, OrganizationKind.JURISDICTION, "", false).stream()
                .filter(fits::apply).toList();
    }
}
