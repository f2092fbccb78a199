package cn.campusgate.organization.web;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import cn.campusgate.core.Actor;
import cn.campusgate.core.Actors;
import cn.campusgate.core.BusinessRuleViolation;
import cn.campusgate.core.FormErrors;
import cn.campusgate.core.PageSlice;
import cn.campusgate.core.Role;
import cn.campusgate.organization.Account;
import cn.campusgate.organization.AccountCommand;
import cn.campusgate.organization.Accounts;
import cn.campusgate.organization.MemberKind;
import cn.campusgate.organization.Organization;
import cn.campusgate.organization.Organizations;
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

/** The administrator's pages for accounts of organisations within their jurisdiction. */
@Controller
@RequestMapping("/admin/accounts")
@PreAuthorize("hasRole('ADMINISTRATOR')")
class AccountAdminController {

    private final Accounts accounts;
    private final Organizations organizations;
    private final MessageSource messages;
    private final Clock clock;

    AccountAdminController(Accounts accounts, Organizations organizations, MessageSource messages, Clock clock) {
        this.accounts = accounts;
        this.organizations = organizations;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) @Nullable Long organizationId,
                @RequestParam(defaultValue = "1") int page, Model model) {
        Actor actor = Actors.required();
        model.addAttribute("q", q);
        model.addAttribute("organizationId", organizationId);
        model.addAttribute("accounts", PageSlice.of(accounts.search(actor, organizationId, q), page,
                PageSlice.DEFAULT_SIZE));
        model.addAttribute("names", organizationNames(actor));
        model.addAttribute("now", clock.instant());
        return "organization/accounts";
    }

    @GetMapping("/new")
    String newForm(@RequestParam(required = false) @Nullable Long organizationId, Model model) {
        return form(new AccountCommand("", "", null, null, organizationId, java.util.Set.of(), null), null, Map.of(),
                null, model);
    }

    @PostMapping
    String create(@Valid @ModelAttribute("form") AccountCommand form, BindingResult binding, Model model, Locale locale) {
        if (binding.hasErrors()) {
            return form(form, null, FormErrors.of(binding, messages, locale), null, model);
        }
        try {
            Accounts.CreatedAccount created = accounts.create(form);
            model.addAttribute("account", created.account());
            model.addAttribute("temporaryPassword", created.temporaryPassword());
            model.addAttribute("created", true);
            return "organization/account-password-issued";
        } catch (BusinessRuleViolation e) {
            return form(form, null, Map.of(), FormErrors.message(e, messages, locale), model);
        }
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        Account account = accounts.getManaged(id);
        return form(account.toCommand(), account, Map.of(), null, model);
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @RequestParam int version, @Valid @ModelAttribute("form") AccountCommand form,
                  BindingResult binding, Model model, RedirectAttributes redirect, Locale locale) {
        Account existing = accounts.getManaged(id);
        if (binding.hasErrors()) {
            return form(form, existing, FormErrors.of(binding, messages, locale), null, model);
        }
        try {
            Account updated = accounts.update(id, version, form);
            redirect.addFlashAttribute("notice", messages.getMessage("account.saved", new Object[]{updated.username()}, locale));
            return "redirect:/admin/accounts";
        } catch (BusinessRuleViolation e) {
            return form(form, existing, Map.of(), FormErrors.message(e, messages, locale), model);
        }
    }

    @PostMapping("/{id}/deactivate")
    String deactivate(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
        return change(() -> accounts.deactivate(id), "account.deactivated", redirect, locale);
    }

    @PostMapping("/{id}/reactivate")
    String reactivate(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
        return change(() -> accounts.reactivate(id), "account.reactivated", redirect, locale);
    }

    @PostMapping("/{id}/unlock")
    String unlock(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
        return change(() -> accounts.unlock(id), "account.unlocked", redirect, locale);
    }

    @PostMapping("/{id}/reset-password")
    String resetPassword(@PathVariable long id, Model model, RedirectAttributes redirect, Locale locale) {
        Account account = accounts.getManaged(id);
        try {
            model.addAttribute("temporaryPassword", accounts.resetPassword(id));
            model.addAttribute("account", accounts.get(id));
            model.addAttribute("created", false);
            return "organization/account-password-issued";
        } catch (BusinessRuleViolation e) {
            redirect.addFlashAttribute("problem", FormErrors.message(e, messages, locale));
            return "redirect:/admin/accounts?q=" + account.username();
        }
    }

    private String change(Supplier<Account> action, String noticeKey, RedirectAttributes redirect, Locale locale) {
        try {
            Account account = action.get();
            redirect.addFlashAttribute("notice", messages.getMessage(noticeKey, new Object[]{account.username()}, locale));
        } catch (BusinessRuleViolation e) {
            redirect.addFlashAttribute("problem", FormErrors.message(e, messages, locale));
        }
        return "redirect:/admin/accounts";
    }

    private Map<Long, String> organizationNames(Actor actor) {
        return organizations.search(actor, null, "", true).stream()
                .collect(Collectors.toMap(Organization::id, Organization::name));
    }

    private String form(AccountCommand form, @Nullable Account existing, Map<String, String> fieldErrors,
                        @Nullable String problem, Model model) {
        Actor actor = Actors.required();
        List<Organization> options = organizations.search(actor, null, "", false);
        model.addAttribute("form", form);
        model.addAttribute("existing", existing);
        model.addAttribute("fieldErrors", fieldErrors);
        model.addAttribute("problem", problem);
        model.addAttribute("organizationOptions", options);
        model.addAttribute("allowedRoles", options.stream().collect(Collectors.toMap(Organization::id,
                o -> o.kind().allowedRoles().stream().map(Role::name).sorted().collect(Collectors.joining(" ")))));
        model.addAttribute("roles", Arrays.asList(Role.values()));
        model.addAttribute("memberKinds", MemberKind.values());
        return "organization/account-form";
    }
}
