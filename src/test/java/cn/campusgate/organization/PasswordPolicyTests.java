package cn.campusgate.organization;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import static cn.campusgate.organization.OrganizationTests.assertRefused;
import static org.assertj.core.api.Assertions.assertThatCode;

class PasswordPolicyTests {

    @Test
    void acceptsALongMixedPassword() {
        assertThatCode(() -> PasswordPolicy.check("dept.fire", "Jialing#River2026")).doesNotThrowAnyException();
        assertThatCode(() -> PasswordPolicy.check("admin", "CampusGate#2026")).doesNotThrowAnyException();
        assertThatCode(() -> PasswordPolicy.check("dept.fire", "hechuan-2026-ok")).doesNotThrowAnyException();
    }

    @Test
    void refusesShortSimpleOrNameBearingPasswords() {
        assertRefused(() -> PasswordPolicy.check("dept.fire", "Ab#1"), "password.tooShort");
        assertRefused(() -> PasswordPolicy.check("dept.fire", "abcdefghijkl"), "password.tooSimple");
        assertRefused(() -> PasswordPolicy.check("dept.fire", "1234567890123"), "password.tooSimple");
        assertRefused(() -> PasswordPolicy.check("dept.fire", "My-Dept.Fire-2026"), "password.containsUsername");
    }

    @Test
    void refusesCommonPasswordsAlsoDressedUp() {
        for (String common : new String[] {"Password123!", "P@ssw0rd2026", "Qwerty@123456", "1qaz2wsx3edC",
                "Woaini1314!", "WoAiNi5201314", "Qq123456789!", "Dragon2026!!", "2026#Sunshine", "Iloveyou1314!",
                "Zhangwei19900815", "LiuYang#0815", "0815Wangfang!", "Hechuan#2026", "Abc123456789!"}) {
            assertRefused(() -> PasswordPolicy.check("dept.fire", common), "password.common");
        }
    }

    @Test
    void theBundledListHasTheTenThousandMostCommonAndTheChineseFavourites() {
        for (String listed : new String[] {"123456", "password", "qwerty", "1qaz2wsx", "woaini1314", "5201314",
                "qq123456", "a123456", "zhangwei"}) {
            org.assertj.core.api.Assertions.assertThat(PasswordPolicy.common(listed)).as(listed).isTrue();
        }
        org.assertj.core.api.Assertions.assertThat(PasswordPolicy.common("Jialing#River2026")).isFalse();
        org.assertj.core.api.Assertions.assertThat(PasswordPolicy.common("Erlang#Sentinel2026")).isFalse();
        org.assertj.core.api.Assertions.assertThat(PasswordPolicy.common("Hechuan-2026-ok")).isFalse();
    }

    @RepeatedTest(20)
    void temporaryPasswordsSatisfyThePolicy() {
        assertThatCode(() -> PasswordPolicy.check("someone", PasswordPolicy.temporary())).doesNotThrowAnyException();
    }
}
