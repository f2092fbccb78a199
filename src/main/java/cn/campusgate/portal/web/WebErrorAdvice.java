package cn.campusgate.portal.web;

import java.util.UUID;

import cn.campusgate.core.BusinessRuleViolation;
import cn.campusgate.core.NotFound;
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
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * A page-level failure becomes a friendly page in the user's language: never a stack trace. Forms catch
 * their own rule violations and show them beside the fields; this is the net under everything else.
 */
@ControllerAdvice(annotations = Controller.class)
class WebErrorAdvice {

    private static final Logger log = LoggerFactory.getLogger(WebErrorAdvice.class);

    @ExceptionHandler(NotFound.class)
    String notFound(NotFound e, Model model, HttpServletResponse response) {
        return page(404, e, model, response);
    }

    @ExceptionHandler(BusinessRuleViolation.class)
    String violation(BusinessRuleViolation e, Model model, HttpServletResponse response) {
        return page(422, e, model, response);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    String stale(Model model, HttpServletResponse response) {
        return page(409, new BusinessRuleViolation("error.stale"), model, response);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(Model model, HttpServletResponse response) {
        return page(413, new BusinessRuleViolation("error.uploadTooLarge"), model, response);
    }

    /**
     * A hand-edited or stale link: wrong parameter type or a missing parameter, or a form record that cannot be
     * built from the fields sent (e.g. no version).
     */
    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class,
            HttpMessageNotReadableException.class, BindException.class})
    String badParameter(Model model, HttpServletResponse response) {
        return page(400, new BusinessRuleViolation("error.badParameter"), model, response);
    }

    @ExceptionHandler(AccessDeniedException.class)
    void denied(AccessDeniedException e) {
        throw e; // Spring Security answers with 403
    }

    @ExceptionHandler(Exception.class)
    String unexpected(Exception e, Model model, HttpServletResponse response) {
        String id = UUID.randomUUID().toString().substring(0, 8);
        log.error("Unexpected page failure {}", id, e);
        return page(500, new BusinessRuleViolation("error.internal", id), model, response);
    }

    private static String page(int status, BusinessRuleViolation e, Model model, HttpServletResponse response) {
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("messageKey", e.messageKey());
        model.addAttribute("messageArguments", e.arguments());
        return "error";
    }
}
