package cn.campusgate.organization;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import static cn.campusgate.organization.OrganizationTests.assertRefused;
import static org.assertj.core.api.Assertions.assertThatCode;

class PasswordPolicyTests {

    @Test
    void acceptsALongMixedPassword() {
        assertThatCode(() -> PasswordPolicy.check("dept.fire", "Hechuan#2026")).doesNotThrowAnyException();
        assertThatCode(() -> PasswordPolicy.check("dept.fire", "hechuan-2026-ok")).doesNotThrowAnyException();
    }

    @Test
    void refusesShortSimpleOrNameBearingPasswords() {
        assertRefused(() -> PasswordPolicy.check("dept.fire", "Ab#1"), "password.tooShort");
        assertRefused(() -> PasswordPolicy.check("dept.fire", "abcdefghijkl"), "password.tooSimple");
        assertRefused(() -> PasswordPolicy.check("dept.fire", "1234567890123"), "password.tooSimple");
        assertRefused(() -> PasswordPolicy.check("dept.fire", "My-Dept.Fire-2026"), "password.containsUsername");
    }

    @RepeatedTest(20)
    void temporaryPasswordsSatisfyThePolicy() {
        assertThatCode(() -> PasswordPolicy.check("someone", PasswordPolicy.temporary())).doesNotThrowAnyException();
    }
}
