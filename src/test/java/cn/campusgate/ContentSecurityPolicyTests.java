package cn.campusgate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages' Content Security Policy ({@code script-src 'self'; style-src 'self'}, no {@code unsafe-inline}) refuses
 * inline handlers, inline scripts, style attributes and style elements: the browser drops them and logs a violation
 * (the school picker on /schedule did nothing, the progress bars stayed empty). No template, and no HTML the Java
 * code writes, may contain one; behaviour lives in {@code static/js}, looks in {@code static/css}.
 */
class ContentSecurityPolicyTests {

    private static final Map<String, Pattern> REFUSED = Map.of(
            "style attribute", Pattern.compile("(?i)[\\s\"'](th:)?style\\s*="),
            "style set through th:attr", Pattern.compile("(?i)th:attr(append|prepend)?\\s*=\\s*\"[^\"]*\\bstyle\\s*="),
            "inline event handler", Pattern.compile("(?i)\\s(th:)?on[a-z]+\\s*="),
            "handler set through th:attr", Pattern.compile("(?i)th:attr(append|prepend)?\\s*=\\s*\"[^\"]*\\bon[a-z]+\\s*="),
            "htmx inline handler", Pattern.compile("(?i)\\shx-on[:-]"),
            "inline script", Pattern.compile("(?i)<script(?![^>]*\\b(th:)?src\\s*=)[^>]*>"),
            "style element", Pattern.compile("(?i)<style[\\s>]"),
            "javascript: URL", Pattern.compile("(?i)javascript:"));

    @Test
    void noTemplateHasInlineScriptOrStyle() throws IOException {
        assertThat(offenders(Path.of("src/main/resources/templates"), ".html")).as("CSP-refused markup").isEmpty();
    }

    @Test
    void noHtmlWrittenByJavaHasInlineScriptOrStyle() throws IOException {
        // Java writes HTML in string literals (the filters' plain error page, server-drawn SVG): the same rules.
        List<String> found = new ArrayList<>();
        for (String offender : offenders(Path.of("src/main/java"), ".java")) {
            if (!offender.contains("inline event handler")) { // Java's own identifiers (onSuccess = …) are no HTML
                found.add(offender);
            }
        }
        assertThat(found).as("CSP-refused markup in Java string literals").isEmpty();
    }

    @Test
    void theRulesSeeWhatTheBrowserRefused() {
        assertThat(REFUSED.get("inline event handler").matcher("<select id=\"school\" onchange=\"this.form.submit()\">").find()).isTrue();
        assertThat(REFUSED.get("style attribute").matcher("<div th:style=\"'width: ' + ${p} + '%'\">").find()).isTrue();
        assertThat(REFUSED.get("style attribute").matcher("<td style=\"min-width: 14rem\">").find()).isTrue();
        assertThat(REFUSED.get("inline script").matcher("<script>alert(1)</script>").find()).isTrue();
        assertThat(REFUSED.get("inline script").matcher("<script th:src=\"@{/js/a.js}\"></script>").find()).isFalse();
        assertThat(REFUSED.get("style attribute").matcher("<div class=\"x\" data-width=\"40\">").find()).isFalse();
    }

    private static List<String> offenders(Path root, String ending) throws IOException {
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(ending)).sorted().toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                if (ending.equals(".java") && !text.contains("<")) {
                    continue;
                }
                String[] lines = text.split("\\R", -1);
                for (int i = 0; i < lines.length; i++) {
                    for (Map.Entry<String, Pattern> rule : REFUSED.entrySet()) {
                        Matcher matcher = rule.getValue().matcher(lines[i]);
                        if (matcher.find() && !(ending.equals(".java") && !lines[i].contains("<") && !lines[i].contains("=\\\""))) {
                            offenders.add(file + ":" + (i + 1) + " " + rule.getKey() + ": " + lines[i].strip());
                        }
                    }
                }
            }
        }
        return offenders;
    }
}
