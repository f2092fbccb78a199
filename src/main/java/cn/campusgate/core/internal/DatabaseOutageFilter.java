package cn.campusgate.core.internal;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

import cn.campusgate.core.DatabaseUnavailable;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * While the database is down or restarting, every request gets 503 with {@code Retry-After}: a problem detail for the
 * API, a plain page for browsers, in the user's language. It sits outside the session and security filters because
 * those need the database too (a session lookup or an HTTP Basic sign-in would otherwise end in a 500 or a 401). The
 * page is written here and not from the layout, which reads the database for the header.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class DatabaseOutageFilter extends OncePerRequestFilter {

    static final int RETRY_AFTER_SECONDS = 10;
    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageFilter.class);

    private final MessageSource messages;
    private final LocaleResolver locales;
    private final JsonMapper json = JsonMapper.builder().build();

    DatabaseOutageFilter(MessageSource messages, LocaleResolver locales) {
        this.messages = messages;
        this.locales = locales;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (!DatabaseUnavailable.causedBy(e) || response.isCommitted()) {
                throw e;
            }
            log.warn("Database unavailable, 503 for {} {}: {}", request.getMethod(), request.getRequestURI(),
                    rootMessage(e));
            unavailable(request, response);
        }
    }

    private void unavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean api = wantsJson(request);
        Locale locale = locales.resolveLocale(request);
        String title = messages.getMessage("error.title.unavailable", null, "Service Unavailable", locale);
        String detail = messages.getMessage("error.unavailable", null, "Service Unavailable", locale);
        String requestId = response.getHeader(RequestIdFilter.HEADER);
        response.reset();
        if (requestId != null) {
            response.setHeader(RequestIdFilter.HEADER, requestId); // to find the request's WARN line in the log
        }
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
        response.setHeader("Cache-Control", "no-store");
        if (api) {
            response.setCharacterEncoding("UTF-8");
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getWriter(), Map.of(
                    "type", "urn:campusgate:problem:unavailable",
                    "title", title,
                    "status", 503,
                    "detail", detail,
                    "instance", request.getRequestURI(),
                    "code", "error.unavailable"));
        } else {
            PlainPage.write(response, 503, locale, title, detail, new PlainPage.Link(request.getRequestURI(),
                    messages.getMessage("error.page.retry", null, "Try again", locale)));
        }
    }

    private static boolean wantsJson(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String accept = request.getHeader("Accept");
        return path.startsWith("/api/") || path.startsWith("/actuator/")
                || (accept != null && accept.contains("json") && !accept.contains("text/html"));
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
