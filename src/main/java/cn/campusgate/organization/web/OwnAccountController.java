package cn.campusgate.organization.web;

import java.time.Clock;
import java.util.Locale;

import cn.campusgate.core.Actors;
import cn.campusgate.core.BusinessRuleViolation;
import cn.campusgate.core.FormErrors;
import cn.campusgate.organization.AccessTokens;
import cn.campusgate.organization.Account;
import cn.campusgate.organization.Accounts;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.ServletException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Every person's own account: password and personal access tokens. */
@Controller
@RequestMapping("/account")
class OwnAccountController {

    private final Accounts accounts;
    private final AccessTokens tokens;
    private final MessageSource messages;
    private final Clock clock;

    OwnAccountController(Accounts accounts, AccessTokens tokens, MessageSource messages, Clock clock) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String overview(Model model) {
        model.addAttribute("account", accounts.get(Actors.required().accountId()));
        model.addAttribute("tokens", tokens.mine());
        model.addAttribute("now", clock.instant());
        return "organization/own-account";
    }

    @GetMapping("/password")
    String passwordForm(Model model) {
        describeChange(model, accounts.get(Actors.required().accountId()));
        return "organization/password";
    }

    /** Why the change is required, if it is: an initial or reset password, or one past its maximum age. */
    private void describeChange(Model model, Account account) {
        model.addAttribute("forced", accounts.passwordChangeDue(account));
        model.addAttribute("expired", !account.mustChangePassword() && accounts.passwordExpired(account));
        model.addAttribute("maxAgeDays", accounts.passwordMaxAge().toDays());
    }

    /**
     * Changes the password. After a forced change the person signs in again with the new password, so
     * the session that knew only the initial password ends.
     */
    @PostMapping("/password")
    String changePassword(@RequestParam String currentPassword, @RequestParam String newPassword,
                          @RequestParam String confirmation, Model model, HttpServletRequest request,
                          RedirectAttributes redirect, Locale locale) throws ServletException {
        Account account = accounts.get(Actors.required().accountId());
        boolean forced = accounts.passwordChangeDue(account);
        try {
            accounts.changeOwnPassword(currentPassword, newPassword, confirmation);
        } catch (BusinessRuleViolation e) {
            describeChange(model, account);
            model.addAttribute("problem", FormErrors.message(e, messages, locale));
            return "organization/password";
        }
        if (forced) {
            request.logout();
            return "redirect:/login?changed";
        }
        redirect.addFlashAttribute("notice", messages.getMessage("password.changed", null, locale));
        return "redirect:/account";
    }

    @PostMapping("/tokens")
    String issueToken(@RequestParam String name, @RequestParam(defaultValue = "90") int validDays, Model model,
                      RedirectAttributes redirect, Locale locale) {
        try {
            model.addAttribute("issued", tokens.issue(name, validDays));
            return "organization/token-issued";
        } catch (BusinessRuleViolation e) {
            redirect.addFlashAttribute("problem", FormErrors.message(e, messages, locale));
            return "redirect:/account";
        }
    }

    @PostMapping("/tokens/{id}/revoke")
    String revokeToken(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
        try {
            tokens.revoke(id);
            redirect.addFlashAttribute("notice", messages.getMessage("token.revoked", null, locale));
        } catch (BusinessRuleViolation e) {
            redirect.addFlashAttribute("problem", FormErrors.message(e, messages, locale));
        }
        return "redirect:/account";
    }
}
