package cn.campusgate.core.internal;

import java.util.Locale;

import jakarta.servlet.FilterChain;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;

import static org.assertj.core.api.Assertions.assertThat;

class PublicRateLimitTests {

    private final PublicRateLimit limit = new PublicRateLimit(3, 1, messages(), new FixedLocaleResolver(Locale.SIMPLIFIED_CHINESE));

    @Test
    void aClientBeyondItsReadBudgetGets429WithRetryAfterAndAChineseProblem() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(call("GET", "/api/v1/public/whitelist/check", "198.51.100.1").getStatus()).isEqualTo(200);
        }
        MockHttpServletResponse refused = call("GET", "/api/v1/public/whitelist/check", "198.51.100.1");

        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(Integer.parseInt(refused.getHeader("Retry-After"))).isBetween(1, 60);
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        assertThat(refused.getContentAsString()).contains("\"status\":429", "请求过于频繁", "error.rateLimited");
    }

    @Test
    void clientsHaveTheirOwnBudgetsAndWritesAreCountedApartFromReads() throws Exception {
        for (int i = 0; i < 4; i++) {
            call("GET", "/public/whitelist", "198.51.100.2");
        }
        assertThat(call("GET", "/public/whitelist", "198.51.100.2").getStatus()).isEqualTo(429);
        assertThat(call("GET", "/public/whitelist", "198.51.100.3").getStatus()).isEqualTo(200);

        assertThat(call("POST", "/public/whitelist/1/objections", "198.51.100.2").getStatus()).isEqualTo(200);
        MockHttpServletResponse secondWrite = call("POST", "/public/whitelist/1/objections", "198.51.100.2");
        assertThat(secondWrite.getStatus()).isEqualTo(429);
        assertThat(secondWrite.getErrorMessage()).isNull(); // a page: the friendly error page renders the 429
    }

    @Test
    void pagesBehindSignInAreNeverLimited() throws Exception {
        for (int i = 0; i < 10; i++) {
            assertThat(call("POST", "/approvals/1/decision", "198.51.100.4").getStatus()).isEqualTo(200);
            assertThat(call("GET", "/publications", "198.51.100.4").getStatus()).isEqualTo(200);
        }
    }

    private MockHttpServletResponse call(String method, String path, String address) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setRemoteAddr(address);
        MockHttpServletResponse response = new MockHttpServletResponse();
        FilterChain chain = new MockFilterChain();
        limit.doFilter(request, response, chain);
        return response;
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames("i18n/core");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }
}
