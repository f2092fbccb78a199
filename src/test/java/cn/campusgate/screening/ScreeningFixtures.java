package cn.campusgate.screening;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

import org.springframework.context.support.ResourceBundleMessageSource;

/** The screening services without Spring: the real message bundle, themes kept in memory. */
final class ScreeningFixtures {

    static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    private ScreeningFixtures() {
    }

    static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("i18n/screening");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    static Screening screening() {
        return screening(new SimilarThemes(new MemoryStore()));
    }

    static Screening screening(SimilarThemes themes) {
        return new Screening(messages(), themes);
    }

    /** A {@link ThemeStore} in a map, for tests and the benchmark. */
    static final class MemoryStore implements ThemeStore {
        final Map<String, String> rows = new LinkedHashMap<>();

        @Override
        public void save(String key, String text) {
            rows.put(key, text);
        }

        @Override
        public void delete(String key) {
            rows.remove(key);
        }

        @Override
        public void forEach(BiConsumer<String, String> consumer) {
            rows.forEach(consumer);
        }
    }
}
