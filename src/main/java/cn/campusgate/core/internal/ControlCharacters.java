package cn.campusgate.core.internal;

import java.beans.PropertyEditorSupport;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Text from a form or a JSON body may not contain control characters other than tab, line feed and carriage
 * return. PostgreSQL refuses NUL in text outright (the request failed with a 500), and the others (backspace,
 * escape, …) are never typed by a person: they only garble pages, exports and logs. A form gets the field's
 * format error ({@code error.field.format}), the API a 400 problem detail.
 */
@ControllerAdvice
class ControlCharacters {

    static boolean present(@Nullable String text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                return true;
            }
        }
        return false;
    }

    @InitBinder
    void refuseInForms(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(@Nullable String text) {
                if (present(text)) {
                    throw new IllegalArgumentException("control characters are not allowed");
                }
                setValue(text);
            }
        });
    }

    @Bean
    static JacksonModule refuseInJson() {
        return new SimpleModule("control-characters").addDeserializer(String.class, new TextWithoutControls());
    }

    static final class TextWithoutControls extends StdScalarDeserializer<String> {

        TextWithoutControls() {
            super(String.class);
        }

        @Override
        public @Nullable String deserialize(JsonParser parser, DeserializationContext context) {
            String text = StringDeserializer.instance.deserialize(parser, context);
            if (present(text)) {
                return (String) context.handleWeirdStringValue(String.class, text, "control characters are not allowed");
            }
            return text;
        }
    }
}
