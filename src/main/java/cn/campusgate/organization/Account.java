package cn.campusgate.organization;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import cn.campusgate.core.BusinessRuleViolation;
import cn.campusgate.core.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A person's account. Its roles are held within exactly one organisation, and only roles that the
 * organisation's kind may hold. Owns the sign-in rules: lock-out after repeated failures, forced change
 * of an initial or reset password.
 */
@Table("account")
public final class Account {

    private @Id @Nullable Long id;
    private @Version int version;
    private final String username;
    private String displayName;
    private @Nullable String email;
    private @Nullable String phone;
    private String passwordHash;
    private long organizationId;
    private @Nullable MemberKind memberKind;
    private boolean mustChangePassword;
    private int failedLogins;
    private @Nullable Instant lockedUntil;
    private boolean active;
    private @Nullable Instant lastLoginAt;
    private Instant passwordChangedAt;
    private Instant createdAt;
    private Instant updatedAt;
    @MappedCollection(idColumn = "account_id")
    private Set<AccountRole> roles;

    @PersistenceCreator
    Account(@Nullable Long id, int version, String username, String displayName, @Nullable String email,
            @Nullable String phone, String passwordHash, long organizationId, @Nullable MemberKind memberKind,
            boolean mustChangePassword, int failedLogins, @Nullable Instant lockedUntil, boolean active,
            @Nullable Instant lastLoginAt, Instant passwordChangedAt, Instant createdAt, Instant updatedAt,
            Set<AccountRole> roles) {
        this.id = id;
        this.version = version;
        this.username = username;
        this.displayName = displayName;
        this.email = email;
        this.phone = phone;
        this.passwordHash = passwordHash;
        this.organizationId = organizationId;
        this.memberKind = memberKind;
        this.mustChangePassword = mustChangePassword;
        this.failedLogins = failedLogins;
        this.lockedUntil = lockedUntil;
        this.active = active;
        this.lastLoginAt = lastLoginAt;
        this.passwordChangedAt = passwordChangedAt;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.roles = Set.copyOf(roles);
    }

    /**
     * A new account with an initial password that must be changed at first sign-in (unless
     * {@code passwordIsFinal}, which only the demo seed uses).
     */
    static Account create(AccountCommand command, Organization organization, String passwordHash,
                          boolean passwordIsFinal, Instant now) {
        Account account = new Account(null, 0, command.username().strip().toLowerCase(java.util.Locale.ROOT), "",
                null, null, passwordHash, organization.id(), null, !passwordIsFinal, 0, null, true, null, now, now,
                now, Set.of());
        account.apply(command, organization, now);
        return account;
    }

    void update(AccountCommand command, Organization organization, Instant now) {
        if (!username.equalsIgnoreCase(command.username().strip())) {
            throw new BusinessRuleViolation("account.username.immutable");
        }
        apply(command, organization, now);
    }

    private void apply(AccountCommand command, Organization organization, Instant now) {
        if (!organization.active()) {
            throw new BusinessRuleViolation("organization.inactive", organization.name());
        }
        if (command.roles().isEmpty()) {
            throw new BusinessRuleViolation("account.roles.required");
        }
        for (Role role : command.roles()) {
            if (!organization.kind().allows(role)) {
                throw new BusinessRuleViolation("account.role.notAllowed",
                        new org.springframework.context.support.DefaultMessageSourceResolvable("role." + role.name()),
                        organization.name());
            }
        }
        boolean expert = command.roles().contains(Role.EXPERT);
        if (expert && command.memberKind() == null) {
            throw new BusinessRuleViolation("account.memberKind.required");
        }
        String name = command.displayName().strip();
        if (name.isEmpty()) {
            throw new BusinessRuleViolation("account.displayName.required");
        }
        this.displayName = name;
        this.email = blankToNull(command.email());
        this.phone = blankToNull(command.phone());
        this.organizationId = organization.id();
        this.memberKind = expert ? command.memberKind() : null;
        this.roles = command.roles().stream().map(AccountRole::new).collect(Collectors.toUnmodifiableSet());
        this.updatedAt = now;
    }

    void deactivate(Instant now) {
        if (!active) {
            throw new BusinessRuleViolation("account.alreadyInactive", username);
        }
        active = false;
        updatedAt = now;
    }

    void reactivate(Instant now) {
        if (active) {
            throw new BusinessRuleViolation("account.alreadyActive", username);
        }
        active = true;
        updatedAt = now;
    }

    /**
     * Counts a failed sign-in; the account locks for {@code lockout} once {@code maxFailures} are reached.
     *
     * @return whether this failure locked the account
     */
    boolean recordFailedSignIn(int maxFailures, Duration lockout, Instant now) {
        failedLogins++;
        if (failedLogins >= maxFailures) {
            lockedUntil = now.plus(lockout);
            failedLogins = 0;
            return true;
        }
        return false;
    }

    void recordSignIn(Instant now) {
        failedLogins = 0;
        lockedUntil = null;
        lastLoginAt = now;
    }

    void unlock(Instant now) {
        if (!isLocked(now)) {
            throw new BusinessRuleViolation("account.notLocked", username);
        }
        lockedUntil = null;
        failedLogins = 0;
        updatedAt = now;
    }

    /** The holder chose a new password: the forced change is done. */
    void changePassword(String newHash, Instant now) {
        passwordHash = newHash;
        mustChangePassword = false;
        passwordChangedAt = now;
        updatedAt = now;
    }

    /** An administrator set a temporary password: it must be changed at the next sign-in. */
    void resetPassword(String temporaryHash, Instant now) {
        passwordHash = temporaryHash;
        mustChangePassword = true;
        lockedUntil = null;
        failedLogins = 0;
        updatedAt = now;
    }

    /**
     * Whether the holder must choose a new password before doing anything else: an initial or reset one, or one
     * older than {@code maxAge} (等保 2.0 asks that passwords be changed regularly; a zero age turns that off).
     */
    public boolean passwordChangeDue(Duration maxAge, Instant now) {
        return mustChangePassword || passwordExpired(maxAge, now);
    }

    public boolean passwordExpired(Duration maxAge, Instant now) {
        return !maxAge.isZero() && !passwordChangedAt.plus(maxAge).isAfter(now);
    }

    public boolean isLocked(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    public Set<Role> roles() {
        Set<Role> result = EnumSet.noneOf(Role.class);
        roles.forEach(role -> result.add(role.role()));
        return result;
    }

    public AccountCommand toCommand() {
        return new AccountCommand(username, displayName, email, phone, organizationId, roles(), memberKind);
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public long id() {
        return Objects.requireNonNull(id, "not saved yet");
    }

    public int version() { return version; }
    public String username() { return username; }
    public String displayName() { return displayName; }
    public @Nullable String email() { return email; }
    public @Nullable String phone() { return phone; }
    String passwordHash() { return passwordHash; }
    public long organizationId() { return organizationId; }
    public @Nullable MemberKind memberKind() { return memberKind; }
    public boolean mustChangePassword() { return mustChangePassword; }
    public int failedLogins() { return failedLogins; }
    public @Nullable Instant lockedUntil() { return lockedUntil; }
    public Instant passwordChangedAt() { return passwordChangedAt; }
    public boolean active() { return active; }
    public @Nullable Instant lastLoginAt() { return lastLoginAt; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
}
