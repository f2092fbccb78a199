package cn.campusgate.item.web;

import java.time.LocalDate;
import java.util.Locale;

import cn.campusgate.core.Formats;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** How item values read for people: enums by their label ({@code enum.<Type>.<NAME>}), dates as officials write them. */
@Component
class ItemLabels {

    private final MessageSource messages;
    private final Formats formats;

    ItemLabels(MessageSource messages, Formats formats) {
        this.messages = messages;
        this.formats = formats;
    }

    String display(Object value, Locale locale) {
        return switch (value) {
            case Enum<?> e -> messages.getMessage("enum." + e.getDeclaringClass().getSimpleName() + "." + e.name(), null,
                    e.name(), locale);
            case Boolean b -> messages.getMessage(b ? "common.yes" : "common.no", null, locale);
            case LocalDate date -> formats.date(date);
            default -> value.toString();
        };
    }
}
