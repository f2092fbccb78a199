package cn.campusgate.portal.web;

import java.util.UUID;

import cn.campusgate.core.Actors;
import cn.campusgate.core.BusinessRuleViolation;
import cn.campusgate.core.DatabaseUnavailable;
import cn.campusgate.core.NotFound;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * A page-level failure becomes a friendly page in the user's language: never a stack trace. Forms catch
 * their own rule violations and show them beside the fields; this is the net under everything else.
 */
@ControllerAdvice(annotations = Controller.class)
class WebErrorAdvice {

    private static final Logger log = LoggerFactory.getLogger(WebErrorAdvice.class);

    private final ShellModel shell;

    WebErrorAdvice(ShellModel shell) {
        this.shell = shell;
    }

    @ExceptionHandler(NotFound.class)
    String notFound(NotFound e, Model model, HttpServletRequest request, HttpServletResponse response) {
        if (Actors.current().isEmpty() && "error.notFound".equals(e.messageKey())) {
            // A visitor of the public pages has no scope to be outside of.
            return page(404, new BusinessRuleViolation("error.notFound.public", e.arguments()), model, request, response);
        }
        return page(404, e, model, request, response);
    }

    @ExceptionHandler(BusinessRuleViolation.class)
    String violation(BusinessRuleViolation e, Model model, HttpServletRequest request, HttpServletResponse response) {
        return page(422, e, model, request, response);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    String stale(Model model, HttpServletRequest request, HttpServletResponse response) {
        return page(409, new BusinessRuleViolation("error.stale"), model, request, response);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(Model model, HttpServletRequest request, HttpServletResponse response) {
        return page(413, new BusinessRuleViolation("error.uploadTooLarge"), model, request, response);
    }

    /**
     * A hand-edited or stale link: wrong parameter type or a missing parameter; or a form that fails its bean
     * validation where the controller takes no BindingResult.
     */
    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class,
            HttpMessageNotReadableException.class, BindException.class, HandlerMethodValidationException.class})
    String badParameter(Exception e, Model model, HttpServletRequest request, HttpServletResponse response) {
        // A value refused by a rule while it was bound (a year or date out of range) says which rule.
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BusinessRuleViolation violation) {
                return page(400, violation, model, request, response);
            }
        }
        return page(400, new BusinessRuleViolation("error.badParameter"), model, request, response);
    }

    @ExceptionHandler(AccessDeniedException.class)
    void denied(AccessDeniedException e) {
        throw e; // Spring Security answers with 403
    }

    @ExceptionHandler(Exception.class)
    String unexpected(Exception e, Model model, HttpServletRequest request, HttpServletResponse response) throws Exception {
        if (DatabaseUnavailable.causedBy(e)) {
            throw e; // the error page's layout needs the database: core's outage filter answers 503 instead
        }
        if (e instanceof ErrorResponse error && error.getStatusCode().is4xxClientError()) {
            // Spring MVC's own answers to a malformed request (406 not acceptable, 415 …) keep their status.
            return page(error.getStatusCode().value(), new BusinessRuleViolation("error.badParameter"), model, request, response);
        }
        String id = UUID.randomUUID().toString().substring(0, 8);
        log.error("Unexpected page failure {}", id, e);
        return page(500, new BusinessRuleViolation("error.internal", id), model, request, response);
    }

    private String page(int status, BusinessRuleViolation e, Model model, HttpServletRequest request,
                        HttpServletResponse response) {
        response.setStatus(status);
        // An exception handler's model has none of the shell's model attributes: without these the error page
        // lost the signed-in person's header and navigation, leaving no way on but the browser's back button.
        model.addAttribute("actor", shell.actor());
        model.addAttribute("navigation", shell.navigation());
        model.addAttribute("currentPath", shell.currentPath(request));
        model.addAttribute("currentQuery", shell.currentQuery(request));
        model.addAttribute("status", status);
        model.addAttribute("messageKey", e.messageKey());
        model.addAttribute("messageArguments", e.arguments());
        model.addAttribute("signedIn", Actors.current().isPresent()); // the shell's model attributes are not here
        return "error";
    }
}
