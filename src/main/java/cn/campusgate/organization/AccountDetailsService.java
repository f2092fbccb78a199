package cn.campusgate.organization;

import java.time.Clock;

import cn.campusgate.core.Actor;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Loads an account for sign-in; an account of a deactivated organisation cannot sign in. */
@Component
class AccountDetailsService implements UserDetailsService {

    private final Accounts accounts;
    private final Organizations organizations;
    private final Clock clock;

    AccountDetailsService(Accounts accounts, Organizations organizations, Clock clock) {
        this.accounts = accounts;
        this.organizations = organizations;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public AccountPrincipal loadUserByUsername(String username) {
        Account account = accounts.findByUsername(username.strip())
                .orElseThrow(() -> new UsernameNotFoundException("unknown account"));
        return principalOf(account);
    }

    AccountPrincipal principalOf(Account account) {
        Organization organization = organizations.get(account.organizationId());
        Actor actor = new Actor(account.id(), account.username(), account.displayName(), organization.id(),
                organization.name(), account.roles());
        return new AccountPrincipal(actor, accounts.passwordHashOf(account),
                account.active() && organization.active(), account.isLocked(clock.instant()),
                accounts.passwordChangeDue(account));
    }
}
