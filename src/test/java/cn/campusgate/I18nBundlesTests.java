package cn.campusgate;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/** Chinese first, English second: every message exists in both, and every key a template uses exists. */
class I18nBundlesTests {

    static Stream<String> bundles() {
        return Stream.of("core", "portal", "organization", "school-import", "audit", "item", "screening", "calendar",
                "notification", "approval", "committee", "whitelist", "supervision", "delivery",
                "monitoring", "evaluation", "campaign",
                "insight");
    }

    @ParameterizedTest
    @MethodSource("bundles")
    void chineseAndEnglishHaveTheSameKeys(String bundle) throws IOException {
        Properties zh = load("i18n/" + bundle + ".properties");
        Properties en = load("i18n/" + bundle + "_en.properties");
        assertThat(en.stringPropertyNames()).as("English keys of " + bundle)
                .containsExactlyInAnyOrderElementsOf(zh.stringPropertyNames());
        zh.forEach((key, value) -> assertThat(value.toString()).as(key.toString()).isNotBlank());
        en.forEach((key, value) -> assertThat(value.toString()).as(key.toString()).isNotBlank());
    }

    @ParameterizedTest
    @MethodSource("bundles")
    void theChineseBundleIsChinese(String bundle) throws IOException {
        Properties zh = load("i18n/" + bundle + ".properties");
        long chinese = zh.values().stream().filter(v -> v.toString().codePoints()
                .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)).count();
        assertThat(chinese).as(bundle).isGreaterThanOrEqualTo(zh.size() * 8L / 10);
    }

    @Test
    void everyLiteralKeyInTheTemplatesExists() throws IOException {
        Set<String> known = new TreeSet<>();
        for (String bundle : bundles().toList()) {
            known.addAll(load("i18n/" + bundle + ".properties").stringPropertyNames());
        }
        Pattern literalKey = Pattern.compile("#\\{([a-zA-Z0-9_.-]+)[}(]");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path template : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher matcher = literalKey.matcher(Files.readString(template));
                while (matcher.find()) {
                    if (!known.contains(matcher.group(1))) {
                        missing.add(template.getFileName() + ": " + matcher.group(1));
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
