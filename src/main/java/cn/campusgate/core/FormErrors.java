package cn.campusgate.core;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.validation.BindingResult;

/** Field errors of a bound form, as field → message in the user's language, for the page to show. */
public final class FormErrors {

    private FormErrors() {
    }

    public static Map<String, String> of(BindingResult result, MessageSource messages, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        result.getFieldErrors().forEach(error -> errors.putIfAbsent(error.getField(),
                error.isBindingFailure() ? messages.getMessage("error.field.format", null, locale)
                        : messages.getMessage(error, locale)));
        return errors;
    }

    public static String message(BusinessRuleViolation violation, MessageSource messages, Locale locale) {
        return messages.getMessage(violation.messageKey(), violation.arguments(), violation.messageKey(), locale);
    }
}
