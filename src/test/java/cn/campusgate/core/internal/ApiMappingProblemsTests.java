package cn.campusgate.core.internal;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;

import static org.assertj.core.api.Assertions.assertThat;

class ApiMappingProblemsTests {

    @Test
    void anUnknownApiPathGetsAProblemWithoutNullMembers() throws Exception {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/core");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        ApiMappingProblems problems = new ApiMappingProblems(messages, new FixedLocaleResolver(Locale.SIMPLIFIED_CHINESE));
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/nothing-here");
        MockHttpServletResponse response = new MockHttpServletResponse();

        problems.resolveException(request, response, null,
                new NoHandlerFoundException("GET", "/api/v1/nothing-here", new HttpHeaders()));

        assertThat(response.getStatus()).isEqualTo(404);
        String body = response.getContentAsString();
        assertThat(body).contains("\"status\":404", "您访问的页面不存在", "\"title\":\"未找到\"").doesNotContain("null");
    }
}
