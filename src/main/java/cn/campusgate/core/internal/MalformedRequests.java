package cn.campusgate.core.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * A request whose parameters cannot be read is answered 400 before anything else sees it. Tomcat decodes the query
 * string and a form body only when a parameter is first asked for, and then throws for a malformed percent-encoding
 * ({@code ?x=%FF}, {@code %C3%28}, a lone {@code %}) on every later access: the locale switch, the sign-in page's
 * template or Spring Security asked, and the answer was a 500 with a stack trace in the log (on 24 pages, public ones
 * too). A control character in the query string ({@code %00} …) or in an upload's file name, and a multipart body
 * that does not parse (except for its size, which gets its 413), are refused here too: nobody types a control
 * character, and PostgreSQL refuses NUL in text outright. Text fields of forms and JSON bodies keep their own
 * per-field message ({@link ControlCharacters}).
 *
 * <p>Pages get the application's error page (status 400, in the user's language) rendered from a copy of the
 * request without its unreadable parameters; the API gets a problem detail. Nothing is changed, and nothing is
 * logged above INFO: it is the client's mistake, not the application's. Runs before the public rate limit, so a
 * malformed request costs nobody's budget.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class MalformedRequests extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(MalformedRequests.class);
    static final String ERROR_KEY = "error.malformedRequest";

    private final MessageSource messages;
    private final LocaleResolver locales;
    private final JsonMapper json = JsonMapper.builder().build();

    MalformedRequests(MessageSource messages, LocaleResolver locales) {
        this.messages = messages;
        this.locales = locales;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String problem = problem(request);
        if (problem == null) {
            chain.doFilter(request, response);
            return;
        }
        log.info("Refused a malformed request to {}: {}", request.getRequestURI(), problem);
        refuse(request, response);
    }

    /** What is wrong with the request, or {@code null}. */
    private static @Nullable String problem(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query != null && !readable(query)) {
            return "unreadable query string";
        }
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        if (type.startsWith(MediaType.MULTIPART_FORM_DATA_VALUE)) {
            try {
                for (Part part : request.getParts()) {
                    if (ControlCharacters.present(part.getSubmittedFileName())) {
                        return "control character in an upload's file name";
                    }
                }
            } catch (RuntimeException | ServletException | IOException e) {
                // Too large: UploadTooLarge (pages) and ApiMappingProblems (API) answer 413.
                return UploadTooLarge.tooLarge(e) ? null : "unreadable multipart body: " + e.getMessage();
            }
            return null;
        }
        try {
            // Makes Tomcat decode a form body now (and the query string, already checked above).
            request.getParameterMap();
        } catch (IllegalStateException e) {
            return "unreadable parameters: " + e.getMessage();
        }
        return null;
    }

    /**
     * Whether a raw query string decodes: every {@code %} followed by two hexadecimal digits, the bytes valid UTF-8
     * (Tomcat's encoding for the query), and no control character in the result.
     */
    static boolean readable(String query) {
        for (String piece : query.split("[&=]", -1)) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(piece.length());
            for (int i = 0; i < piece.length(); i++) {
                char c = piece.charAt(i);
                if (c == '%') {
                    if (i + 2 >= piece.length()) {
                        return false;
                    }
                    int high = Character.digit(piece.charAt(i + 1), 16);
                    int low = Character.digit(piece.charAt(i + 2), 16);
                    if (high < 0 || low < 0) {
                        return false;
                    }
                    bytes.write(high * 16 + low);
                    i += 2;
                } else if (c == '+') {
                    bytes.write(' ');
                } else if (c < 0x80) {
                    bytes.write(c);
                } else {
                    bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                }
            }
            String decoded;
            try {
                decoded = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
            } catch (CharacterCodingException e) {
                return false;
            }
            if (decoded.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7f)) {
                return false;
            }
        }
        return true;
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        HttpServletRequest readable = new WithoutParameters(request);
        Locale locale = locales.resolveLocale(readable);
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    messages.getMessage(ERROR_KEY, null, locale));
            problem.setType(URI.create("urn:campusgate:problem:bad-request"));
            problem.setTitle(messages.getMessage("error.title.bad-request", null, locale));
            problem.setProperty("code", ERROR_KEY);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            json.writeValue(response.getWriter(), problem);
            return;
        }
        // The error page as for any other 400, from a request that no longer carries the unreadable parameters.
        readable.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, HttpStatus.BAD_REQUEST.value());
        readable.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, request.getRequestURI());
        readable.setAttribute(RequestDispatcher.ERROR_MESSAGE, "");
        readable.setAttribute(ERROR_KEY, Boolean.TRUE);
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        request.getRequestDispatcher("/error").forward(readable, response);
    }

    /** The request as if it had no query string and no parameters. */
    static final class WithoutParameters extends HttpServletRequestWrapper {

        WithoutParameters(HttpServletRequest request) {
            super(request);
        }

        @Override
        public @Nullable String getQueryString() {
            return null;
        }

        @Override
        public @Nullable String getParameter(String name) {
            return null;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Map.of();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.emptyEnumeration();
        }

        @Override
        public String @Nullable [] getParameterValues(String name) {
            return null;
        }
    }
}
