package cn.campusgate.core.internal;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * A page's upload over the multipart limit ({@code spring.servlet.multipart}) answers 413 with a short page in the
 * user's language. Without this the CSRF check read the form's token from a body Tomcat had refused to parse and
 * found none. The page is written here rather than by the error page: rendering that runs Spring MVC, which parses
 * the refused body again and fails. The API has no CSRF token in its bodies; its 413 is a problem detail
 * ({@code ApiMappingProblems}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class UploadTooLarge extends OncePerRequestFilter {

    private final MessageSource messages;
    private final LocaleResolver locales;

    UploadTooLarge(MessageSource messages, LocaleResolver locales) {
        this.messages = messages;
        this.locales = locales;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return !("POST".equals(request.getMethod()) || "PUT".equals(request.getMethod())) || type == null
                || !type.toLowerCase(Locale.ROOT).startsWith(MediaType.MULTIPART_FORM_DATA_VALUE)
                || request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            request.getParts();
        } catch (RuntimeException | ServletException | IOException e) {
            // Tomcat says it with an IllegalStateException whose cause is its size exception.
            if (tooLarge(e)) {
                refuse(request, response);
                return;
            }
            // Anything else malformed is left to Spring MVC, which answers 400.
        }
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Locale locale = locales.resolveLocale(request);
        PlainPage.write(response, HttpStatus.CONTENT_TOO_LARGE.value(), locale,
                messages.getMessage("error.page.title", null, locale),
                messages.getMessage("error.uploadTooLarge", null, locale) + " "
                        + messages.getMessage("error.page.help", null, locale), null);
    }

    static boolean tooLarge(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage() == null ? "" : cause.getMessage().toLowerCase(Locale.ROOT);
            if (cause.getClass().getSimpleName().contains("SizeLimitExceeded")
                    || (message.contains("exceed") && message.contains("size"))) {
                return true;
            }
        }
        return false;
    }
}
