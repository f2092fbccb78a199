package cn.campusgate.core;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Renders {@link SystemText}s in the reader's language; templates use it as {@code @systemTexts}. A row written
 * before texts were kept as keys has only its Chinese sentence: that is shown as it is.
 */
@Component("systemTexts")
public class SystemTexts {

    private static final DateTimeFormatter ZH_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日", Locale.CHINA);
    private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    private final MessageSource messages;

    public SystemTexts(MessageSource messages) {
        this.messages = messages;
    }

    /**
     * A notice (key and text arguments) in the current request's language; an argument that is an ISO date
     * (2026-12-14) reads as the reader's language writes dates. Notices stored before keep their dates as written.
     */
    public String renderNotice(String key, java.util.List<String> args) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, noticeArgs(args, locale), key, locale);
    }

    /** Notice arguments for a language: ISO dates as that language writes them, other text as it is. */
    public static Object[] noticeArgs(java.util.List<String> args, Locale locale) {
        boolean english = "en".equals(locale.getLanguage());
        return args.stream().map(arg -> (Object) (ISO_DATE.matcher(arg).matches() ? date(arg, english) : arg)).toArray();
    }

    private static String date(String iso, boolean english) {
        try {
            return (english ? EN_DATE : ZH_DATE).format(java.time.LocalDate.parse(iso));
        } catch (java.time.format.DateTimeParseException e) {
            return iso; // looked like a date but is none: as written
        }
    }

    private static final java.util.regex.Pattern ISO_DATE = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /** In the current request's language. */
    public String render(@Nullable SystemText text, @Nullable String fallback) {
        return render(text, fallback, LocaleContextHolder.getLocale());
    }

    public String render(@Nullable SystemText text, @Nullable String fallback, Locale locale) {
        if (text == null) {
            return fallback == null ? "" : fallback;
        }
        boolean english = "en".equals(locale.getLanguage());
        Object[] args = text.args().stream().map(arg -> switch (arg) {
            case SystemText.Text t -> t.value();
            case SystemText.Date d -> (english ? EN_DATE : ZH_DATE).format(d.value());
            case SystemText.Key k -> messages.getMessage(k.value(), null, k.value(), locale);
        }).toArray();
        String rendered = messages.getMessage(text.key(), args, "", locale);
        return rendered.isEmpty() && fallback != null ? fallback : rendered;
    }
}
