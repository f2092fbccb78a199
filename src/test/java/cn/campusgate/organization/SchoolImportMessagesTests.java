package cn.campusgate.organization;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every message of the school import exists in Chinese and in English, and is a valid pattern. */
class SchoolImportMessagesTests {

    private static final Pattern KEY = Pattern.compile("school-import\\.[A-Za-z.]+[A-Za-z]");

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        Properties zh = load("i18n/school-import.properties");
        Properties en = load("i18n/school-import_en.properties");

        assertThat(zh.stringPropertyNames()).isNotEmpty().isEqualTo(en.stringPropertyNames());
        for (Properties bundle : new Properties[]{zh, en}) {
            bundle.forEach((key, value) -> assertThat(new MessageFormat((String) value).format(new Object[]{2, 3, 4}))
                    .as("%s", key).isNotBlank());
        }
    }

    @Test
    void everyKeyTheCodeUsesExists() throws IOException {
        Properties zh = load("i18n/school-import.properties");
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/main/java")), Files.walk(Path.of("src/main/resources/templates")))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Matcher matcher = KEY.matcher(Files.readString(file));
                while (matcher.find()) {
                    used.add(matcher.group());
                }
            }
        }
        used.removeIf(key -> key.equals("school-import.column") || key.endsWith(".properties") || key.endsWith(".js"));
        for (SchoolColumn column : SchoolColumn.values()) {
            used.add(column.labelKey());
            used.add(column.helpKey());
        }
        assertThat(used).hasSizeGreaterThan(40);
        assertThat(zh.stringPropertyNames()).containsAll(used);
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = SchoolImportMessagesTests.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
