package cn.campusgate.organization;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.campusgate.core.Actor;
import cn.campusgate.core.Role;
import cn.campusgate.core.Actors;
import cn.campusgate.core.BusinessRuleViolation;
import cn.campusgate.core.NotFound;
import cn.campusgate.organization.OrganizationEvents.AccountChanged;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Accounts: administration within the administrator's jurisdiction, and each holder's own password. */
@Service
public class Accounts {

    private final AccountRepository repository;
    private final Organizations organizations;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final JdbcClient jdbc;
    private final AccessTokens tokens;
    private final int maxFailedSignIns;
    private final Duration lockout;
    private final Duration passwordMaxAge;

    Accounts(AccountRepository repository, Organizations organizations, PasswordEncoder passwordEncoder,
             ApplicationEventPublisher events, Clock clock, JdbcClient jdbc, AccessTokens tokens,
             @Value("${campusgate.security.max-failed-logins:50}") int maxFailedSignIns,
             @Value("${campusgate.security.lockout:15m}") Duration lockout,
             @Value("${campusgate.security.password-max-age:90d}") Duration passwordMaxAge) {
        this.repository = repository;
        this.organizations = organizations;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
        this.clock = clock;
        this.jdbc = jdbc;
        this.tokens = tokens;
        this.maxFailedSignIns = maxFailedSignIns;
        this.lockout = lockout;
        this.passwordMaxAge = passwordMaxAge;
    }

    /** Whether the account must change its password before anything else (initial, reset, or too old). */
    public boolean passwordChangeDue(Account account) {
        return account.passwordChangeDue(passwordMaxAge, clock.instant());
    }

    public Duration passwordMaxAge() {
        return passwordMaxAge;
    }

    /** Whether the password is older than the configured maximum age. */
    public boolean passwordExpired(Account account) {
        return account.passwordExpired(passwordMaxAge, clock.instant());
    }

    /** A new account and the temporary password to hand over (shown once, never stored in clear). */
    public record CreatedAccount(Account account, String temporaryPassword) {
    }

    @Transactional(readOnly = true)
    public Optional<Account> findByUsername(String username) {
        return repository.findByUsername(username);
    }

    @Transactional(readOnly = true)
    public Optional<Account> find(long id) {
        return repository.findById(id);
    }

    @Transactional(readOnly = true)
    public Account get(long id) {
        return repository.findById(id).orElseThrow(() -> new NotFound("account", id));
    }

    /** Active accounts of the organisation, whatever their roles: who reads what is copied to it. */
    @Transactional(readOnly = true)
    public List<Account> activeMembers(long organizationId) {
        return repository.findByOrganizationIdOrderByUsernameAsc(organizationId).stream()
                .filter(Account::active).toList();
    }

    /** Active accounts of the organisation that hold the role: whom a step of the approval chain waits for. */
    @Transactional(readOnly = true)
    public List<Account> activeHolders(long organizationId, Role role) {
        return repository.findByOrganizationIdOrderByUsernameAsc(organizationId).stream()
                .filter(a -> a.active() && a.roles().contains(role))
                .toList();
    }

    /** Accounts of organisations within the administrator's scope, filtered by a text. */
    @Transactional(readOnly = true)
    public List<Account> search(Actor actor, @Nullable Long organizationId, String text) {
        Set<Long> scope = organizations.scopeOf(actor);
        String needle = text.strip().toLowerCase(Locale.ROOT);
        return repository.findAll().stream()
                .filter(a -> scope.contains(a.organizationId()))
                .filter(a -> organizationId == null || a.organizationId() == organizationId)
                .filter(a -> needle.isEmpty() || a.username().contains(needle)
                        || a.displayName().toLowerCase(Locale.ROOT).contains(needle))
                .sorted(Comparator.comparing(Account::username))
                .toList();
    }

    @Transactional
    public CreatedAccount create(AccountCommand command) {
        Actor actor = Organizations.requireAdministrator();
        Organization organization = organizations.inScope(actor, command.organizationId());
        String temporary = PasswordPolicy.temporary();
        Account account = save(Account.create(command, organization, passwordEncoder.encode(temporary), false,
                clock.instant()));
        events.publishEvent(new AccountChanged(actor.username(), account.id(), account.username(), "created",
                Map.of("organization", organization.name(), "roles", account.roles())));
        return new CreatedAccount(account, temporary);
    }

    /** Creates an account whose password needs no change: for the demo seed only. */
    @Transactional
    Account createSeeded(AccountCommand command, String password) {
        return createBySystem(command, password, true);
    }

    /**
     * An account created by the system rather than an administrator: the demo's (with their final password) or
     * a new installation's first administrator (whose password must be changed at the first sign-in).
     */
    Account createBySystem(AccountCommand command, String password, boolean passwordIsFinal) {
        Organization organization = organizations.get(command.organizationId());
        Account account = save(Account.create(command, organization, passwordEncoder.encode(password), passwordIsFinal,
                clock.instant()));
        events.publishEvent(new AccountChanged(Actors.SYSTEM, account.id(), account.username(), "created",
                Map.of("organization", organization.name(), "roles", account.roles())));
        return account;
    }

    @Transactional
    public Account update(long id, int expectedVersion, AccountCommand command) {
        Actor actor = Organizations.requireAdministrator();
        Account account = inScope(actor, id);
        Organizations.checkVersion(account.version(), expectedVersion);
        Organization organization = organizations.inScope(actor, command.organizationId());
        if (account.id() == actor.accountId() && !command.roles().contains(cn.campusgate.core.Role.ADMINISTRATOR)) {
            throw new BusinessRuleViolation("account.ownAdministratorRole");
        }
        account.update(command, organization, clock.instant());
        account = save(account);
        events.publishEvent(new AccountChanged(actor.username(), id, account.username(), "updated",
                Map.of("organization", organization.name(), "roles", account.roles())));
        return account;
    }

    @Transactional
    public Account deactivate(long id) {
        Actor actor = Organizations.requireAdministrator();
        Account account = inScope(actor, id);
        if (account.id() == actor.accountId()) {
            throw new BusinessRuleViolation("account.deactivate.own");
        }
        account.deactivate(clock.instant());
        return changed(actor, account, "deactivated");
    }

    @Transactional
    public Account reactivate(long id) {
        Actor actor = Organizations.requireAdministrator();
        Account account = inScope(actor, id);
        account.reactivate(clock.instant());
        return changed(actor, account, "reactivated");
    }

    @Transactional
    public Account unlock(long id) {
        Actor actor = Organizations.requireAdministrator();
        Account account = inScope(actor, id);
        account.unlock(clock.instant());
        return changed(actor, account, "unlocked");
    }

    /** Sets a new temporary password, returned once; the holder must change it at next sign-in. */
    @Transactional
    public String resetPassword(long id) {
        Actor actor = Organizations.requireAdministrator();
        Account account = inScope(actor, id);
        String temporary = PasswordPolicy.temporary();
        account.resetPassword(passwordEncoder.encode(temporary), clock.instant());
        tokens.revokeAll(account.id()); // a reset recovers an account: nothing issued before it stays valid
        changed(actor, account, "password-reset");
        return temporary;
    }

    /** How many passwords back a new one may not repeat: the current one and the four before it. */
    static final int PASSWORD_HISTORY = 5;

    /**
     * The signed-in person changes their own password, proving they know the current one. The new one may not be one
     * of the last {@value #PASSWORD_HISTORY}. Every personal access token of the account is revoked, and its other
     * sessions end ({@link SessionRevocation}): a changed password is how a person takes back an account.
     */
    @Transactional
    public void changeOwnPassword(String currentPassword, String newPassword, String confirmation) {
        Actor actor = Actors.required();
        Account account = get(actor.accountId());
        if (!passwordEncoder.matches(currentPassword, account.passwordHash())) {
            throw new BusinessRuleViolation("password.currentWrong");
        }
        if (!newPassword.equals(confirmation)) {
            throw new BusinessRuleViolation("password.confirmationMismatch");
        }
        if (passwordEncoder.matches(newPassword, account.passwordHash())) {
            throw new BusinessRuleViolation("password.unchanged");
        }
        PasswordPolicy.check(account.username(), newPassword);
        List<String> previous = jdbc.sql("""
                SELECT password_hash FROM account_password_history WHERE account_id = :account
                ORDER BY replaced_at DESC, id DESC LIMIT :limit""")
                .param("account", account.id()).param("limit", PASSWORD_HISTORY - 1).query(String.class).list();
        if (previous.stream().anyMatch(hash -> passwordEncoder.matches(newPassword, hash))) {
            throw new BusinessRuleViolation("password.recentlyUsed", PASSWORD_HISTORY);
        }
        String replaced = account.passwordHash();
        account.changePassword(passwordEncoder.encode(newPassword), clock.instant());
        Account saved = repository.save(account);
        jdbc.sql("INSERT INTO account_password_history (account_id, password_hash, replaced_at) VALUES (:a, :h, :at)")
                .param("a", saved.id()).param("h", replaced).param("at", java.sql.Timestamp.from(clock.instant()))
                .update();
        jdbc.sql("""
                DELETE FROM account_password_history WHERE account_id = :account AND id NOT IN (
                    SELECT id FROM account_password_history WHERE account_id = :account
                    ORDER BY replaced_at DESC, id DESC LIMIT :limit)""")
                .param("account", saved.id()).param("limit", PASSWORD_HISTORY - 1).update();
        int revoked = tokens.revokeAll(saved.id());
        events.publishEvent(new AccountChanged(actor.username(), saved.id(), saved.username(), "password-changed",
                Map.of("tokensRevoked", revoked)));
    }

    /**
     * Counts a failed sign-in for an existing account; locks it after too many. Runs on its own, and takes
     * the account's row lock first, so simultaneous guesses are all counted.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordFailedSignIn(String username) {
        jdbc.sql("SELECT id FROM account WHERE lower(username) = lower(:username) FOR UPDATE")
                .param("username", username).query(Long.class).optional()
                .flatMap(repository::findById)
                .ifPresent(account -> {
                    boolean locked = account.recordFailedSignIn(maxFailedSignIns, lockout, clock.instant());
                    repository.save(account);
                    if (locked) {
                        events.publishEvent(new AccountChanged(Actors.SYSTEM, account.id(), account.username(),
                                "locked", Map.of("minutes", lockout.toMinutes())));
                    }
                });
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordSignIn(String username) {
        repository.findByUsername(username).ifPresent(account -> {
            account.recordSignIn(clock.instant());
            repository.save(account);
        });
    }

    String passwordHashOf(Account account) {
        return account.passwordHash();
    }

    private Account changed(Actor actor, Account account, String change) {
        Account saved = repository.save(account);
        events.publishEvent(new AccountChanged(actor.username(), saved.id(), saved.username(), change, Map.of()));
        return saved;
    }

    /** An account of an organisation the signed-in administrator manages; outside it does not exist. */
    @Transactional(readOnly = true)
    public Account getManaged(long id) {
        return inScope(Organizations.requireAdministrator(), id);
    }

    private Account inScope(Actor actor, long id) {
        Account account = get(id);
        if (!organizations.scopeOf(actor).contains(account.organizationId())) {
            throw new NotFound("account", id);
        }
        return account;
    }

    private Account save(Account account) {
        try {
            return repository.save(account);
        } catch (DuplicateKeyException e) {
            throw new BusinessRuleViolation("account.username.taken", account.username());
        }
    }
}
