package cn.campusgate.monitoring.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import cn.campusgate.core.Formats;
import cn.campusgate.monitoring.Alert;
import cn.campusgate.monitoring.Demand;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * An alert's description in the reader's language: its facts are stored as plain values (ISO dates, demand and
 * rule codes) and rendered here, dates as officials write them. Templates use it as {@code @alertTexts}.
 */
@Component("alertTexts")
public class AlertTexts {

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern CODES = Pattern.compile("[A-Z0-9_-]+(,[A-Z0-9_-]+)*");

    private final MessageSource messages;

    AlertTexts(MessageSource messages) {
        this.messages = messages;
    }

    public String text(Alert alert) {
        Locale locale = LocaleContextHolder.getLocale();
        List<String> args = alert.messageArguments().stream().map(a -> render(a, locale)).toList();
        return messages.getMessage(alert.messageKey(), args.toArray(), alert.messageKey(), locale);
    }

    private String render(String value, Locale locale) {
        if (ISO_DATE.matcher(value).matches()) {
            return Formats.dateText(LocalDate.parse(value));
        }
        if (CODES.matcher(value).matches()
                && Arrays.stream(value.split(",")).allMatch(code -> code.startsWith("R2-") || isDemand(code))) {
            return Arrays.stream(value.split(",")).map(code -> label(code, locale)).distinct()
                    .collect(Collectors.joining("zh".equals(locale.getLanguage()) ? "、" : ", "));
        }
        return value;
    }

    private String label(String code, Locale locale) {
        if (code.startsWith("R2-")) {
            return messages.getMessage("screening.rule." + code + ".name", null, code, locale);
        }
        return messages.getMessage("enum.Demand." + code, null, code, locale);
    }

    private static boolean isDemand(String value) {
        return Arrays.stream(Demand.values()).anyMatch(d -> d.name().equals(value));
    }
}
