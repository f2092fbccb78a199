package cn.campusgate.core;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Dates and numbers as officials write them: 2026年11月30日 in Chinese, 30 Nov 2026 in English, always in
 * the district's time zone. Templates use it as {@code @formats}.
 */
@Component("formats")
public class Formats {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter ZH_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日", Locale.CHINA);
    private static final DateTimeFormatter ZH_DATE_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm", Locale.CHINA);
    private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
    private static final DateTimeFormatter EN_DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.UK);

    public String date(@Nullable LocalDate date) {
        if (date == null) {
            return "—";
        }
        return (chinese() ? ZH_DATE : EN_DATE).format(date);
    }

    public String date(@Nullable Instant instant) {
        return instant == null ? "—" : date(instant.atZone(ZONE).toLocalDate());
    }

    public String dateTime(@Nullable Instant instant) {
        return dateTimeText(instant);
    }

    /** A date for message arguments built outside templates, in the current request's language. */
    public static String dateText(LocalDate date) {
        return (chinese() ? ZH_DATE : EN_DATE).format(date);
    }

    /** For message arguments built outside templates, in the current request's language. */
    public static String dateTimeText(@Nullable Instant instant) {
        if (instant == null) {
            return "—";
        }
        return (chinese() ? ZH_DATE_TIME : EN_DATE_TIME).format(instant.atZone(ZONE));
    }

    public String number(long value) {
        return String.format(chinese() ? Locale.CHINA : Locale.UK, "%,d", value);
    }

    private static boolean chinese() {
        return "zh".equals(LocaleContextHolder.getLocale().getLanguage());
    }
}
