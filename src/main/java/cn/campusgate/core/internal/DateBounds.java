package cn.campusgate.core.internal;

import java.beans.PropertyEditorSupport;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Locale;

import cn.campusgate.core.BusinessRuleViolation;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.ext.javatime.deser.LocalDateDeserializer;
import tools.jackson.databind.ext.javatime.deser.LocalDateTimeDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Every date and year a request carries lies within {@value #FIRST_YEAR}–{@value #LAST_YEAR}: the years a school
 * calendar, a whitelist or a campaign of this product can concern. Without a bound, {@code 0000-01-01} was saved in
 * a draft and {@code year=2147483647} on {@code /api/v1/schedule} made {@code LocalDate.of} throw (a 500 with a stack
 * trace). A module may be stricter (the calendar, campaigns); this is the net under all of them:
 * <ul>
 *   <li>forms and query parameters: every {@link LocalDate} and {@link LocalDateTime} (ISO, as HTML's date inputs
 *       send them), and every request parameter or path variable named {@code year} or ending in {@code Year};</li>
 *   <li>JSON bodies: every {@link LocalDate} and {@link LocalDateTime}.</li>
 * </ul>
 * A value outside gets a 400: the form's field error, the error page, or a problem detail naming the range
 * ({@link OutOfRange}, read by {@code ApiProblemAdvice}).
 */
@ControllerAdvice
class DateBounds {

    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;

    /** A value outside the bounds; its message key and arguments say which in the user's language. */
    static final class OutOfRange extends IllegalArgumentException {

        private final String messageKey;

        OutOfRange(String messageKey) {
            super(messageKey);
            this.messageKey = messageKey;
            // Pages say it through the rule violation among the causes of the binding failure (WebErrorAdvice).
            initCause(new BusinessRuleViolation(messageKey, arguments()));
        }

        String messageKey() {
            return messageKey;
        }

        Object[] arguments() {
            return messageKey.equals("error.yearOutOfRange")
                    ? new Object[] {String.valueOf(FIRST_YEAR), String.valueOf(LAST_YEAR)}
                    : new Object[] {FIRST_YEAR + "-01-01", LAST_YEAR + "-12-31"};
        }

        /** The first bound violation among the causes of a failure, if any. */
        static @Nullable OutOfRange in(@Nullable Throwable failure) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof OutOfRange outOfRange) {
                    return outOfRange;
                }
            }
            return null;
        }
    }

    static boolean withinBounds(int year) {
        return year >= FIRST_YEAR && year <= LAST_YEAR;
    }

    static <T> T checked(T value, int year) {
        if (!withinBounds(year)) {
            throw new OutOfRange("error.dateOutOfRange");
        }
        return value;
    }

    @InitBinder
    void bound(WebDataBinder binder) {
        binder.registerCustomEditor(LocalDate.class, new Editor() {
            @Override
            Object parse(String text) {
                LocalDate date = LocalDate.parse(text);
                return checked(date, date.getYear());
            }
        });
        binder.registerCustomEditor(LocalDateTime.class, new Editor() {
            @Override
            Object parse(String text) {
                LocalDateTime time = LocalDateTime.parse(text);
                return checked(time, time.getYear());
            }
        });
        // A @RequestParam or @PathVariable gets a binder named after it.
        String name = binder.getObjectName();
        if (name.equals("year") || name.endsWith("Year")) {
            Editor year = new Editor() {
                @Override
                Object parse(String text) {
                    int value;
                    try {
                        value = Integer.parseInt(text);
                    } catch (NumberFormatException e) {
                        throw new OutOfRange("error.yearOutOfRange");
                    }
                    if (!withinBounds(value)) {
                        throw new OutOfRange("error.yearOutOfRange");
                    }
                    return value;
                }
            };
            binder.registerCustomEditor(int.class, year);
            binder.registerCustomEditor(Integer.class, year);
        }
    }

    /** Blank is no value (the field's own rules say whether one is needed); anything else must parse and lie within. */
    private abstract static class Editor extends PropertyEditorSupport {

        abstract Object parse(String text);

        @Override
        public void setAsText(@Nullable String text) {
            if (text == null || text.isBlank()) {
                setValue(null);
                return;
            }
            try {
                setValue(parse(text.strip()));
            } catch (OutOfRange e) {
                throw e;
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("not an ISO date: " + text.strip().toLowerCase(Locale.ROOT), e);
            }
        }

        @Override
        public String getAsText() {
            Object value = getValue();
            return value == null ? "" : value.toString();
        }
    }

    @Bean
    static JacksonModule boundedDatesInJson() {
        return new SimpleModule("bounded-dates")
                .addDeserializer(LocalDate.class, new BoundedLocalDate())
                .addDeserializer(LocalDateTime.class, new BoundedLocalDateTime());
    }

    static final class BoundedLocalDate extends StdScalarDeserializer<LocalDate> {

        BoundedLocalDate() {
            super(LocalDate.class);
        }

        @Override
        public @Nullable LocalDate deserialize(JsonParser parser, DeserializationContext context) {
            LocalDate date = LocalDateDeserializer.INSTANCE.deserialize(parser, context);
            return date == null ? null : checked(date, date.getYear());
        }
    }

    static final class BoundedLocalDateTime extends StdScalarDeserializer<LocalDateTime> {

        BoundedLocalDateTime() {
            super(LocalDateTime.class);
        }

        @Override
        public @Nullable LocalDateTime deserialize(JsonParser parser, DeserializationContext context) {
            LocalDateTime time = LocalDateTimeDeserializer.INSTANCE.deserialize(parser, context);
            return time == null ? null : checked(time, time.getYear());
        }
    }
}
