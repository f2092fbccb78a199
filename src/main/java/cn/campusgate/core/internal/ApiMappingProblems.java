package cn.campusgate.core.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API's problem details also for failures before any controller is chosen (a content type no endpoint
 * consumes: 415, a method no endpoint has: 405, an upload over the multipart limit: 413): {@code ApiProblemAdvice}
 * applies only once a controller handles the request, so without this the caller got an empty body (or Spring
 * Boot's English error map) instead of a problem detail in their language.
 */
@Component
class ApiMappingProblems implements HandlerExceptionResolver, Ordered {

    private final MessageSource messages;
    private final LocaleResolver locales;
    private final JsonMapper json = ProblemJson.MAPPER;

    ApiMappingProblems(MessageSource messages, LocaleResolver locales) {
        this.messages = messages;
        this.locales = locales;
    }

    @Override
    public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
                                                   @Nullable Object handler, Exception e) {
        if (handler != null || !(e instanceof ErrorResponse error)
                || !request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return null;
        }
        HttpStatusCode status = error.getStatusCode();
        Locale locale = locales.resolveLocale(request);
        ProblemDetail problem = error.getBody();
        problem.setDetail(messages.getMessage("error.http." + status.value(), null,
                messages.getMessage("error.badRequest", null, locale), locale));
        problem.setTitle(messages.getMessage("error.title.http." + status.value(), null, problem.getTitle(), locale));
        response.setStatus(status.value());
        error.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        try {
            json.writeValue(response.getWriter(), problem);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return new ModelAndView();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
