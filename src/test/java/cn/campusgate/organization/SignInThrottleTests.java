package cn.campusgate.organization;

import java.time.Duration;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;

import static org.assertj.core.api.Assertions.assertThat;

/** The budgets of {@link SignInThrottle} as configured by default: 5 per name and address, 20 per address. */
class SignInThrottleTests {

    private final SignInThrottle throttle = new SignInThrottle(20, 5, 20, Duration.ofMinutes(15), messages(),
            new FixedLocaleResolver(Locale.SIMPLIFIED_CHINESE));

    @Test
    void fiveFailuresForANameFromAnAddressSlowThatPairOnly() {
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.waitSeconds("198.51.100.1", "dept.fire")).isZero();
            throttle.failed("198.51.100.1", "dept.fire");
        }
        assertThat(throttle.waitSeconds("198.51.100.1", " DEPT.fire ")).isBetween(1L, 15L * 60);
        assertThat(throttle.waitSeconds("198.51.100.2", "dept.fire")).as("another address").isZero();
        assertThat(throttle.waitSeconds("198.51.100.1", "dept.police")).as("another name").isZero();
    }

    @Test
    void twentyFailuresFromAnAddressForAnyNamesSlowThatAddressForEveryName() {
        for (int i = 0; i < 20; i++) {
            throttle.failed("198.51.100.3", "guess" + i);
        }
        assertThat(throttle.waitSeconds("198.51.100.3", "someone.new")).isPositive();
        assertThat(throttle.waitSeconds("198.51.100.4", "someone.new")).isZero();
    }

    @Test
    void aSlowedFormSignInIs429WithRetryAfterAndBasicSignInsAChineseProblem() throws Exception {
        for (int i = 0; i < 5; i++) {
            throttle.failed("198.51.100.5", "dept.fire");
        }
        MockHttpServletRequest form = new MockHttpServletRequest("POST", "/login");
        form.setRemoteAddr("198.51.100.5");
        form.setParameter("username", "dept.fire");
        MockHttpServletResponse page = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        throttle.filter(false).doFilter(form, page, chain);
        assertThat(page.getStatus()).isEqualTo(429);
        assertThat(page.getHeader("Retry-After")).isNotNull();
        assertThat(chain.getRequest()).as("not passed on").isNull();

        MockHttpServletRequest basic = new MockHttpServletRequest("GET", "/api/v1/me");
        basic.setRemoteAddr("198.51.100.5");
        basic.addHeader("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("dept.fire:x".getBytes()));
        MockHttpServletResponse problem = new MockHttpServletResponse();
        throttle.filter(true).doFilter(basic, problem, new MockFilterChain());
        assertThat(problem.getStatus()).isEqualTo(429);
        assertThat(problem.getContentType()).startsWith("application/problem+json");
        assertThat(problem.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains("登录失败次数过多");
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames("i18n/core", "i18n/portal");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }
}
