package cn.campusgate.core.internal;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import cn.campusgate.core.BusinessRuleViolation;
import cn.campusgate.core.DatabaseUnavailable;
import cn.campusgate.core.NotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every API error is an RFC 9457 problem detail, in the caller's language (Accept-Language), and never
 * carries a stack trace. Unexpected failures get an id that is logged with the cause.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblemAdvice.class);

    private final MessageSource messages;

    ApiProblemAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(NotFound.class)
    ProblemDetail notFound(NotFound e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", e);
    }

    @ExceptionHandler(BusinessRuleViolation.class)
    ProblemDetail violation(BusinessRuleViolation e) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "rule-violation", e);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ProblemDetail stale(OptimisticLockingFailureException e) {
        return problem(HttpStatus.CONFLICT, "stale", new BusinessRuleViolation("error.stale"));
    }

    @ExceptionHandler({AccessDeniedException.class, AuthenticationException.class})
    void security(RuntimeException e) {
        throw e; // handled by Spring Security with a 401/403 problem
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) throws Exception {
        if (DatabaseUnavailable.causedBy(e)) {
            throw e; // a 503 from DatabaseOutageFilter, which also covers failures before a controller is reached
        }
        String id = UUID.randomUUID().toString().substring(0, 8);
        log.error("Unexpected API failure {}", id, e);
        ProblemDetail problem = problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal",
                new BusinessRuleViolation("error.internal", id));
        problem.setProperty("errorId", id);
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                messages.getMessage("error.validation", null, locale));
        problem.setType(URI.create("urn:campusgate:problem:validation"));
        problem.setTitle(messages.getMessage("error.validation.title", null, locale));
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(),
                        "message", messages.getMessage(error, locale)))
                .toList();
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    /** A date or year outside {@link DateBounds} in a query parameter or a path: the range, not just "malformed". */
    @Override
    protected @Nullable ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        DateBounds.OutOfRange outOfRange = DateBounds.OutOfRange.in(e);
        return outOfRange == null ? super.handleTypeMismatch(e, headers, status, request) : outOfRange(outOfRange);
    }

    /** The same for a date in a JSON body. */
    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        DateBounds.OutOfRange outOfRange = DateBounds.OutOfRange.in(e);
        return outOfRange == null ? super.handleHttpMessageNotReadable(e, headers, status, request)
                : outOfRange(outOfRange);
    }

    private ResponseEntity<Object> outOfRange(DateBounds.OutOfRange e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "bad-request",
                new BusinessRuleViolation(e.messageKey(), e.arguments()));
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        if (body instanceof ProblemDetail problem && problem.getTitle() != null) {
            // Localise Spring's own problems (bad JSON, wrong method, …) by their status.
            Locale locale = LocaleContextHolder.getLocale();
            problem.setDetail(messages.getMessage("error.http." + status.value(), null,
                    messages.getMessage("error.badRequest", null, locale), locale));
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    private ProblemDetail problem(HttpStatus status, String type, BusinessRuleViolation e) {
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
                messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale));
        problem.setType(URI.create("urn:campusgate:problem:" + type));
        problem.setTitle(messages.getMessage("error.title." + type, null, status.getReasonPhrase(), locale));
        problem.setProperty("code", e.messageKey());
        return problem;
    }
}
