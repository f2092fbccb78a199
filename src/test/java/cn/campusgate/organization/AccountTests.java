package cn.campusgate.organization;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import cn.campusgate.core.Role;
import org.junit.jupiter.api.Test;

import static cn.campusgate.organization.OrganizationTests.NOW;
import static cn.campusgate.organization.OrganizationTests.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

/** Account rules without Spring: roles per organisation kind, lock-out, forced password change. */
class AccountTests {

    static Organization committee() {
        Organization district = OrganizationTests.district();
        return OrganizationTests.saved(Organization.create(new OrganizationCommand(OrganizationKind.EXPERT_COMMITTEE, null,
                "合川区社会事务进校园专家委员会", null, null, null, district.id(), null, null, null, null), district, "C1", NOW));
    }

    static Account expert(Organization committee) {
        return Account.create(new AccountCommand("Expert.Wu ", "吴教授", null, null, committee.id(), Set.of(Role.EXPERT),
                MemberKind.EDUCATION_EXPERT), committee, "{noop}x", false, NOW);
    }

    @Test
    void anAccountHoldsOnlyRolesItsOrganisationMayHold() {
        Organization committee = committee();
        Account account = expert(committee);
        assertThat(account.username()).isEqualTo("expert.wu");
        assertThat(account.roles()).containsExactly(Role.EXPERT);
        assertThat(account.mustChangePassword()).isTrue();
        assertRefused(() -> Account.create(new AccountCommand("sec2", "秘书", null, null, committee.id(),
                Set.of(Role.DISTRICT_APPROVER), null), committee, "h", false, NOW), "account.role.notAllowed");
        assertRefused(() -> Account.create(new AccountCommand("sec3", "秘书", null, null, committee.id(), Set.of(), null),
                committee, "h", false, NOW), "account.roles.required");
    }

    @Test
    void aPasswordIsDueForChangeWhenInitialOrOlderThanItsMaximumAge() {
        Duration ninetyDays = Duration.ofDays(90);
        Account account = expert(committee());
        assertThat(account.passwordChangeDue(ninetyDays, NOW)).as("initial password").isTrue();

        account.changePassword("{noop}chosen", NOW);
        assertThat(account.passwordChangeDue(ninetyDays, NOW.plus(Duration.ofDays(89)))).isFalse();
        assertThat(account.passwordChangeDue(ninetyDays, NOW.plus(ninetyDays))).isTrue();
        assertThat(account.passwordChangeDue(Duration.ZERO, NOW.plus(Duration.ofDays(3650)))).as("age check off").isFalse();

        account.changePassword("{noop}chosen again", NOW.plus(ninetyDays));
        assertThat(account.passwordChangeDue(ninetyDays, NOW.plus(ninetyDays).plusSeconds(1))).isFalse();
    }

    @Test
    void anExpertNeedsAMemberKindAndOthersHaveNone() {
        Organization committee = committee();
        assertRefused(() -> Account.create(new AccountCommand("expert.x", "某委员", null, null, committee.id(),
                Set.of(Role.EXPERT), null), committee, "h", false, NOW), "account.memberKind.required");
        Account secretary = Account.create(new AccountCommand("sec", "秘书", null, null, committee.id(),
                Set.of(Role.COMMITTEE_SECRETARY), MemberKind.NPC_DEPUTY), committee, "h", false, NOW);
        assertThat(secretary.memberKind()).isNull();
    }

    @Test
    void everyKindAllowsSomeRoleAndEveryRoleHasAKind() {
        for (OrganizationKind kind : OrganizationKind.values()) {
            assertThat(kind.allowedRoles()).as(kind.name()).isNotEmpty();
        }
        for (Role role : Role.values()) {
            assertThat(java.util.Arrays.stream(OrganizationKind.values()).anyMatch(k -> k.allows(role))).as(role.name()).isTrue();
        }
        assertThat(OrganizationKind.SCHOOL.allowedRoles()).containsExactly(Role.SCHOOL_SENTINEL);
        assertThat(OrganizationKind.DEPARTMENT.allowedRoles()).containsExactly(Role.APPLICANT);
    }

    @Test
    void fiveFailuresLockForTheLockoutPeriod() {
        Account account = expert(committee());
        Duration lockout = Duration.ofMinutes(15);
        for (int i = 1; i < 5; i++) {
            assertThat(account.recordFailedSignIn(5, lockout, NOW)).isFalse();
        }
        assertThat(account.isLocked(NOW)).isFalse();
        assertThat(account.recordFailedSignIn(5, lockout, NOW)).isTrue();
        assertThat(account.isLocked(NOW.plus(Duration.ofMinutes(14)))).isTrue();
        assertThat(account.isLocked(NOW.plus(Duration.ofMinutes(16)))).isFalse();
    }

    @Test
    void aSuccessfulSignInResetsTheFailureCounter() {
        Account account = expert(committee());
        for (int i = 0; i < 4; i++) {
            account.recordFailedSignIn(5, Duration.ofMinutes(15), NOW);
        }
        account.recordSignIn(NOW);
        assertThat(account.failedLogins()).isZero();
        assertThat(account.lastLoginAt()).isEqualTo(NOW);
        assertThat(account.recordFailedSignIn(5, Duration.ofMinutes(15), NOW)).isFalse();
    }

    /**
     * The whole lifecycle. Activity: ACTIVE ⇄ INACTIVE. Lock: UNLOCKED → LOCKED (five failures) → UNLOCKED
     * (administrator, reset, or time). Password: MUST_CHANGE → CHOSEN (holder changes) → MUST_CHANGE (reset).
     */
    @Test
    void lifecycleTransitionTable() {
        Account account = expert(committee());
        Instant later = NOW.plusSeconds(60);
        assertRefused(() -> account.reactivate(later), "account.alreadyActive");
        account.deactivate(later);
        assertThat(account.active()).isFalse();
        assertRefused(() -> account.deactivate(later), "account.alreadyInactive");
        account.reactivate(later);
        assertThat(account.active()).isTrue();

        assertRefused(() -> account.unlock(later), "account.notLocked");
        for (int i = 0; i < 5; i++) {
            account.recordFailedSignIn(5, Duration.ofMinutes(15), later);
        }
        assertThat(account.isLocked(later)).isTrue();
        account.unlock(later);
        assertThat(account.isLocked(later)).isFalse();

        assertThat(account.mustChangePassword()).isTrue();
        account.changePassword("{noop}new", later);
        assertThat(account.mustChangePassword()).isFalse();
        for (int i = 0; i < 5; i++) {
            account.recordFailedSignIn(5, Duration.ofMinutes(15), later);
        }
        account.resetPassword("{noop}temp", later);
        assertThat(account.mustChangePassword()).isTrue();
        assertThat(account.isLocked(later)).isFalse();
    }

    @Test
    void theUsernameNeverChanges() {
        Organization committee = committee();
        Account account = expert(committee);
        assertRefused(() -> account.update(new AccountCommand("someone.else", "吴教授", null, null, committee.id(),
                Set.of(Role.EXPERT), MemberKind.EDUCATION_EXPERT), committee, NOW), "account.username.immutable");
    }
}
